package dev.portablefn.runtime.internal.outbound;

import dev.portablefn.api.PermanentFailure;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Maps the logical names a function publishes to or stores in ({@code payments}, {@code lessons}) to the
 * provider resources a deployment configures, one environment variable per name:
 * {@code PORTABLEFN_DESTINATION_<NAME>} for topics and queues, {@code PORTABLEFN_BUCKET_<NAME>} for buckets, where
 * {@code <NAME>} is the logical name upper-cased with every character other than a letter or digit turned into
 * {@code _}. The same function code thus runs on every cloud; only the deployment's settings differ.
 */
public final class LogicalNames {

    /** Prefix of the settings that map a logical destination (topic, queue, bus). */
    public static final String DESTINATION_PREFIX = "PORTABLEFN_DESTINATION_";

    /** Prefix of the settings that map a logical bucket (or container). */
    public static final String BUCKET_PREFIX = "PORTABLEFN_BUCKET_";

    private static final LogicalNames ENVIRONMENT = new LogicalNames(System::getenv);

    private final UnaryOperator<String> settings;

    private LogicalNames(UnaryOperator<String> settings) {
        this.settings = settings;
    }

    /**
     * Gives the mapping read from the process environment, as deployed functions use it.
     *
     * @return the environment's mapping
     */
    public static LogicalNames fromEnvironment() {
        return ENVIRONMENT;
    }

    /**
     * Gives a mapping read from other settings, for tests and for deployments that configure in code.
     *
     * @param settings looks a setting up by name; answers {@code null} for a missing one
     * @return the mapping
     */
    public static LogicalNames from(UnaryOperator<String> settings) {
        return new LogicalNames(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * Resolves a logical destination.
     *
     * @param logical the name the function publishes to
     * @param example an example value of the setting on this provider, for the error message
     * @return the provider's resource (ARN, queue URL, topic path, entity name), as configured
     * @throws PermanentFailure when no setting maps the name, naming the setting to add
     */
    public String destination(String logical, String example) {
        return resolve(DESTINATION_PREFIX, "destination", logical, example);
    }

    /**
     * Resolves a logical bucket.
     *
     * @param logical the bucket name the function uses
     * @param example an example value of the setting on this provider, for the error message
     * @return the provider's bucket or container name, as configured
     * @throws PermanentFailure when no setting maps the name, naming the setting to add
     */
    public String bucket(String logical, String example) {
        return resolve(BUCKET_PREFIX, "bucket", logical, example);
    }

    /**
     * Gives the setting that maps a logical name, for documentation and messages.
     *
     * @param prefix  {@link #DESTINATION_PREFIX} or {@link #BUCKET_PREFIX}
     * @param logical the logical name
     * @return the setting's name, such as {@code PORTABLEFN_DESTINATION_PAYMENTS}
     */
    public static String settingFor(String prefix, String logical) {
        StringBuilder name = new StringBuilder(prefix.length() + logical.length()).append(prefix);
        for (int i = 0; i < logical.length(); i++) {
            char c = logical.charAt(i);
            name.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return name.toString();
    }

    private String resolve(String prefix, String kind, String logical, String example) {
        if (logical == null || logical.isBlank()) {
            throw new PermanentFailure("a " + kind + " name is required");
        }
        String setting = settingFor(prefix, logical);
        String value = settings.apply(setting);
        if (value == null || value.isBlank()) {
            throw new PermanentFailure("no " + kind + " is configured for '" + logical + "': set " + setting
                    + " in the function's environment (for example " + setting + "=" + example + ")");
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "LogicalNames" + (this == ENVIRONMENT ? "[environment]" : "[custom]");
    }
}
