package dev.portablefn.testing.localcloud;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A 5-field cron expression (minute hour day-of-month month day-of-week, UTC) with {@code *}, lists,
 * ranges, steps, {@code ?} and month/day names. Day-of-month and day-of-week combine with OR when
 * both are restricted, as in Vixie cron.
 */
final class CronExpression {

    private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
        "NOV", "DEC"};
    private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean dayOfMonthRestricted;
    private final boolean dayOfWeekRestricted;

    private CronExpression(String text) {
        this.text = text;
        String[] fields = text.trim().split("\\s+");
        if (fields.length != 5) {
            throw new IllegalArgumentException("cron expression '" + text + "' has " + fields.length
                    + " fields; use 5: minute hour day-of-month month day-of-week, such as '0 3 * * *'");
        }
        minutes = parse(fields[0], 0, 59, null, "minute");
        hours = parse(fields[1], 0, 23, null, "hour");
        daysOfMonth = parse(fields[2], 1, 31, null, "day-of-month");
        months = parse(fields[3], 1, 12, MONTHS, "month");
        BitSet dow = parse(fields[4], 0, 7, DAYS, "day-of-week");
        if (dow.get(7)) {
            dow.set(0);
        }
        daysOfWeek = dow;
        dayOfMonthRestricted = !isWildcard(fields[2]);
        dayOfWeekRestricted = !isWildcard(fields[4]);
    }

    static CronExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cron expression is empty; use 5 fields such as '*/5 * * * *'");
        }
        return new CronExpression(text);
    }

    private static boolean isWildcard(String field) {
        return field.equals("*") || field.equals("?");
    }

    private BitSet parse(String field, int min, int max, String[] names, String what) {
        BitSet set = new BitSet(max + 1);
        for (String part : field.split(",")) {
            int step = 1;
            String range = part;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = number(part.substring(slash + 1), 1, max, null, what);
                range = part.substring(0, slash);
            }
            int from;
            int to;
            if (range.equals("*") || range.equals("?")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                String[] bounds = range.split("-", 2);
                from = number(bounds[0], min, max, names, what);
                to = number(bounds[1], min, max, names, what);
                if (to < from) {
                    throw new IllegalArgumentException("cron expression '" + text + "': " + what + " range '"
                            + range + "' goes backwards");
                }
            } else {
                from = number(range, min, max, names, what);
                to = slash >= 0 ? max : from;
            }
            for (int value = from; value <= to; value += step) {
                set.set(value);
            }
        }
        return set;
    }

    private int number(String value, int min, int max, String[] names, String what) {
        if (names != null) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(value.toUpperCase(Locale.ROOT))) {
                    return names == MONTHS ? i + 1 : i;
                }
            }
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cron expression '" + text + "': '" + value + "' is not a valid "
                    + what, e);
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException("cron expression '" + text + "': " + what + " " + parsed
                    + " is outside " + min + ".." + max);
        }
        return parsed;
    }

    /**
     * @param after an instant
     * @return the first matching minute strictly after it
     */
    Instant nextAfter(Instant after) {
        ZonedDateTime time = after.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = time.plusYears(5);
        while (time.isBefore(limit)) {
            if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
            } else if (!dayMatches(time)) {
                time = time.withHour(0).withMinute(0).plusDays(1);
            } else if (!hours.get(time.getHour())) {
                time = time.withMinute(0).plusHours(1);
            } else if (!minutes.get(time.getMinute())) {
                time = time.plusMinutes(1);
            } else {
                return time.toInstant();
            }
        }
        throw new IllegalArgumentException("cron expression '" + text + "' never fires (checked 5 years ahead)");
    }

    private boolean dayMatches(ZonedDateTime time) {
        boolean dom = daysOfMonth.get(time.getDayOfMonth());
        boolean dow = daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
        if (dayOfMonthRestricted && dayOfWeekRestricted) {
            return dom || dow;
        }
        return dom && dow;
    }

    @Override
    public String toString() {
        return text;
    }
}
