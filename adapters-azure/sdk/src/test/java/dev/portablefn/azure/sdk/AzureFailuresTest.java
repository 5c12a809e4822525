package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.amqp.exception.AmqpErrorCondition;
import com.azure.core.amqp.exception.AmqpErrorContext;
import com.azure.core.amqp.exception.AmqpException;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.identity.CredentialUnavailableException;
import com.azure.messaging.servicebus.ServiceBusErrorSource;
import com.azure.messaging.servicebus.ServiceBusException;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The classification of what the Azure SDK throws, with the SDK's exceptions constructed directly. */
class AzureFailuresTest {

    private static final String SECRET = "c2VjcmV0LWtleS1ub3QtZm9yLWxvZ3M=";
    private static final String CONNECTION_STRING = "Endpoint=sb://shop.servicebus.windows.net/;"
            + "SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=" + SECRET;

    private static RuntimeException classify(Throwable failure) {
        return AzureFailures.classify(failure, "Service Bus send", "orders", "entity 'orders-prod'", Duration.ofSeconds(10));
    }

    private static AmqpException amqp(boolean isTransient, AmqpErrorCondition condition) {
        return new AmqpException(isTransient, condition, condition + " while sending with " + CONNECTION_STRING,
                new AmqpErrorContext("shop.servicebus.windows.net"));
    }

    @ParameterizedTest(name = "{0} transient={1} -> {2}")
    @CsvSource({
        "NOT_FOUND, false, permanent",
        "UNAUTHORIZED_ACCESS, false, permanent",
        "LINK_PAYLOAD_SIZE_EXCEEDED, false, permanent",
        "ENTITY_DISABLED_ERROR, false, permanent",
        "ARGUMENT_ERROR, false, permanent",
        "SERVER_BUSY_ERROR, true, retryable",
        "SERVER_BUSY_ERROR, false, retryable",
        "TIMEOUT_ERROR, true, retryable",
        "RESOURCE_LIMIT_EXCEEDED, false, retryable",
        "PROTON_IO, false, retryable",
        "INTERNAL_ERROR, true, retryable",
        "CONNECTION_FORCED, true, retryable"})
    void serviceBusFailuresAreClassifiedByReasonAndTransience(String condition, boolean isTransient, String expected) {
        AmqpException cause = amqp(isTransient, AmqpErrorCondition.valueOf(condition));

        for (Throwable thrown : new Throwable[] {cause, new ServiceBusException(cause, ServiceBusErrorSource.SEND)}) {
            RuntimeException classified = classify(thrown);

            assertThat(classified).isInstanceOf(expected.equals("permanent") ? PermanentFailure.class
                    : RetryableException.class);
            assertThat(classified).hasMessageContaining("'orders'").hasMessageContaining("orders-prod")
                    .hasMessageNotContaining(SECRET).hasNoCause();
        }
    }

    @Test
    void aMissingEntityAndARefusedIdentitySayWhatToFix() {
        assertThat(classify(amqp(false, AmqpErrorCondition.NOT_FOUND)))
                .hasMessageContaining("MESSAGING_ENTITY_NOT_FOUND").hasMessageContaining("does not exist");
        assertThat(classify(amqp(false, AmqpErrorCondition.UNAUTHORIZED_ACCESS)))
                .hasMessageContaining("UNAUTHORIZED").hasMessageContaining("Azure Service Bus Data Sender");
    }

    @Test
    void timeoutsAreRetryableAndSayHowLongTheCallHad() {
        assertThat(classify(new RuntimeException(new TimeoutException("Did not observe any item"))))
                .isInstanceOf(RetryableException.class).hasMessageContaining("timed out after 10000 ms");
        assertThat(classify(new IllegalStateException("Timeout on blocking read for 10000000000 NANOSECONDS")))
                .isInstanceOf(RetryableException.class).hasMessageContaining("timed out");
    }

    @Test
    void connectionFailuresAreRetryable() {
        assertThat(classify(new UncheckedIOException(new ConnectException("Connection refused"))))
                .isInstanceOf(RetryableException.class).hasMessageContaining("could not reach");
    }

    @Test
    void aMissingCredentialIsPermanentAndSaysHowToGiveOne() {
        assertThat(classify(new CredentialUnavailableException("EnvironmentCredential authentication unavailable")))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("managed identity");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({"400, permanent", "401, permanent", "403, permanent", "404, permanent", "413, permanent",
        "408, retryable", "429, retryable", "500, retryable", "503, retryable"})
    void httpAnswersAreClassifiedByStatusEvenWhenTheSdkWrapsThem(int status, String expected) {
        HttpResponseException answered = new HttpResponseException("Status code " + status + ", sig=" + SECRET,
                new Answered(status, "QueueNotFound"));

        RuntimeException classified = classify(new RuntimeException(new ExecutionException(answered)));

        assertThat(classified).isInstanceOf(expected.equals("permanent") ? PermanentFailure.class
                : RetryableException.class);
        assertThat(classified).hasMessageContaining("HTTP " + status + " QueueNotFound").hasMessageContaining("'orders'")
                .hasMessageNotContaining(SECRET).hasNoCause();
    }

    /** An HTTP response with a status and Azure's error code header, as the SDK's exceptions carry. */
    private static final class Answered extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;

        Answered(int status, String errorCode) {
            super(new HttpRequest(HttpMethod.POST, "https://account.queue.core.windows.net/orders-prod/messages"));
            this.status = status;
            this.headers = new HttpHeaders().set(HttpHeaderName.fromString("x-ms-error-code"), errorCode);
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.empty();
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.empty();
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.empty();
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.empty();
        }
    }

    @Test
    void anIoFailureInsideTheSdkIsRetryable() {
        assertThat(classify(new RuntimeException(new IOException("stream closed"))))
                .isInstanceOf(RetryableException.class);
    }
}
