package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.runtime.json.JacksonCodec;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AzureHttpRequestTest {

    private static final JacksonCodec CODEC = JacksonCodec.standard();
    private static final dev.portablefn.api.Limits LIMITS = dev.portablefn.api.Limits.defaults();

    /** Counts what the worker works out anew on every call: the method's lookup and the URL's parse. */
    private static final class CountingMessage implements HttpRequestMessage<Optional<String>> {
        final AtomicInteger uriCalls = new AtomicInteger();
        final AtomicInteger methodCalls = new AtomicInteger();
        final AtomicInteger headerCalls = new AtomicInteger();
        private final HttpRequestMessage<Optional<String>> worker;
        private final Map<String, String> headers;

        CountingMessage(HttpRequestMessage<Optional<String>> worker) {
            this(worker, worker.getHeaders());
        }

        CountingMessage(HttpRequestMessage<Optional<String>> worker, Map<String, String> headers) {
            this.worker = worker;
            this.headers = headers;
        }

        @Override
        public URI getUri() {
            uriCalls.incrementAndGet();
            return worker.getUri();
        }

        @Override
        public HttpMethod getHttpMethod() {
            methodCalls.incrementAndGet();
            return worker.getHttpMethod();
        }

        @Override
        public Map<String, String> getHeaders() {
            headerCalls.incrementAndGet();
            return headers;
        }

        @Override
        public Map<String, String> getQueryParameters() {
            return worker.getQueryParameters();
        }

        @Override
        public Optional<String> getBody() {
            return worker.getBody();
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return worker.createResponseBuilder(status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return worker.createResponseBuilder(status);
        }
    }

    @Test
    void theRequestLineIsWorkedOutOnFirstReadThenKept() {
        CountingMessage worker = new CountingMessage(FakeHttpRequestMessage.text("PUT",
                "https://x/api/caf%C3%A9?q=1&q=2", Map.of("content-type", "application/json"), "{}"));

        HttpRequest request = AzureHttp.fromMessage(worker, "api", CODEC, LIMITS);

        assertThat(request.bodyAs(Map.class)).isEmpty();
        assertThat(request.contentType()).contains("application/json");
        assertThat(worker.uriCalls).as("nothing read the request line yet").hasValue(0);
        assertThat(worker.methodCalls).hasValue(0);
        assertThat(request.method()).isEqualTo("PUT");
        assertThat(request.path()).isEqualTo("/café");
        assertThat(request.rawPath()).isEqualTo("/api/caf%C3%A9");
        assertThat(request.query().all("q")).containsExactly("1", "2");
        assertThat(request.queryParameter("q")).contains("1");
        assertThat(request).hasToString("PUT /api/caf%C3%A9?{q=[1, 2]}");
        HttpRequest routed = request.withPathParameters(Map.of("id", "7"));
        assertThat(routed.path()).isEqualTo("/café");
        assertThat(routed.pathParameter("id")).contains("7");
        assertThat(routed.header("Content-Type")).contains("application/json");
        assertThat(request.toBuilder().build().method()).isEqualTo("PUT");
        assertThat(worker.uriCalls).as("worked out once").hasValue(1);
        assertThat(worker.methodCalls).hasValue(1);
    }

    @Test
    void aMissingMethodOrUriReachesTheReader() {
        HttpRequest noUri = AzureHttp.fromMessage(FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete("GET", null), (String) null), "api", CODEC, LIMITS);
        HttpRequest noMethod = AzureHttp.fromMessage(FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete(null, "https://x/api"), (String) null),
                "api", CODEC, LIMITS);

        assertThat(noUri.bodyLength()).isZero();
        assertThatThrownBy(noUri::path).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("request URI is missing");
        assertThatThrownBy(noUri::query).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("request URI is missing");
        assertThatThrownBy(noMethod::method).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("HTTP method is missing");
    }

    @Test
    void headersAreReadFromTheWorkersMapWithOneValuePerName() {
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("content-type", "application/json");
        worker.put("X-Request-Id", "r-1");
        worker.put("x-empty", null);

        HttpRequest request = AzureHttp.fromMessage(   // the worker's own map, as it is: a null value, a mixed-case name
                new CountingMessage(FakeHttpRequestMessage.text("GET", "https://x/api", Map.of(), null), worker), "api", CODEC, LIMITS);

        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.header("x-request-id")).as("other spellings are found too").contains("r-1");
        assertThat(request.headers().all("x-request-id")).containsExactly("r-1");
        assertThat(request.headers().contains("x-empty")).isFalse();
        assertThat(request.headers())
                .isEqualTo(HttpHeaders.of("Content-Type", "application/json", "x-request-id", "r-1"));
        assertThat(AzureHttp.fromMessage(FakeHttpRequestMessage.text("GET", "https://x/api", Map.of(), null),
                "api", CODEC, LIMITS).headers()).isSameAs(HttpHeaders.empty());
    }

    @Test
    void theWorkersHeadersAreCopiedOnlyWhenOneOtherThanTheContentTypeIsRead() {
        AtomicInteger copies = new AtomicInteger();
        AtomicInteger scans = new AtomicInteger();
        Map<String, String> worker = new LinkedHashMap<>() {
            @Override
            public void forEach(java.util.function.BiConsumer<? super String, ? super String> action) {
                copies.incrementAndGet();
                super.forEach(action);
            }

            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                scans.incrementAndGet();
                return super.entrySet();
            }
        };
        worker.put("content-type", "application/json");
        worker.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        CountingMessage message = new CountingMessage(FakeHttpRequestMessage.text("POST", "https://x/api", Map.of(),
                "{}"), worker);

        HttpRequest request = AzureHttp.fromMessage(message, "api", CODEC, LIMITS);

        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.bodyAs(Map.class)).isEmpty();
        assertThat(copies).as("the content type is looked up, not copied").hasValue(0);
        assertThat(scans).as("the host sends it in lower case").hasValue(0);
        assertThat(request.headers().contains("traceparent")).isTrue();
        assertThat(request.header("x-missing")).isEmpty();
        assertThat(request.headers().asMap()).containsOnlyKeys("content-type", "traceparent");
        assertThat(copies).as("copied once, then kept").hasValue(1);
        assertThat(List.of(request.headers().name(0), request.headers().name(1))).containsExactly("content-type", "traceparent");
    }

    @Test
    void aContentTypeSpelledOtherwiseIsStillFound() {
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("Accept", "*/*");
        worker.put("Content-Type", "text/plain; charset=utf-8");

        assertThat(AzureHttp.contentType(worker)).isEqualTo("text/plain; charset=utf-8");
        assertThat(AzureHttp.contentType(Map.of("accept", "*/*"))).isNull();
        assertThat(AzureHttp.contentType(null)).isNull();
    }
}
