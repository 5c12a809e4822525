package dev.portablefn.examples.learning.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole problem+json of every invalid body the platform's HTTP functions bind, pinned as Hibernate Validator
 * words it: the deployables validate with avaje-validator's generated adapters (and so do these tests, with
 * {@code portablefn-validation-avaje} on their class path), which must not change a status, a field, a message or
 * the detail a client sees.
 */
class InvalidBodiesTest {

    private static final LearningPlatform PLATFORM = LearningPlatform.inMemory(
            (topic, body, attributes) -> "msg-1", BlobStore.registered());   // nothing valid is published

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("courses: every field wrong", function(LearningPlatform::coursesApi), "/courses",
                        "{\"title\":\" \",\"priceCents\":-1,\"currency\":\"eur\"}",
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"request body is not a valid NewCourse: currency must be an ISO 4217 code such as EUR;"
                                + " priceCents must be greater than or equal to 0; title must not be blank\","
                                + "\"errors\":[{\"field\":\"currency\",\"message\":\"must be an ISO 4217 code such as EUR\"},"
                                + "{\"field\":\"priceCents\",\"message\":\"must be greater than or equal to 0\"},"
                                + "{\"field\":\"title\",\"message\":\"must not be blank\"}]}"),
                Arguments.of("courses: title and description too long", function(LearningPlatform::coursesApi),
                        "/courses", "{\"title\":\"" + "t".repeat(121) + "\",\"description\":\"" + "d".repeat(2001)
                                + "\",\"priceCents\":0,\"currency\":\"USD\"}",
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"request body is not a valid NewCourse: description size must be between 0 and 2000;"
                                + " title size must be between 0 and 120\","
                                + "\"errors\":[{\"field\":\"description\",\"message\":\"size must be between 0 and 2000\"},"
                                + "{\"field\":\"title\",\"message\":\"size must be between 0 and 120\"}]}"),
                Arguments.of("courses: no fields", function(LearningPlatform::coursesApi), "/courses", "{}",
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"request body is not a valid NewCourse: currency must not be blank;"
                                + " title must not be blank\","
                                + "\"errors\":[{\"field\":\"currency\",\"message\":\"must not be blank\"},"
                                + "{\"field\":\"title\",\"message\":\"must not be blank\"}]}"),
                Arguments.of("users: bad address, empty name", function(LearningPlatform::usersApi), "/users",
                        "{\"email\":\"not-an-address\",\"name\":\"\"}",
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"request body is not a valid Registration: email must be a well-formed email address;"
                                + " name must not be blank\","
                                + "\"errors\":[{\"field\":\"email\",\"message\":\"must be a well-formed email address\"},"
                                + "{\"field\":\"name\",\"message\":\"must not be blank\"}]}"),
                Arguments.of("payments: four fields wrong", function(LearningPlatform::paymentPublisher), "/payments",
                        "{\"userId\":\"\",\"courseId\":\"crs-1\",\"amountCents\":-5,\"currency\":\"euro\",\"cardToken\":\"4111\"}",
                        "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"request body is not a valid PaymentRequest: amountCents must be greater than 0;"
                                + " cardToken must be a card token such as tok_visa; currency must be an ISO 4217 code such as EUR;"
                                + " userId must not be blank\","
                                + "\"errors\":[{\"field\":\"amountCents\",\"message\":\"must be greater than 0\"},"
                                + "{\"field\":\"cardToken\",\"message\":\"must be a card token such as tok_visa\"},"
                                + "{\"field\":\"currency\",\"message\":\"must be an ISO 4217 code such as EUR\"},"
                                + "{\"field\":\"userId\",\"message\":\"must not be blank\"}]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void anInvalidBodyIsAnsweredWithTheSameProblemAsEver(String description, Function<LearningPlatform, HttpFunction> function,
                                                         String path, String body, String problem) throws IOException {
        HttpRequest request = HttpRequest.builder("POST", path).header("Content-Type", "application/json").body(body).build();

        HttpResponse response = FunctionRunner.of(PortableFunction.of(function.apply(PLATFORM)))
                .http(request, TestContexts.at("validation"));

        assertThat(response.status()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(response.contentType()).hasValue("application/problem+json");
        assertThat(json(response.bodyAsString())).isEqualTo(json(problem));
    }

    private static Function<LearningPlatform, HttpFunction> function(Function<LearningPlatform, HttpFunction> function) {
        return function;
    }

    private static JsonNode json(String text) throws IOException {
        return JacksonCodec.standard().readTree(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
