package dev.portablefn.logging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.event.Level;

/**
 * The levels loggers write at: one for all of them, and optionally others for the loggers under given names.
 * {@code PORTABLEFN_LOG_LEVEL=INFO,com.zaxxer.hikari=WARN,dev.example.orders=DEBUG} writes INFO and above, WARN and
 * above for {@code com.zaxxer.hikari} and the loggers under it, DEBUG and above for {@code dev.example.orders}; the
 * longest name that matches wins. Levels are {@code TRACE}, {@code DEBUG}, {@code INFO}, {@code WARN}, {@code ERROR}
 * and {@code OFF}, in any case ({@code FATAL}, which Lambda knows, counts as ERROR). Without the setting, Lambda's {@code AWS_LAMBDA_LOG_LEVEL} (its advanced logging
 * controls) sets the level for all loggers, else INFO.
 *
 * @param root   the threshold of every logger no override names, as an SLF4J level number
 * @param byName thresholds by logger name
 */
record LogLevels(int root, Map<String, Integer> byName) {

    /** The setting that sets the levels. */
    static final String SETTING = "PORTABLEFN_LOG_LEVEL";
    /** Lambda's own log level setting, read when {@link #SETTING} is not set. */
    static final String LAMBDA_SETTING = "AWS_LAMBDA_LOG_LEVEL";
    /** Above ERROR: nothing is written. */
    private static final int OFF = Integer.MAX_VALUE;

    LogLevels {
        byName = Map.copyOf(byName);
    }

    /**
     * Reads the levels from the environment.
     *
     * @return the levels
     * @throws IllegalArgumentException naming the setting and the part that is not a level or a {@code name=level}
     */
    static LogLevels of(UnaryOperator<String> environment) {
        String setting = SETTING;
        String text = environment.apply(SETTING);
        if (text == null || text.isBlank()) {
            setting = LAMBDA_SETTING;
            text = environment.apply(LAMBDA_SETTING);
        }
        if (text == null || text.isBlank()) {
            return new LogLevels(Level.INFO.toInt(), Map.of());
        }
        int root = Level.INFO.toInt();
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String item = part.strip();
            int equals = item.indexOf('=');
            if (equals < 0) {
                root = threshold(item, setting, text);
            } else {
                String name = item.substring(0, equals).strip();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException(setting + "='" + text + "': '" + item + "' names no logger");
                }
                byName.put(name, threshold(item.substring(equals + 1).strip(), setting, text));
            }
        }
        return new LogLevels(root, byName);
    }

    /** @return the threshold of the logger named {@code logger}: its longest matching name's, else the root's */
    int thresholdOf(String logger) {
        int found = root;
        int longest = -1;
        for (Map.Entry<String, Integer> entry : byName.entrySet()) {
            String name = entry.getKey();
            boolean under = logger.startsWith(name)
                    && (logger.length() == name.length() || logger.charAt(name.length()) == '.');
            if (under && name.length() > longest) {
                longest = name.length();
                found = entry.getValue();
            }
        }
        return found;
    }

    private static int threshold(String level, String setting, String text) {
        String upper = level.toUpperCase(Locale.ROOT);
        if (upper.equals("OFF")) {
            return OFF;
        }
        if (upper.equals("FATAL")) {   // Lambda's levels go one above SLF4J's
            return Level.ERROR.toInt();
        }
        for (Level known : Level.values()) {
            if (known.name().equals(upper)) {
                return known.toInt();
            }
        }
        throw new IllegalArgumentException(setting + "='" + text + "': '" + level
                + "' is not a level; use TRACE, DEBUG, INFO, WARN, ERROR or OFF");
    }
}
