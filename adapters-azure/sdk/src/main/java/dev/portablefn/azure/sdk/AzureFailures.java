package dev.portablefn.azure.sdk;

import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpResponse;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusException;
import com.azure.messaging.servicebus.ServiceBusFailureReason;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunctionException;
import dev.portablefn.api.RetryableException;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Classifies what the Azure SDK throws as the portable failures: throttling, server errors, timeouts and transient
 * Service Bus errors are retryable; refused credentials, missing entities, queues and containers, and refused
 * messages are permanent. Every message names the logical destination or bucket and passes through
 * {@link OutboundCalls#redact}; the SDK's exception is not attached, so no URL or connection string it holds can
 * reach a log.
 */
final class AzureFailures {

    /** Service Bus reasons that pass with time; the SDK marks most of them transient too. */
    /** The header Azure services name their error code in ({@code QueueNotFound}, {@code ContainerNotFound}). */
    private static final HttpHeaderName ERROR_CODE = HttpHeaderName.fromString("x-ms-error-code");

    private static final Set<ServiceBusFailureReason> RETRYABLE_REASONS = Set.of(ServiceBusFailureReason.SERVICE_BUSY,
            ServiceBusFailureReason.SERVICE_TIMEOUT, ServiceBusFailureReason.SERVICE_COMMUNICATION_ERROR,
            ServiceBusFailureReason.QUOTA_EXCEEDED);

    private AzureFailures() {
    }

    /**
     * Classifies a failed call.
     *
     * @param failure  what the SDK threw
     * @param service  the service and what the call did ({@code "Service Bus send"})
     * @param logical  the logical destination or bucket
     * @param resource what the logical name maps to ({@code "queue 'orders'"}), for the fix
     * @param timeout  the call's timeout, for the message when it ran out
     * @return the exception to throw
     */
    static RuntimeException classify(Throwable thrown, String service, String logical, String resource,
                                     Duration timeout) {
        Throwable failure = serviceFailure(thrown);
        if (failure instanceof PortableFunctionException portable) {
            return portable;
        }
        String about = service + " for '" + logical + "' (" + resource + ")";
        if (timedOut(failure)) {
            return new RetryableException(about + " timed out after " + timeout.toMillis() + " ms");
        }
        if (failure instanceof AmqpException amqp) {
            return serviceBus(new ServiceBusException(amqp, ServiceBusErrorSource.SEND), about);
        }
        if (failure instanceof ServiceBusException serviceBus) {
            return serviceBus(serviceBus, about);
        }
        if (failure instanceof ClientAuthenticationException && ((HttpResponseException) failure).getResponse() == null) {
            return new PermanentFailure(about + " has no credential: " + detail(failure) + "; give the function a managed"
                    + " identity (or set AZURE_CLIENT_ID for a user-assigned one) with a data role on the resource");
        }
        if (failure instanceof HttpResponseException http && http.getResponse() != null) {
            HttpResponse response = http.getResponse();
            String code = response.getHeaders().getValue(ERROR_CODE);
            return http(response.getStatusCode(), about, (code == null ? "" : code + ": ") + detail(failure));
        }
        if (hasCause(failure, IOException.class) || failure instanceof UncheckedIOException) {
            return new RetryableException(about + " could not reach the service: " + detail(failure));
        }
        if (failure instanceof IllegalArgumentException) {
            return new PermanentFailure(about + " was refused by the SDK: " + detail(failure));
        }
        return new RetryableException(about + " failed: " + detail(failure));
    }

    /**
     * Classifies an HTTP status the service answered with.
     *
     * @return retryable for 408, 429 and 5xx; permanent otherwise
     */
    private static RuntimeException http(int status, String about, String serviceMessage) {
        String detail = "HTTP " + status + " " + serviceMessage;
        if (status == 408 || status == 429 || status >= 500) {
            return new RetryableException(about + " was throttled or failed on the service side (" + detail + ")");
        }
        if (status == 401 || status == 403) {
            return new PermanentFailure(about + " was refused access (" + detail + "); give the function's identity a"
                    + " data role on the resource, or check the key or connection string setting");
        }
        if (status == 404) {
            return new PermanentFailure(about + " does not exist (" + detail + "); create it or fix the setting that"
                    + " maps it");
        }
        return new PermanentFailure(about + " was refused (" + detail + ")");
    }

    private static RuntimeException serviceBus(ServiceBusException failure, String about) {
        ServiceBusFailureReason reason = failure.getReason();
        String detail = reason + ": " + detail(failure);
        if (ServiceBusFailureReason.MESSAGING_ENTITY_NOT_FOUND.equals(reason)) {
            return new PermanentFailure(about + " does not exist (" + detail + "); create the queue or topic or fix the"
                    + " setting that maps it");
        }
        if (ServiceBusFailureReason.UNAUTHORIZED.equals(reason)) {
            return new PermanentFailure(about + " was refused access (" + detail + "); give the function's identity"
                    + " the 'Azure Service Bus Data Sender' role on the entity or namespace");
        }
        if (failure.isTransient() || RETRYABLE_REASONS.contains(reason)) {
            return new RetryableException(about + " failed for now (" + detail + ")");
        }
        return new PermanentFailure(about + " was refused (" + detail + ")");
    }

    /**
     * Finds what the service answered in what the SDK threw: synchronous Storage calls with a timeout wrap it in
     * an {@code ExecutionException} inside a {@code RuntimeException}.
     */
    private static Throwable serviceFailure(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PortableFunctionException || cause instanceof HttpResponseException
                    || cause instanceof ServiceBusException || cause instanceof AmqpException) {
                return cause;
            }
        }
        return thrown;
    }

    private static boolean timedOut(Throwable failure) {
        if (hasCause(failure, TimeoutException.class)) {
            return true;
        }
        // Reactor's block(Duration) reports a timeout as an IllegalStateException of its own.
        return failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).startsWith("Timeout on");
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** @return the SDK's message, first line and at most 300 characters, with credentials and signatures redacted */
    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return OutboundCalls.redact(line.length() > 300 ? line.substring(0, 300) + "…" : line).strip();
    }
}
