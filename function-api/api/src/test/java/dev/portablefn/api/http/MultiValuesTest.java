package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultiValuesTest {

    @Test
    void headersAreFoundInAnyCaseHoweverTheProviderSpelledThem() {
        HttpHeaders headers = HttpHeaders.of("Content-Type", "application/json", "X-Cloud-Trace-Context", "abc/1;o=1");

        assertThat(headers.first("content-type")).contains("application/json");
        assertThat(headers.first("CONTENT-TYPE")).contains("application/json");
        assertThat(headers.contains("x-cloud-trace-context")).isTrue();
        assertThat(headers.first("missing")).isEmpty();
        assertThat(headers.contains("missing")).isFalse();
    }

    @Test
    void namesDifferingOnlyInCaseAreOneNameWithItsValuesInArrivalOrder() {
        HttpHeaders headers = HttpHeaders.builder().add("Accept", "text/html").add("User-Agent", "curl/8.5.0")
                .add("accept", "application/json").add("ACCEPT", "*/*").build();

        assertThat(headers.first("accept")).contains("text/html");
        assertThat(headers.all("Accept")).containsExactly("text/html", "application/json", "*/*");
        assertThat(headers.asMap()).containsExactly(Map.entry("accept", List.of("text/html", "application/json", "*/*")),
                Map.entry("user-agent", List.of("curl/8.5.0")));
    }

    @Test
    void pairsCanBeWalkedInArrivalOrderWithHeaderNamesInLowerCase() {
        HttpHeaders headers = HttpHeaders.of("Accept", "text/html", "X-Id", "7", "accept", "*/*");

        assertThat(headers.size()).isEqualTo(3);
        assertThat(List.of(headers.name(0), headers.name(1), headers.name(2))).containsExactly("accept", "x-id", "accept");
        assertThat(List.of(headers.value(0), headers.value(1), headers.value(2))).containsExactly("text/html", "7", "*/*");
        assertThatThrownBy(() -> headers.name(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> headers.value(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void queryParameterNamesAreExactAndKeptAsGiven() {
        QueryParameters query = QueryParameters.of("Tag", "java", "tag", "cloud", "tag", "jvm");

        assertThat(query.all("tag")).containsExactly("cloud", "jvm");
        assertThat(query.first("Tag")).contains("java");
        assertThat(query.contains("TAG")).isFalse();
        assertThat(query.name(0)).isEqualTo("Tag");
        assertThat(query).hasToString("{Tag=[java], tag=[cloud, jvm]}");
    }

    @Test
    void equalValuesAreEqualWhateverTheSpellingOrTheOrderOfNames() {
        HttpHeaders built = HttpHeaders.of("user-agent", "curl/8.5.0", "accept", "*/*");
        HttpHeaders spelledOtherwise = HttpHeaders.of("Accept", "*/*", "User-Agent", "curl/8.5.0");

        assertThat(spelledOtherwise).isEqualTo(built).hasSameHashCodeAs(built);
        assertThat(HttpHeaders.of("a", "1", "a", "2")).isNotEqualTo(HttpHeaders.of("a", "2", "a", "1"));
        assertThat(QueryParameters.of("a", "1")).isNotEqualTo(HttpHeaders.of("a", "1"));
    }

    @Test
    void aChangedCopyLeavesTheOriginalAlone() {
        HttpHeaders original = HttpHeaders.of("User-Agent", "curl/8.5.0");

        HttpHeaders.Builder builder = original.toBuilder().add("Accept", "*/*");
        HttpHeaders first = builder.build();
        HttpHeaders second = builder.set("user-agent", "wget").build();

        assertThat(original.asMap()).containsExactly(Map.entry("user-agent", List.of("curl/8.5.0")));
        assertThat(first.asMap()).containsExactly(Map.entry("user-agent", List.of("curl/8.5.0")), Map.entry("accept", List.of("*/*")));
        assertThat(second.asMap()).containsExactly(Map.entry("user-agent", List.of("wget")), Map.entry("accept", List.of("*/*")));
    }

    @Test
    void setReplacesTheFirstValueWhereItStandsAndDropsTheOthers() {
        HttpHeaders headers = HttpHeaders.of("A", "1", "B", "x", "a", "2").toBuilder().set("a", "3").build();
        QueryParameters query = QueryParameters.of("q", "1").toBuilder().set("other", "2").remove("q").build();

        assertThat(headers.size()).isEqualTo(2);
        assertThat(List.of(headers.name(0), headers.value(0), headers.name(1), headers.value(1))).containsExactly("a", "3", "b", "x");
        assertThat(query).isEqualTo(QueryParameters.of("other", "2"));
        assertThat(HttpHeaders.of("A", "1").toBuilder().remove("a").build()).isSameAs(HttpHeaders.empty());
    }

    @Test
    void mapsAndListsHandedOutAreUnmodifiable() {
        HttpHeaders headers = HttpHeaders.of("Accept", "*/*", "accept", "text/html");

        assertThatThrownBy(() -> headers.asMap().get("accept").add("application/json"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.asMap().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.all("accept").add("application/json"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> headers.all("Accept").clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nothingBuiltIsTheSharedEmptyInstanceAndNullsAreRefused() {
        assertThat(HttpHeaders.builder().build()).isSameAs(HttpHeaders.empty());
        assertThat(HttpHeaders.of()).isSameAs(HttpHeaders.empty());
        assertThat(QueryParameters.builder().build()).isSameAs(QueryParameters.empty());
        assertThat(HttpHeaders.empty().isEmpty()).isTrue();
        assertThat(HttpHeaders.empty().asMap()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> HttpHeaders.builder().add(null, "v"));
        assertThatNullPointerException().isThrownBy(() -> HttpHeaders.builder().add("n", null)).withMessageContaining("n");
        assertThatNullPointerException().isThrownBy(() -> HttpHeaders.empty().first(null));
    }

    @Test
    void requestKeepsHeadersHandedOverWholeAndCopiesThemOnlyToAddOne() {
        HttpHeaders given = HttpHeaders.of("Content-Type", "application/json");

        HttpRequest kept = HttpRequest.builder().headers(given).build();
        HttpRequest extended = HttpRequest.builder().headers(given).header("Accept", "*/*").build();
        HttpRequest replaced = HttpRequest.builder().header("Accept", "*/*").headers(given).build();

        assertThat(kept.headers()).isSameAs(given);
        assertThat(extended.headers().asMap()).containsOnlyKeys("content-type", "accept");
        assertThat(given.asMap()).containsOnlyKeys("content-type");
        assertThat(replaced.headers()).isSameAs(given);
        assertThat(kept.toBuilder().build().headers()).isSameAs(given);
    }

    @Test
    void sixtyFourKilobyteQueryOfOneRepeatedNameIsBuiltWithLinearCopying() {
        int pairs = 64 * 1024 / "a=&".length();   // what a 64 KB query of a=&a=&... carries
        QueryParameters.Builder builder = QueryParameters.builder();

        for (int i = 0; i < pairs; i++) {
            builder.add("a", "");
        }
        QueryParameters query = builder.build();

        // Growing by doubling copies fewer slots than the final array holds (4 × pairs at most); copying on every
        // add would copy pairs² slots, about 4.5 × 10^8 here.
        assertThat(builder.copiedSlots()).isLessThanOrEqualTo(4L * pairs);
        assertThat(query.size()).isEqualTo(pairs);
        assertThat(query.all("a")).hasSize(pairs);
        assertThat(query.asMap().get("a")).hasSize(pairs);
    }

    @Test
    void copyingBuiltValuesCopiesTheirArrayOnceWhateverIsAddedAfter() {
        QueryParameters.Builder first = QueryParameters.builder();
        for (int i = 0; i < 1000; i++) {
            first.add("p" + i, "v");
        }
        QueryParameters.Builder copy = first.build().toBuilder();

        for (int i = 0; i < 1000; i++) {
            copy.add("q" + i, "v");
        }

        assertThat(copy.copiedSlots()).isLessThanOrEqualTo(2L * 1000 + 4L * 2000);
        assertThat(copy.build().size()).isEqualTo(2000);
    }

    @Test
    void asMapOfManyDistinctNamesKeepsArrivalOrderAndEveryValue() {
        QueryParameters.Builder builder = QueryParameters.builder();
        for (int i = 0; i < 20_000; i++) {
            builder.add("n" + i, "v" + i);
        }
        builder.add("n7", "again");

        Map<String, List<String>> map = builder.build().asMap();

        assertThat(map).hasSize(20_000);
        assertThat(map.keySet()).startsWith("n0", "n1", "n2").endsWith("n19999");
        assertThat(map.get("n7")).containsExactly("v7", "again");
        assertThatThrownBy(() -> map.get("n7").add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.remove("n7")).isInstanceOf(UnsupportedOperationException.class);
    }
}
