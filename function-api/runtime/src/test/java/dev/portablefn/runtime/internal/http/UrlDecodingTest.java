package dev.portablefn.runtime.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.http.QueryParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlDecodingTest {

    @ParameterizedTest
    @CsvSource(delimiterString = "->", value = {
            "a%20b -> a b", "a+b -> a+b", "caf%C3%A9 -> café", "%2F -> /", "100% -> 100%", "%zz -> %zz", "%4 -> %4",
            "plain -> plain", "%e2%82%ac -> €", "😀%20x -> 😀 x"})
    void decodePathKeepsPlus(String encoded, String decoded) {
        assertThat(UrlDecoding.decodePath(encoded)).isEqualTo(decoded);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "->", value = {"a+b -> a b", "a%2Bb -> a+b", "x%3Dy -> x=y", "%C3 -> \uFFFD"})
    void decodeFormTurnsPlusIntoSpace(String encoded, String decoded) {
        assertThat(UrlDecoding.decodeForm(encoded)).isEqualTo(decoded);
    }

    @Test
    void nullStaysNull() {
        assertThat(UrlDecoding.decodePath(null)).isNull();
        assertThat(UrlDecoding.decodeForm(null)).isNull();
    }

    @Test
    void parseQueryIsMultiValuedDecodedAndOrdered() {
        QueryParameters query = UrlDecoding.parseQuery("a=1&b=x+y&a=2&flag&&=orphan&c=%26");

        assertThat(query.asMap()).containsExactly(
                Map.entry("a", List.of("1", "2")), Map.entry("b", List.of("x y")), Map.entry("flag", List.of("")),
                Map.entry("c", List.of("&")));
    }

    @Test
    void emptyOrNullQueryIsEmpty() {
        assertThat(UrlDecoding.parseQuery(null).isEmpty()).isTrue();
        assertThat(UrlDecoding.parseQuery("").isEmpty()).isTrue();
        assertThat(UrlDecoding.parseQuery("&&").isEmpty()).isTrue();
    }

    @Test
    void valueMayContainEquals() {
        assertThat(UrlDecoding.parseQuery("token=a=b").first("token")).contains("a=b");
    }
}
