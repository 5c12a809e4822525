package dev.portablefn.aws;

/** The AWS services whose Lambda payloads the adapter recognises, and how each expects its response. */
enum AwsSource {
    /** API Gateway REST API proxy integration, and HTTP API payload format 1.0 (same shape). */
    API_GATEWAY_V1(true, false),
    /** API Gateway HTTP API payload format 2.0. */
    API_GATEWAY_V2(true, false),
    /** Lambda Function URL (payload format 2.0 without a route key). */
    FUNCTION_URL(true, false),
    /** Application Load Balancer target. */
    ALB(true, false),
    SQS(false, true),
    SNS(false, false),
    S3(false, false),
    EVENTBRIDGE(false, false),
    KINESIS(false, true),
    DYNAMODB_STREAMS(false, true);

    private final boolean http;
    private final boolean batch;

    AwsSource(boolean http, boolean batch) {
        this.http = http;
        this.batch = batch;
    }

    boolean isHttp() {
        return http;
    }

    /** @return whether Lambda reads {@code batchItemFailures} from the response (partial batch responses) */
    boolean isBatch() {
        return batch;
    }

    /** @return the trigger the source's events have, for describing a record that could not be decoded */
    dev.portablefn.api.Trigger trigger() {
        return switch (this) {
            case SQS -> dev.portablefn.api.Trigger.QUEUE;
            case SNS -> dev.portablefn.api.Trigger.TOPIC;
            case S3 -> dev.portablefn.api.Trigger.STORAGE;
            case KINESIS -> dev.portablefn.api.Trigger.STREAM;
            case DYNAMODB_STREAMS -> dev.portablefn.api.Trigger.DATABASE;
            case EVENTBRIDGE -> dev.portablefn.api.Trigger.CUSTOM;
            default -> dev.portablefn.api.Trigger.HTTP;
        };
    }

    /** @return whether the response must use the payload 2.0 shape (cookies array, comma-joined headers) */
    boolean usesPayloadV2() {
        return this == API_GATEWAY_V2 || this == FUNCTION_URL;
    }
}
