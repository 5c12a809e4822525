package dev.portablefn.gcp.sdk;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.storage.StorageException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunctionException;
import dev.portablefn.api.RetryableException;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.util.Set;

/**
 * Turns what the Google Cloud client libraries throw into the portable failures, naming the logical destination or
 * bucket: throttling, server errors and time-outs are retryable; a missing resource, refused access and a refused
 * request are permanent. Provider messages pass through {@link OutboundCalls#redact(String)}.
 */
final class GcpFailures {

    private static final Set<StatusCode.Code> RETRYABLE = Set.of(StatusCode.Code.UNAVAILABLE,
            StatusCode.Code.DEADLINE_EXCEEDED, StatusCode.Code.RESOURCE_EXHAUSTED, StatusCode.Code.INTERNAL,
            StatusCode.Code.ABORTED, StatusCode.Code.UNKNOWN, StatusCode.Code.CANCELLED);

    private GcpFailures() {
    }

    /**
     * Classifies a failed publish.
     *
     * @param logical the logical destination
     * @param topic   the topic path it maps to
     * @param failure what the publish future failed with
     * @return the portable failure to throw
     */
    static PortableFunctionException publishing(String logical, String topic, Throwable failure) {
        if (!(failure instanceof ApiException api)) {
            return new RetryableException("publishing to '" + logical + "' (Pub/Sub topic " + topic + ") failed: "
                    + OutboundCalls.redact(String.valueOf(failure)), failure);
        }
        StatusCode.Code code = api.getStatusCode().getCode();
        String detail = code + ": " + OutboundCalls.redact(api.getMessage());
        if (api.isRetryable() || RETRYABLE.contains(code)) {
            return new RetryableException("Pub/Sub could not take the message to '" + logical + "' (topic " + topic
                    + ") now: " + detail, api);
        }
        String fix = switch (code) {
            case NOT_FOUND -> "; create the topic, or set " + LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX,
                    logical) + " to one that exists";
            case PERMISSION_DENIED, UNAUTHENTICATED -> "; grant the function's service account roles/pubsub.publisher"
                    + " on the topic";
            default -> "";
        };
        return new PermanentFailure("Pub/Sub refused the message to '" + logical + "' (topic " + topic + "): "
                + detail + fix, api);
    }

    /**
     * Classifies a failed Cloud Storage call.
     *
     * @param logical the logical bucket
     * @param bucket  the bucket it maps to
     * @param action  what was being done, such as {@code "writing 'a/b.json'"}
     * @param failure what the client threw
     * @return the portable failure to throw
     */
    static PortableFunctionException storage(String logical, String bucket, String action, StorageException failure) {
        int code = failure.getCode();
        String detail = (code == 0 ? "" : "HTTP " + code + ": ") + OutboundCalls.redact(failure.getMessage());
        // Code 0: the request never got an HTTP answer (connection refused or reset, read time-out).
        if (failure.isRetryable() || code == 0 || code == 408 || code == 429 || code >= 500) {
            return new RetryableException("Cloud Storage could not complete " + action + " in '" + logical
                    + "' (bucket " + bucket + ") now: " + detail, failure);
        }
        String fix = switch (code) {
            case 404 -> "; create the bucket, or set " + LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, logical)
                    + " to one that exists";
            case 401, 403 -> "; grant the function's service account roles/storage.objectUser on the bucket";
            default -> "";
        };
        return new PermanentFailure("Cloud Storage refused " + action + " in '" + logical + "' (bucket " + bucket
                + "): " + detail + fix, failure);
    }

    /**
     * Tells whether a 404 on an object is about the bucket rather than the object. Cloud Storage often answers a
     * read in a missing bucket as a missing object ("No such object"), so this only catches the explicit answer.
     *
     * @param failure what the client threw
     * @return whether the answer says the bucket does not exist
     */
    static boolean missingBucket(StorageException failure) {
        String message = failure.getMessage();
        return failure.getCode() == 404 && message != null && message.contains("bucket does not exist");
    }
}
