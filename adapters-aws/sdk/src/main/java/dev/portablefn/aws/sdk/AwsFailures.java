package dev.portablefn.aws.sdk;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunctionException;
import dev.portablefn.api.RetryableException;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK threw into the portable failure types, naming the logical destination or bucket. Throttling,
 * 429, 5xx, request timeouts and client-side failures (I/O, the call's timeout) are retryable; every other answer
 * of the service (access denied, no such topic, queue, bus or bucket, a refused parameter) is permanent.
 *
 * <p>The SDK exception is never attached as the cause: its message is the service's text, which may quote what the
 * request carried. Only the error code, status, request id and the redacted message go into the failure.
 */
final class AwsFailures {

    // Answers that AWS documents as transient although their status is 4xx.
    private static final Set<String> TRANSIENT_CODES = Set.of("RequestTimeout", "RequestTimeoutException",
            "InternalFailure", "InternalError", "ServiceUnavailable", "KMSThrottlingException");

    private static final Set<String> NOT_FOUND_CODES = Set.of("NotFound", "NotFoundException",
            "AWS.SimpleQueueService.NonExistentQueue", "NonExistentQueue", "QueueDoesNotExist",
            "ResourceNotFoundException", "NoSuchBucket");

    private AwsFailures() {
    }

    /**
     * Classifies a failed call.
     *
     * @param failure what the SDK threw
     * @param service the service called ({@code SNS}, {@code SQS}, {@code EventBridge}, {@code S3})
     * @param logical the logical destination or bucket the function named
     * @param action  what was being done, for the message ({@code "publishing to"}, {@code "reading"})
     * @return the failure to throw
     */
    static PortableFunctionException classify(SdkException failure, String service, String logical, String action) {
        if (failure instanceof AwsServiceException answer) {
            return classifyAnswer(answer, service, logical, action);
        }
        // Client side (SdkClientException): I/O, the call's timeout, credentials that could not be fetched.
        return new RetryableException(service + " could not be reached " + action + " '" + logical + "': "
                + describe(failure));
    }

    /**
     * Classifies an error code a service reported for one entry of a batch call (EventBridge's {@code PutEvents}).
     *
     * @param code    the entry's error code
     * @param message the entry's error message
     * @param service the service called
     * @param logical the logical destination
     * @return the failure to throw
     */
    static PortableFunctionException classifyEntry(String code, String message, String service, String logical) {
        String what = service + " refused the message to '" + logical + "': " + code + ": " + OutboundCalls.redact(message);
        boolean transientCode = code != null
                && (TRANSIENT_CODES.contains(code) || code.startsWith("Throttl") || code.contains("Throttling"));
        return transientCode ? new RetryableException(what) : new PermanentFailure(what);
    }

    private static PortableFunctionException classifyAnswer(AwsServiceException answer, String service,
                                                             String logical, String action) {
        int status = answer.statusCode();
        AwsErrorDetails details = answer.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String detail = status + (code == null ? "" : " " + code) + ": " + describe(answer)
                + (answer.requestId() == null ? "" : " (request id " + answer.requestId() + ")");
        if (answer.isThrottlingException() || status == 429 || status >= 500 || TRANSIENT_CODES.contains(code)) {
            return new RetryableException(service + " is unavailable " + action + " '" + logical + "', retry later: "
                    + detail);
        }
        if (status == 404 || NOT_FOUND_CODES.contains(code)) {
            return new PermanentFailure(404, service + " has no such resource " + action + " '" + logical
                    + "': check the setting that maps it: " + detail, null);
        }
        if (status == 401 || status == 403) {
            return new PermanentFailure(403, service + " refused access " + action + " '" + logical
                    + "': grant the function's role the permission: " + detail, null);
        }
        return new PermanentFailure(service + " refused the request " + action + " '" + logical + "': " + detail);
    }

    /** @return the service's own message (never the SDK's decorated one), redacted; or the exception's class */
    private static String describe(SdkException failure) {
        String message = failure instanceof AwsServiceException answer && answer.awsErrorDetails() != null
                && answer.awsErrorDetails().errorMessage() != null
                ? answer.awsErrorDetails().errorMessage() : failure.getMessage();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == failure ? "" : " (" + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + OutboundCalls.redact(root.getMessage())) + ")";
        return (message == null ? failure.getClass().getSimpleName() : OutboundCalls.redact(message)) + cause;
    }
}
