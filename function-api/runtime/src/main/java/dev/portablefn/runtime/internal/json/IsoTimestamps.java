package dev.portablefn.runtime.internal.json;

import java.time.Instant;

/**
 * Parses the timestamp shape providers send on nearly every message, RFC 3339 with {@code Z} or an offset, by
 * hand: {@link java.time.format.DateTimeFormatter} allocates a parse context per call. Anything else is left to
 * the formatter, which also words the error.
 */
final class IsoTimestamps {

    private IsoTimestamps() {
    }

    /**
     * The common shape {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+HH:MM|-HH:MM)} without the formatter's
     * allocations (timestamps are on every message); {@code null} for anything else, which the formatter decides.
     */
    static Instant parseCommonShape(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int at = 19;
        int nano = 0;
        if (text.charAt(at) == '.') {
            int start = ++at;
            while (at < length && at - start < 9 && Character.isDigit(text.charAt(at))) {
                nano = nano * 10 + (text.charAt(at) - '0');
                at++;
            }
            if (at == start || at >= length) {
                return null;
            }
            for (int i = at - start; i < 9; i++) {
                nano *= 10;
            }
        }
        int offsetSeconds;
        char sign = text.charAt(at);
        if (sign == 'Z' && at + 1 == length) {
            offsetSeconds = 0;
        } else if ((sign == '+' || sign == '-') && at + 6 == length && text.charAt(at + 3) == ':') {
            int offsetHours = digits(text, at + 1, 2);
            int offsetMinutes = digits(text, at + 4, 2);
            if ((offsetHours | offsetMinutes) < 0 || offsetHours > 18 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        } else {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59
                || second > 59) {
            return null;   // the formatter reports it
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    private static int daysInMonth(int year, int month) {
        if (month == 2) {
            boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            return leap ? 29 : 28;
        }
        return month == 4 || month == 6 || month == 9 || month == 11 ? 30 : 31;
    }

    /** Days since 1970-01-01 of a valid proleptic Gregorian date with a year from 0 to 9999 (as LocalDate counts). */
    static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    /** @return the non-negative number in {@code count} ASCII digits at {@code from}, or -1 */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
