package dev.portablefn.logging;

import java.util.Locale;
import java.util.function.UnaryOperator;

/** The shapes a log line can take, and which one the environment asks for. */
enum LogFormat {
    AWS, GCP, AZURE, TEXT;

    /** The setting that overrides the choice: {@code aws}, {@code gcp}, {@code azure} or {@code text}. */
    static final String SETTING = "PORTABLEFN_LOG_FORMAT";

    /**
     * Picks the format: {@link #SETTING} when set, else the provider whose runtime sets the variables present
     * (Lambda: {@code AWS_LAMBDA_FUNCTION_NAME}; Cloud Run functions: {@code K_SERVICE} or {@code FUNCTION_TARGET};
     * Azure Functions: {@code FUNCTIONS_WORKER_RUNTIME} or {@code WEBSITE_SITE_NAME}), else text.
     *
     * @param environment gives a variable's value, or {@code null} when it is not set
     * @return the format
     * @throws IllegalArgumentException if the setting names no format
     */
    static LogFormat of(UnaryOperator<String> environment) {
        String chosen = environment.apply(SETTING);
        if (chosen != null && !chosen.isBlank()) {
            try {
                return valueOf(chosen.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(SETTING + "='" + chosen + "' names no log format; use aws, gcp, azure or text",
                        unknown);
            }
        }
        if (isSet(environment, "AWS_LAMBDA_FUNCTION_NAME")) {
            return AWS;
        }
        if (isSet(environment, "K_SERVICE") || isSet(environment, "FUNCTION_TARGET")) {
            return GCP;
        }
        if (isSet(environment, "FUNCTIONS_WORKER_RUNTIME") || isSet(environment, "WEBSITE_SITE_NAME")) {
            return AZURE;
        }
        return TEXT;
    }

    private static boolean isSet(UnaryOperator<String> environment, String name) {
        String value = environment.apply(name);
        return value != null && !value.isBlank();
    }
}
