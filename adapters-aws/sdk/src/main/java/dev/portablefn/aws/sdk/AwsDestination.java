package dev.portablefn.aws.sdk;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.LogicalNames;

/**
 * Where a logical destination's messages go, read from the value of its {@code PORTABLEFN_DESTINATION_<NAME>}
 * setting by one rule:
 * <ul>
 *   <li>{@code arn:PARTITION:sns:REGION:ACCOUNT:TOPIC}: an SNS topic (FIFO when the name ends in {@code .fifo});</li>
 *   <li>{@code arn:PARTITION:sqs:REGION:ACCOUNT:QUEUE}: an SQS queue by ARN, whose URL is looked up once;</li>
 *   <li>{@code https://…} or {@code http://…}: an SQS queue URL (FIFO when it ends in {@code .fifo});</li>
 *   <li>{@code arn:PARTITION:events:REGION:ACCOUNT:event-bus/NAME}: an EventBridge bus;</li>
 *   <li>anything else: a {@link PermanentFailure} naming the setting and the accepted shapes.</li>
 * </ul>
 * A bare name is refused rather than guessed at: {@code orders} could be a topic, a queue or a bus.
 *
 * @param logical  the name the function publishes to
 * @param kind     which service receives
 * @param resource the topic ARN, queue URL, queue ARN or bus ARN, as configured
 * @param fifo     whether the topic or queue is FIFO (needs a message group id)
 */
record AwsDestination(String logical, Kind kind, String resource, boolean fifo) {

    /** The example named when a destination is not configured. */
    static final String EXAMPLE = "arn:aws:sns:us-east-1:123456789012:orders";

    private static final String SHAPES = "an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:TOPIC), an SQS queue URL"
            + " (https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE) or ARN (arn:aws:sqs:REGION:ACCOUNT:QUEUE), or an"
            + " EventBridge bus ARN (arn:aws:events:REGION:ACCOUNT:event-bus/NAME)";

    /** The services a destination can be. */
    enum Kind {
        SNS_TOPIC, SQS_QUEUE_URL, SQS_QUEUE_ARN, EVENT_BUS
    }

    /**
     * Resolves a logical destination through the settings.
     *
     * @param names   the settings
     * @param logical the name the function publishes to
     * @return the destination
     * @throws PermanentFailure when the setting is missing or of no known shape
     */
    static AwsDestination resolve(LogicalNames names, String logical) {
        return parse(logical, names.destination(logical, EXAMPLE));
    }

    static AwsDestination parse(String logical, String value) {
        if (value.startsWith("https://") || value.startsWith("http://")) {
            return new AwsDestination(logical, Kind.SQS_QUEUE_URL, value, value.endsWith(".fifo"));
        }
        if (value.startsWith("arn:")) {
            // arn:partition:service:region:account:resource; the resource may itself hold ':' or '/'.
            String[] parts = value.split(":", 6);
            if (parts.length == 6 && !parts[1].isEmpty() && !parts[3].isEmpty() && !parts[4].isEmpty()
                    && !parts[5].isEmpty()) {
                String resource = parts[5];
                switch (parts[2]) {
                    case "sns" -> {
                        return new AwsDestination(logical, Kind.SNS_TOPIC, value, resource.endsWith(".fifo"));
                    }
                    case "sqs" -> {
                        return new AwsDestination(logical, Kind.SQS_QUEUE_ARN, value, resource.endsWith(".fifo"));
                    }
                    case "events" -> {
                        if (resource.startsWith("event-bus/") && resource.length() > "event-bus/".length()) {
                            return new AwsDestination(logical, Kind.EVENT_BUS, value, false);
                        }
                    }
                    default -> {
                        // falls through to the refusal below
                    }
                }
            }
        }
        String setting = LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, logical);
        throw new PermanentFailure(setting + " is '" + value + "', which is not " + SHAPES
                + ": set it to one of these for '" + logical + "'");
    }

    /** @return the queue name of an SQS ARN destination */
    String queueName() {
        return resource.substring(resource.lastIndexOf(':') + 1);
    }

    /** @return the account of an ARN destination */
    String account() {
        return resource.split(":", 6)[4];
    }

    /** @return how the service is named in messages */
    String service() {
        return switch (kind) {
            case SNS_TOPIC -> "SNS";
            case SQS_QUEUE_URL, SQS_QUEUE_ARN -> "SQS";
            case EVENT_BUS -> "EventBridge";
        };
    }
}
