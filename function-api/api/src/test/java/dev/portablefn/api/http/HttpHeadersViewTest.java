package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class HttpHeadersViewTest {

    @Test
    void viewFindsHeadersInAnyCaseAsTheProviderSpelledThem() {
        HttpHeaders headers = HttpHeaders.view(Map.of("Content-Type", List.of("application/json"),
                "X-Cloud-Trace-Context", List.of("abc/1;o=1")));

        assertThat(headers.first("content-type")).contains("application/json");
        assertThat(headers.first("CONTENT-TYPE")).contains("application/json");
        assertThat(headers.contains("x-cloud-trace-context")).isTrue();
        assertThat(headers.first("missing")).isEmpty();
        assertThat(headers.contains("missing")).isFalse();
    }

    @Test
    void aCaseInsensitiveSortedMapIsLookedUpDirectlyWithTheSameAnswers() {
        // What the Functions Framework's invoker hands over: a TreeMap ordered by CASE_INSENSITIVE_ORDER.
        Map<String, List<String>> invoker = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        invoker.put("Content-Type", new ArrayList<>(List.of("application/json")));
        invoker.put("X-Values", new ArrayList<>(Arrays.asList(null, "second")));

        HttpHeaders headers = HttpHeaders.view(invoker);

        assertThat(headers.first("content-type")).contains("application/json");
        assertThat(headers.first("x-values")).contains("second");
        assertThat(headers.contains("CONTENT-TYPE")).isTrue();
        assertThat(headers.first("missing")).isEmpty();
        assertThat(headers.asMap()).containsOnlyKeys("content-type", "x-values");
    }

    @Test
    void namesDifferingOnlyInCaseAreMergedInTheMapsOrder() {
        Map<String, List<String>> provider = new LinkedHashMap<>();
        provider.put("Accept", List.of("text/html"));
        provider.put("accept", List.of("application/json", "*/*"));

        HttpHeaders headers = HttpHeaders.view(provider);

        assertThat(headers.first("ACCEPT")).contains("text/html");
        assertThat(headers.all("accept")).containsExactly("text/html", "application/json", "*/*");
        assertThat(headers.asMap()).containsOnlyKeys("accept");
    }

    @Test
    void nullNamesAndValuesInTheProvidersMapAreSkipped() {
        Map<String, List<String>> provider = new LinkedHashMap<>();
        provider.put(null, List.of("status line, as some servlet containers report it"));
        provider.put("X-Empty", Arrays.asList((String) null));
        provider.put("X-Some", Arrays.asList(null, "kept"));
        provider.put("X-None", null);

        HttpHeaders headers = HttpHeaders.view(provider);

        assertThat(headers.contains("x-empty")).isFalse();
        assertThat(headers.first("x-some")).contains("kept");
        assertThat(headers.all("x-some")).containsExactly("kept");
        assertThat(headers.asMap()).containsOnlyKeys("x-some");
    }

    @Test
    void viewEqualsTheSameHeadersBuiltOneByOneAndBuildsOnFromThem() {
        HttpHeaders view = HttpHeaders.view(Map.of("User-Agent", List.of("curl/8.5.0")));
        HttpHeaders built = HttpHeaders.of("user-agent", "curl/8.5.0");

        assertThat(view).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(view.toBuilder().add("Accept", "*/*").build().asMap())
                .containsExactly(Map.entry("user-agent", List.of("curl/8.5.0")), Map.entry("accept", List.of("*/*")));
    }

    @Test
    void wholeMapIsUnmodifiableEvenWhenTheProvidersListsAreNot() {
        Map<String, List<String>> provider = new LinkedHashMap<>();
        provider.put("Accept", new ArrayList<>(List.of("*/*")));

        HttpHeaders headers = HttpHeaders.view(provider);

        assertThatThrownBy(() -> headers.asMap().get("accept").add("text/html"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.all("accept").add("text/html"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void singleValuedViewReadsOneValuePerNameAsAzuresWorkerSendsThem() {
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("content-type", "application/json");
        worker.put("X-Request-Id", "r-1");
        worker.put("x-empty", null);

        HttpHeaders headers = HttpHeaders.viewSingleValued(worker);

        assertThat(headers.first("Content-Type")).contains("application/json");
        assertThat(headers.first("x-request-id")).as("other spellings are still found").contains("r-1");
        assertThat(headers.all("x-request-id")).containsExactly("r-1");
        assertThat(headers.contains("x-empty")).isFalse();
        assertThat(headers).isEqualTo(HttpHeaders.of("Content-Type", "application/json", "x-request-id", "r-1"));
        assertThat(HttpHeaders.viewSingleValued(Map.of())).isSameAs(HttpHeaders.empty());
    }

    @Test
    void singleValuedViewLooksLowerCaseNamesUpWithoutScanning() {
        AtomicInteger scans = new AtomicInteger();
        Map<String, String> worker = new LinkedHashMap<>() {
            @Override
            public java.util.Set<Map.Entry<String, String>> entrySet() {
                scans.incrementAndGet();
                return super.entrySet();
            }
        };
        worker.put("content-type", "application/json");
        worker.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        HttpHeaders headers = HttpHeaders.viewSingleValued(worker);

        assertThat(headers.first("Content-Type")).contains("application/json");
        assertThat(headers.contains("traceparent")).isTrue();
        assertThat(scans).hasValue(0);
        assertThat(headers.first("x-missing")).isEmpty();
        assertThat(scans).as("a miss scans for other spellings").hasValue(1);
    }

    @Test
    void viewOfAnEmptyMapIsTheEmptyHeadersAndNullIsRefused() {
        assertThat(HttpHeaders.view(Map.of())).isSameAs(HttpHeaders.empty());
        assertThatNullPointerException().isThrownBy(() -> HttpHeaders.view(null));
    }

    @Test
    void requestKeepsHeadersHandedOverWholeAndCopiesThemOnlyToAddOne() {
        HttpHeaders view = HttpHeaders.view(Map.of("Content-Type", List.of("application/json")));

        HttpRequest kept = HttpRequest.builder().headers(view).build();
        HttpRequest extended = HttpRequest.builder().headers(view).header("Accept", "*/*").build();

        assertThat(kept.headers()).isSameAs(view);
        assertThat(extended.headers().asMap()).containsOnlyKeys("content-type", "accept");
        assertThat(kept.toBuilder().build().headers()).isSameAs(view);
    }

    @Test
    void lazyViewAnswersTheContentTypeWithoutAskingForTheMap() {
        AtomicInteger asked = new AtomicInteger();
        HttpHeaders headers = HttpHeaders.lazyView(() -> {
            asked.incrementAndGet();
            return invokerMap();
        }, "application/json");

        assertThat(headers.first("Content-Type")).contains("application/json");
        assertThat(headers.contains("content-type")).isTrue();
        assertThat(HttpRequest.builder("POST", "/").headers(headers).build().contentType()).contains("application/json");
        assertThat(asked).as("the map is not needed for the content type").hasValue(0);

        assertThat(headers.first("x-cloud-trace-context")).contains("abc/1;o=1");
        assertThat(headers.all("accept")).containsExactly("text/html", "application/json");
        assertThat(headers.asMap()).containsOnlyKeys("content-type", "x-cloud-trace-context", "accept");
        assertThat(asked).as("asked for once, then read in place").hasValue(1);
    }

    @Test
    void lazyViewEqualsTheEagerViewAndMayHaveNoContentType() {
        HttpHeaders lazy = HttpHeaders.lazyView(HttpHeadersViewTest::invokerMap, "application/json");

        assertThat(lazy).isEqualTo(HttpHeaders.view(invokerMap())).hasSameHashCodeAs(HttpHeaders.view(invokerMap()));
        HttpHeaders none = HttpHeaders.lazyView(Map::of, null);
        assertThat(none.first("content-type")).isEmpty();
        assertThat(none.contains("Content-Type")).isFalse();
        assertThat(none).isEqualTo(HttpHeaders.empty());
        assertThatNullPointerException().isThrownBy(() -> HttpHeaders.lazyView(null, null));
        assertThatNullPointerException().isThrownBy(() -> HttpHeaders.lazyView(() -> null, null).first("accept"))
                .withMessageContaining("gave no map");
    }

    private static Map<String, List<String>> invokerMap() {
        Map<String, List<String>> invoker = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        invoker.put("Content-Type", new ArrayList<>(List.of("application/json")));
        invoker.put("X-Cloud-Trace-Context", new ArrayList<>(List.of("abc/1;o=1")));
        invoker.put("Accept", new ArrayList<>(List.of("text/html", "application/json")));
        return invoker;
    }
}
