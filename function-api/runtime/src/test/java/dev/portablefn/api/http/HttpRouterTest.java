package dev.portablefn.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import dev.portablefn.runtime.json.JacksonCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRouterTest {

    private static final Context CONTEXT = Context.builder().requestId("r-1").functionName("courses").provider(Provider.LOCAL).build();

    private static HttpFunction answering(String name) {
        return (request, context) -> HttpResponse.ok().json(Map.of("handler", name, "params", request.pathParameters()));
    }

    private static final HttpRouter ROUTER = HttpRouter.builder()
            .get("/courses", answering("list"))
            .post("/courses", answering("create"))
            .get("/courses/{id}", answering("get"))
            .get("/courses/new", answering("form"))
            .delete("/courses/{id}", answering("delete"))
            .get("/courses/{courseId}/lessons/{lessonId}", answering("lesson"))
            .get("/", answering("root"))
            .build();

    private static HttpResponse send(String method, String path) throws Exception {
        return ROUTER.handle(HttpRequest.builder(method, UrlDecoding.decodePath(path)).rawPath(path).build(), CONTEXT);
    }

    private static JsonNode json(HttpResponse response) throws Exception {
        return JacksonCodec.standard().readTree(response.body());
    }

    @Test
    void literalSegmentBeatsVariableWhateverTheOrderRoutesWereAdded() throws Exception {
        assertThat(json(send("GET", "/courses/new")).get("handler").asText()).isEqualTo("form");
        assertThat(json(send("GET", "/courses/42")).get("handler").asText()).isEqualTo("get");
    }

    @Test
    void variablesBecomePathParameters() throws Exception {
        JsonNode body = json(send("GET", "/courses/c1/lessons/l7"));

        assertThat(body.get("handler").asText()).isEqualTo("lesson");
        assertThat(body.get("params").get("courseId").asText()).isEqualTo("c1");
        assertThat(body.get("params").get("lessonId").asText()).isEqualTo("l7");
    }

    @Test
    void pathParametersArePercentDecodedAndAnEncodedSlashStaysInItsSegment() throws Exception {
        JsonNode body = json(send("GET", "/courses/a%2Fb%20c%C3%A9"));

        assertThat(body.get("handler").asText()).isEqualTo("get");
        assertThat(body.get("params").get("id").asText()).isEqualTo("a/b cé");
    }

    @Test
    void routesOnTheDecodedPathWhenTheRawPathCarriesAStagePrefix() throws Exception {
        HttpRequest request = HttpRequest.builder("GET", "/courses/7").rawPath("/prod/courses/7").build();

        JsonNode body = json(ROUTER.handle(request, CONTEXT));

        assertThat(body.get("handler").asText()).isEqualTo("get");
        assertThat(body.get("params").get("id").asText()).isEqualTo("7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/courses/", "/courses//", "/courses"})
    void trailingSlashesAreIgnored(String path) throws Exception {
        assertThat(json(send("GET", path)).get("handler").asText()).isEqualTo("list");
    }

    @Test
    void rootTemplateMatchesRootPath() throws Exception {
        assertThat(json(send("GET", "/")).get("handler").asText()).isEqualTo("root");
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        HttpResponse response = send("GET", "/students/1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).contains(Problem.MEDIA_TYPE);
        assertThat(json(response).get("detail").asText()).contains("/students/1");
    }

    @Test
    void emptyVariableSegmentDoesNotMatch() throws Exception {
        assertThat(send("GET", "/courses//lessons/1").status()).isEqualTo(404);
    }

    @Test
    void knownPathWithOtherMethodIs405WithAllow() throws Exception {
        HttpResponse response = send("PUT", "/courses/42");

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("allow")).contains("DELETE, GET, HEAD, OPTIONS");
        assertThat(response.contentType()).contains(Problem.MEDIA_TYPE);
        assertThat(json(response).get("status").asInt()).isEqualTo(405);
    }

    @Test
    void allowListsEveryMethodOfEveryMatchingTemplate() throws Exception {
        HttpResponse response = send("PATCH", "/courses");

        assertThat(response.header("Allow")).contains("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void headRunsGetHandlerWithoutBodyButWithItsHeaders() throws Exception {
        HttpResponse get = send("GET", "/courses/42");
        HttpResponse head = send("HEAD", "/courses/42");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.bodyLength()).isZero();
        assertThat(head.contentType()).isEqualTo(get.contentType());
        assertThat(get.bodyLength()).isPositive();
    }

    @Test
    void headOnUnknownPathGets404WithoutBody() throws Exception {
        HttpResponse head = send("HEAD", "/nowhere");

        assertThat(head.status()).isEqualTo(404);
        assertThat(head.bodyLength()).isZero();
    }

    @Test
    void explicitHeadRouteWins() throws Exception {
        HttpRouter router = HttpRouter.builder()
                .get("/x", answering("get"))
                .route("HEAD", "/x", (request, context) -> HttpResponse.noContent().header("X-Handler", "head"))
                .build();

        HttpResponse response = router.handle(HttpRequest.builder("HEAD", "/x").build(), CONTEXT);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("x-handler")).contains("head");
    }

    @Test
    void optionsAnswers204WithAllow() throws Exception {
        HttpResponse response = send("OPTIONS", "/courses");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Allow")).contains("GET, HEAD, OPTIONS, POST");
        assertThat(response.bodyLength()).isZero();
    }

    @Test
    void explicitOptionsRouteIsUsed() throws Exception {
        HttpRouter router = HttpRouter.builder()
                .get("/x", answering("get"))
                .route("options", "/x", (request, context) -> HttpResponse.ok().header("Access-Control-Allow-Origin", "*"))
                .build();

        HttpResponse response = router.handle(HttpRequest.builder("OPTIONS", "/x").build(), CONTEXT);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("access-control-allow-origin")).contains("*");
    }

    @Test
    void optionsOnUnknownPathIs404() throws Exception {
        assertThat(send("OPTIONS", "/nowhere").status()).isEqualTo(404);
    }

    @Test
    void methodIsMatchedCaseInsensitively() throws Exception {
        HttpRouter router = HttpRouter.builder().route("post", "/x", answering("post")).build();

        assertThat(router.handle(HttpRequest.builder("POST", "/x").build(), CONTEXT).status()).isEqualTo(200);
    }

    @Test
    void literalSegmentsArePercentDecodedBeforeComparison() throws Exception {
        HttpRouter router = HttpRouter.builder().get("/café", answering("cafe")).build();

        HttpRequest request = HttpRequest.builder("GET", "/café").rawPath("/caf%C3%A9").build();

        assertThat(router.handle(request, CONTEXT).status()).isEqualTo(200);
    }

    @Test
    void handlerReturningNullIsAnError() {
        HttpRouter router = HttpRouter.builder().get("/x", (request, context) -> null).build();

        assertThatIllegalStateException()
                .isThrownBy(() -> router.handle(HttpRequest.builder("GET", "/x").build(), CONTEXT))
                .withMessageContaining("GET /x");
    }

    @ParameterizedTest
    @ValueSource(strings = {"courses", "/courses/{}", "/courses/{id", "/courses/id}", "/courses/x{id}", "/courses/{a{b}}",
            "/a/{id}/b/{id}", "/courses/{ }"})
    void malformedTemplatesAreRejected(String template) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpRouter.builder().get(template, answering("x")))
                .withMessageContaining(template);
    }

    @Test
    void nullTemplateIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> HttpRouter.builder().get(null, answering("x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "GE T", "G/T"})
    void malformedMethodsAreRejected(String method) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpRouter.builder().route(method, "/x", answering("x")))
                .withMessageContaining("not an HTTP method");
    }

    @Test
    void sameMethodAndShapeTwiceIsRejectedEvenWithOtherVariableNames() {
        HttpRouter.Builder builder = HttpRouter.builder().get("/courses/{id}", answering("a"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.get("/courses/{courseId}/", answering("b")))
                .withMessageContaining("routed twice");
    }

    @Test
    void sameTemplateWithOtherMethodIsAllowed() throws Exception {
        HttpRouter router = HttpRouter.builder().get("/x", answering("get")).put("/x", answering("put"))
                .patch("/x", answering("patch")).build();

        assertThat(json(router.handle(HttpRequest.builder("PATCH", "/x").build(), CONTEXT)).get("handler").asText())
                .isEqualTo("patch");
    }
}
