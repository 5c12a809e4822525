package dev.portablefn.gcp;

import dev.portablefn.doubles.gcp.FakeHttpRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GcpHttpRequestTest {

    /** Counts {@code getHeaders()}, which builds a new map on every call in invoker 2.0.0. */
    private static class CountingRequest implements com.google.cloud.functions.HttpRequest {
        final AtomicInteger headerMaps = new AtomicInteger();
        private final FakeHttpRequest framework;

        CountingRequest(FakeHttpRequest framework) {
            this.framework = framework;
        }

        @Override
        public Map<String, List<String>> getHeaders() {
            headerMaps.incrementAndGet();
            Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            framework.getHeaders().forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
            return copy;
        }

        @Override
        public Optional<String> getContentType() {
            return framework.getContentType();   // the invoker reads it from the server's fields, not from getHeaders()
        }

        @Override
        public String getMethod() {
            return framework.getMethod();
        }

        @Override
        public String getUri() {
            return framework.getUri();
        }

        @Override
        public String getPath() {
            return framework.getPath();
        }

        @Override
        public Optional<String> getQuery() {
            return framework.getQuery();
        }

        @Override
        public Map<String, List<String>> getQueryParameters() {
            return framework.getQueryParameters();
        }

        @Override
        public Map<String, HttpPart> getParts() {
            return framework.getParts();
        }

        @Override
        public long getContentLength() {
            return framework.getContentLength();
        }

        @Override
        public Optional<String> getCharacterEncoding() {
            return framework.getCharacterEncoding();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return framework.getInputStream();
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return framework.getReader();
        }
    }

    private static CountingRequest invoker() {
        return new CountingRequest(FakeHttpRequest.builder("POST", "/orders").header("Content-Type", "application/json")
                .header("X-Cloud-Trace-Context", "abc/1;o=1").header("Accept", "text/html").header("accept", "application/json")
                .body("{\"id\":\"o-1\"}".getBytes(StandardCharsets.UTF_8)).build());
    }

    @Test
    void theContentTypeIsAnsweredWithoutAskingForTheHeaderMap() throws IOException {
        CountingRequest framework = invoker();

        HttpRequest request = HttpMapping.toPortable(framework, dev.portablefn.api.Limits.defaults().withMaxBodyBytes(1024));

        assertThat(request.header("Content-Type")).contains("application/json");
        assertThat(request.contentType()).contains("application/json");
        assertThat(request.bodyAs(Map.class)).containsEntry("id", "o-1");
        assertThat(request.bodyAsString()).isEqualTo("{\"id\":\"o-1\"}");
        assertThat(framework.headerMaps).as("the map is not needed for the content type").hasValue(0);

        assertThat(request.header("x-cloud-trace-context")).contains("abc/1;o=1");
        assertThat(request.headers().all("accept")).containsExactly("text/html", "application/json");
        assertThat(request.headers().asMap()).containsOnlyKeys("content-type", "x-cloud-trace-context", "accept");
        assertThat(request.cookies()).isEmpty();
        assertThat(framework.headerMaps).as("asked for once, then kept").hasValue(1);
    }

    @Test
    void singleHeadersAreReadFromTheFrameworksMapAskedForOnceAndAgreeWithTheCopy() throws IOException {
        CountingRequest framework = invoker();
        HttpRequest request = HttpMapping.toPortable(framework, dev.portablefn.api.Limits.defaults().withMaxBodyBytes(1024));

        assertThat(request.header("ACCEPT")).contains("text/html");
        assertThat(request.header("X-Cloud-Trace-Context")).contains("abc/1;o=1");
        assertThat(request.header("x-missing")).isEmpty();
        assertThat(request.headers().first("accept")).isEqualTo(request.header("accept"));
        assertThat(framework.headerMaps).as("one map for every read").hasValue(1);
    }

    @Test
    void aCaseSensitiveHeaderMapIsSearchedWithoutRegardToCase() throws IOException {
        FakeHttpRequest base = FakeHttpRequest.builder("GET", "/").header("X-Request-Id", "r-1").build();
        CountingRequest framework = new CountingRequest(base) {
            @Override
            public Map<String, List<String>> getHeaders() {
                return Map.of("X-Request-Id", List.of("r-1"));
            }
        };

        HttpRequest request = HttpMapping.toPortable(framework, dev.portablefn.api.Limits.defaults().withMaxBodyBytes(1024));

        assertThat(request.header("x-request-id")).contains("r-1");
    }

    @Test
    void copiesKeepEveryHeaderAndTheBody() throws IOException {
        HttpRequest request = HttpMapping.toPortable(invoker(), dev.portablefn.api.Limits.defaults().withMaxBodyBytes(1024));

        HttpRequest routed = request.withPathParameters(Map.of("id", "o-1"));
        HttpRequest copy = request.toBuilder().header("X-Extra", "1").build();

        assertThat(routed.headers()).isEqualTo(request.headers());
        assertThat(routed.pathParameter("id")).contains("o-1");
        assertThat(routed.bodyAsString()).isEqualTo("{\"id\":\"o-1\"}");
        assertThat(copy.headers().all("accept")).containsExactly("text/html", "application/json");
        assertThat(copy.header("x-extra")).contains("1");
        assertThat(copy.headers().all("content-type")).containsExactly("application/json");
        assertThat(routed).hasToString("POST /orders");
    }

    @Test
    void aRequestWithoutContentTypeHasNone() throws IOException {
        HttpRequest request = HttpMapping.toPortable(new CountingRequest(FakeHttpRequest.builder("GET", "/").build()),
                dev.portablefn.api.Limits.defaults().withMaxBodyBytes(1024));

        assertThat(request.contentType()).isEmpty();
        assertThat(request.header("Content-Type")).isEmpty();
        assertThat(request.headers()).isSameAs(HttpHeaders.empty());
    }

    @Test
    void aCaseInsensitiveMapIsCopiedWithLowerCaseNames() {
        // What the Functions Framework's invoker hands over: a TreeMap ordered by CASE_INSENSITIVE_ORDER.
        Map<String, List<String>> invoker = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        invoker.put("Content-Type", new ArrayList<>(List.of("application/json")));
        invoker.put("X-Values", new ArrayList<>(Arrays.asList(null, "second")));

        HttpHeaders headers = GcpHttpRequest.copy(invoker);

        assertThat(headers.first("content-type")).contains("application/json");
        assertThat(headers.first("x-values")).contains("second");
        assertThat(headers.contains("CONTENT-TYPE")).isTrue();
        assertThat(headers.first("missing")).isEmpty();
        assertThat(headers.asMap()).containsOnlyKeys("content-type", "x-values");
    }

    @Test
    void nullNamesAndValuesInTheFrameworksMapAreSkipped() {
        Map<String, List<String>> framework = new LinkedHashMap<>();
        framework.put(null, List.of("status line, as some servlet containers report it"));
        framework.put("X-Empty", Arrays.asList((String) null));
        framework.put("X-Some", Arrays.asList(null, "kept"));
        framework.put("X-None", null);

        HttpHeaders headers = GcpHttpRequest.copy(framework);

        assertThat(headers.contains("x-empty")).isFalse();
        assertThat(headers.first("x-some")).contains("kept");
        assertThat(headers.all("x-some")).containsExactly("kept");
        assertThat(headers.asMap()).containsOnlyKeys("x-some");
        assertThat(GcpHttpRequest.copy(Map.of())).isSameAs(HttpHeaders.empty());
    }

    @Test
    void copiedHeadersDoNotChangeWithTheFrameworksLists() {
        Map<String, List<String>> framework = new LinkedHashMap<>();
        List<String> accept = new ArrayList<>(List.of("*/*"));
        framework.put("Accept", accept);

        HttpHeaders headers = GcpHttpRequest.copy(framework);
        accept.add("text/html");

        assertThat(headers.all("accept")).containsExactly("*/*");
        assertThatThrownBy(() -> headers.all("accept").add("text/html")).isInstanceOf(UnsupportedOperationException.class);
    }
}
