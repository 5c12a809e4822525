package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.api.InvalidInputException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestTest {

    record Course(String id, String title, int seats, LocalDate starts) {
    }

    record Enrolment(@NotBlank String student, @Positive int seats) {
    }

    private static HttpRequest json(String body) {
        return HttpRequest.builder("POST", "/courses").header("Content-Type", "application/json").body(body).build();
    }

    @Test
    void builderDefaultsToGetRootWithEmptyBody() {
        HttpRequest request = HttpRequest.builder().build();

        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/");
        assertThat(request.rawPath()).isEqualTo("/");
        assertThat(request.body()).isEmpty();
        assertThat(request.bodyLength()).isZero();
        assertThat(request.bodyAsString()).isEmpty();
        assertThat(request.query().isEmpty()).isTrue();
        assertThat(request.headers().isEmpty()).isTrue();
        assertThat(request.cookies()).isEmpty();
        assertThat(request.remoteAddress()).isEmpty();
    }

    @Test
    void methodIsUpperCasedAndPathGetsLeadingSlash() {
        HttpRequest request = HttpRequest.builder("post", "courses/1").build();

        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/courses/1");
        assertThat(request.toString()).isEqualTo("POST /courses/1");
    }

    @Test
    void headersAreCaseInsensitiveAndMultiValued() {
        HttpRequest request = HttpRequest.builder()
                .header("X-Forwarded-For", "1.1.1.1")
                .header("x-forwarded-for", "2.2.2.2")
                .header("Accept", "text/html")
                .build();

        assertThat(request.header("X-FORWARDED-FOR")).contains("1.1.1.1");
        assertThat(request.headers().all("x-Forwarded-for")).containsExactly("1.1.1.1", "2.2.2.2");
        assertThat(request.headers().contains("ACCEPT")).isTrue();
        assertThat(request.headers().asMap()).containsOnlyKeys("x-forwarded-for", "accept");
        assertThat(request.header("missing")).isEmpty();
        assertThat(request.headers().all("missing")).isEmpty();
    }

    @Test
    void headersAddedInBulkKeepAllValues() {
        HttpHeaders headers = HttpHeaders.of("A", "1", "a", "2");

        HttpRequest request = HttpRequest.builder().headers(headers).header("A", "3").build();

        assertThat(request.headers().all("a")).containsExactly("1", "2", "3");
    }

    @Test
    void queryIsMultiValuedAndCaseSensitive() {
        HttpRequest request = HttpRequest.builder()
                .queryParameter("tag", "java")
                .queryParameter("tag", "cloud")
                .queryParameter("Tag", "other")
                .build();

        assertThat(request.queryParameter("tag")).contains("java");
        assertThat(request.query().all("tag")).containsExactly("java", "cloud");
        assertThat(request.query().all("Tag")).containsExactly("other");
        assertThat(request.queryParameter("page")).isEmpty();
        assertThat(request.toString()).isEqualTo("GET /?{tag=[java, cloud], Tag=[other]}");
    }

    @Test
    void cookiesAreParsedFromEveryCookieHeaderFirstWins() {
        HttpRequest request = HttpRequest.builder()
                .header("Cookie", "session=abc; theme=\"dark\";  empty=; =nameless; novalue")
                .header("Cookie", "session=later; lang=en")
                .build();

        assertThat(request.cookies()).containsExactly(
                Map.entry("session", "abc"), Map.entry("theme", "dark"), Map.entry("empty", ""), Map.entry("lang", "en"));
        assertThat(request.cookie("lang")).contains("en");
        assertThat(request.cookie("novalue")).isEmpty();
        assertThatThrownBy(() -> request.cookies().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void pathParametersAreCopiedAndUnmodifiable() {
        HttpRequest request = HttpRequest.builder().build().withPathParameters(Map.of("id", "42"));

        assertThat(request.pathParameter("id")).contains("42");
        assertThat(request.pathParameter("other")).isEmpty();
        assertThatThrownBy(() -> request.pathParameters().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bodyIsDefensivelyCopiedOnRead() {
        HttpRequest request = HttpRequest.builder().body("abc").build();

        request.body()[0] = 'z';

        assertThat(request.bodyAsString()).isEqualTo("abc");
    }

    @Test
    void bodyAsStringUsesCharsetFromContentType() {
        byte[] latin1 = "café".getBytes(StandardCharsets.ISO_8859_1);

        HttpRequest request = HttpRequest.builder().header("Content-Type", "text/plain; charset=\"ISO-8859-1\"").body(latin1).build();

        assertThat(request.bodyAsString()).isEqualTo("café");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain; charset=no-such-charset", "text/plain; charset=utf-8"})
    void bodyAsStringFallsBackToUtf8(String contentType) {
        HttpRequest request = HttpRequest.builder().header("Content-Type", contentType).body("café").build();

        assertThat(request.bodyAsString()).isEqualTo("café");
    }

    @Test
    void bodyAsBindsRecordWithJavaTime() {
        Course course = json("{\"id\":\"c1\",\"title\":\"Java\",\"seats\":20,\"starts\":\"2026-01-05\",\"extra\":true}")
                .bodyAs(Course.class);

        assertThat(course).isEqualTo(new Course("c1", "Java", 20, LocalDate.of(2026, 1, 5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/cloudevents+json", "APPLICATION/JSON"})
    void bodyAsAcceptsJsonMediaTypes(String contentType) {
        HttpRequest request = HttpRequest.builder().header("content-type", contentType).body("{\"id\":\"c1\"}").build();

        assertThat(request.bodyAs(Course.class).id()).isEqualTo("c1");
    }

    @Test
    void bodyAsWithoutContentTypeAssumesJson() {
        assertThat(HttpRequest.builder().body("{\"id\":\"c1\"}").build().bodyAs(Course.class).id()).isEqualTo("c1");
    }

    @Test
    void bodyAsBindsGenericTypeReference() {
        List<Course> courses = json("[{\"id\":\"a\"},{\"id\":\"b\"}]").bodyAs(new TypeReference<List<Course>>() { }.getType());

        assertThat(courses).extracting(Course::id).containsExactly("a", "b");
    }

    @Test
    void malformedJsonIs400NamingTheLocation() {
        assertThatThrownBy(() -> json("{\"id\": }").bodyAs(Course.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("request body is not valid JSON").contains("line 1, column");
                });
    }

    @Test
    void wrongContentTypeIs415() {
        HttpRequest request = HttpRequest.builder("POST", "/").header("Content-Type", "text/xml").body("<a/>").build();

        assertThatThrownBy(() -> request.bodyAs(Course.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(415);
                    assertThat(e.getMessage()).contains("text/xml").contains("application/json");
                });
    }

    @Test
    void emptyBodyIs400() {
        assertThatThrownBy(() -> json("").bodyAs(Course.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).isEqualTo("request body is empty; expected JSON for Course");
                });
    }

    @Test
    void jsonNullBodyIs400() {
        assertThatThrownBy(() -> json("null").bodyAs(Course.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.getMessage()).isEqualTo("request body is JSON null; expected Course"));
    }

    @Test
    void typeMismatchNamesTheField() {
        assertThatThrownBy(() -> json("{\"id\":\"c1\",\"seats\":\"many\"}").bodyAs(Course.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("request body is not a valid Course: field 'seats'");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("seats");
                });
    }

    @Test
    void typeMismatchInsideAListNamesIndexAndField() {
        assertThatThrownBy(() -> json("[{\"id\":\"a\"},{\"starts\":\"soon\"}]").bodyAs(new TypeReference<List<Course>>() { }.getType()))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).extracting(Violation::field).containsExactly("[1].starts"));
    }

    @Test
    void bodyAsValidatesConstraints() {
        assertThatThrownBy(() -> json("{\"student\":\" \",\"seats\":0}").bodyAs(Enrolment.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("seats", "student");
                });
    }

    @Test
    void bodyAsValidatesEachElementOfAGenericList() {
        assertThatThrownBy(() -> json("[{\"student\":\"ann\",\"seats\":1},{\"student\":\"\",\"seats\":1}]")
                .bodyAs(new TypeReference<List<Enrolment>>() { }.getType()))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).containsExactly(new Violation("[1].student", "must not be blank")));
    }

    @Test
    void unwrapGivesNativeRequestOrExplains() {
        HttpRequest request = HttpRequest.builder().nativeRequest("native").build();

        assertThat(request.unwrap(String.class)).isEqualTo("native");
        assertThat(request.unwrap(CharSequence.class)).isEqualTo("native");
        assertThatIllegalArgumentException().isThrownBy(() -> request.unwrap(Integer.class))
                .withMessageContaining("java.lang.Integer").withMessageContaining("java.lang.String");
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRequest.builder().build().unwrap(Integer.class))
                .withMessageContaining("nothing");
    }

    @Test
    void queryHandedOverWholeReplacesWhatWasCollected() {
        HttpRequest request = HttpRequest.builder().queryParameter("page", "1")
                .query(QueryParameters.of("tag", "java", "tag", "cloud")).queryParameter("page", "2").build();

        assertThat(request.query().asMap()).containsExactly(Map.entry("tag", List.of("java", "cloud")), Map.entry("page", List.of("2")));
        assertThat(HttpRequest.builder().queryParameter("page", "1").query(QueryParameters.empty()).build().query().isEmpty())
                .isTrue();
    }

    @Test
    void toBuilderCopiesEverything() {
        HttpRequest original = HttpRequest.builder("PUT", "/a b").rawPath("/a%20b").queryParameter("q", "1")
                .header("H", "v").body("x").remoteAddress("10.0.0.1").nativeRequest(7).build()
                .withPathParameters(Map.of("id", "1"));

        HttpRequest copy = original.toBuilder().header("H", "w").build();

        assertThat(copy.method()).isEqualTo("PUT");
        assertThat(copy.path()).isEqualTo("/a b");
        assertThat(copy.rawPath()).isEqualTo("/a%20b");
        assertThat(copy.query().all("q")).containsExactly("1");
        assertThat(copy.headers().all("h")).containsExactly("v", "w");
        assertThat(original.headers().all("h")).containsExactly("v");
        assertThat(copy.bodyAsString()).isEqualTo("x");
        assertThat(copy.remoteAddress()).contains("10.0.0.1");
        assertThat(copy.unwrap(Integer.class)).isEqualTo(7);
        assertThat(copy.pathParameters()).containsExactly(Map.entry("id", "1"));
    }

    @Test
    void oddHeaderPairsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpHeaders.of("a"));
        assertThatIllegalArgumentException().isThrownBy(() -> QueryParameters.of("a", "1", "b"));
    }

    @Test
    void headersAndQueryBuildersSetAndRemove() {
        HttpHeaders headers = HttpHeaders.builder().add("A", "1").add("a", "2").set("A", "3").add("B", "x").remove("b").build();
        QueryParameters query = QueryParameters.of("a", "1").toBuilder().set("a", "2").add("b", "3").remove("b").build();

        assertThat(headers.all("a")).containsExactly("3");
        assertThat(headers.contains("b")).isFalse();
        assertThat(headers).isEqualTo(HttpHeaders.of("a", "3")).hasSameHashCodeAs(HttpHeaders.of("A", "3"));
        assertThat(query.asMap()).containsExactly(Map.entry("a", List.of("2")));
        assertThat(query.contains("a")).isTrue();
        assertThat(query).isEqualTo(QueryParameters.of("a", "2"));
        assertThat(HttpHeaders.builder().build()).isSameAs(HttpHeaders.empty());
        assertThat(QueryParameters.builder().build()).isSameAs(QueryParameters.empty());
        assertThatThrownBy(() -> headers.asMap().get("a").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
