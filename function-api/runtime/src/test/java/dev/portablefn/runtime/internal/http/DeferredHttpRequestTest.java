package dev.portablefn.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeferredHttpRequestTest {

    /** Headers an adapter would copy from the provider's map. */
    private static final HttpHeaders PROVIDER = HttpHeaders.of("Content-Type", "application/json", "Accept", "*/*",
            "Cookie", "session=abc");

    private static final class CountingRequest extends DeferredHttpRequest {
        final AtomicInteger reads = new AtomicInteger();

        CountingRequest(HttpRequest known) {
            super(known);
        }

        @Override
        protected HttpHeaders readHeaders() {
            reads.incrementAndGet();
            return PROVIDER;
        }
    }

    private static CountingRequest request() {
        return new CountingRequest(HttpRequest.builder("POST", "/orders").queryParameter("page", "2")
                .header("Content-Type", "application/json").body("{\"id\":\"o-1\"}").nativeRequest("native").build());
    }

    @Test
    void theContentTypeAndTheBodyAreAnsweredWithoutReadingTheHeaders() {
        CountingRequest request = request();

        assertThat(request.contentType()).contains("application/json");
        assertThat(request.header("CONTENT-TYPE")).contains("application/json");
        assertThat(request.bodyAs(Map.class)).containsEntry("id", "o-1");
        assertThat(request.bodyAsString()).isEqualTo("{\"id\":\"o-1\"}");
        assertThat(request.bodyLength()).isEqualTo(12);
        assertThat(request.unwrap(String.class)).isEqualTo("native");
        assertThat(request.reads).hasValue(0);
    }

    @Test
    void theHeadersAreReadOnceOnTheFirstOtherLookUp() {
        CountingRequest request = request();

        assertThat(request.header("accept")).contains("*/*");
        assertThat(request.cookie("session")).contains("abc");
        assertThat(request.headers()).isSameAs(PROVIDER);
        assertThat(request.reads).hasValue(1);
    }

    @Test
    void aRoutedRequestReadsTheProviderOnlyWhenAHeaderIsAskedFor() {
        CountingRequest request = request();

        HttpRequest routed = request.withPathParameters(Map.of("id", "o-1"));

        assertThat(request.reads).as("routing reads no header").hasValue(0);
        assertThat(routed.headers()).isSameAs(PROVIDER);
        assertThat(request.reads).hasValue(1);
        assertThat(routed.method()).isEqualTo("POST");
        assertThat(routed.query().all("page")).containsExactly("2");
        assertThat(routed.pathParameter("id")).contains("o-1");
        assertThat(routed.bodyAsString()).isEqualTo("{\"id\":\"o-1\"}");
        assertThat(request).hasToString("POST /orders?{page=[2]}");
    }
}
