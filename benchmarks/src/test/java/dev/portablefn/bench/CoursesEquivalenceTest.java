package dev.portablefn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.bench.baseline.aws.CoursesBaselineLambdaHandler;
import dev.portablefn.bench.portable.CoursesAwsHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.internal.validation.ValidationEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cold-start variant {@code courses} compares like with like only if the hand-written handler does the courses
 * function's work: for the same {@code POST /courses}, both create the course and answer 201 with the same course and
 * location shape, and both refuse an invalid body with the same problem (status, fields, messages, detail). The build
 * runs it twice: as {@code target/benchmarks.jar} runs (the portable side on Hibernate Validator) and as
 * {@code target/courses-avaje.jar} runs for the variant {@code courses-avaje} (the portable side on the adapters
 * avaje-validator generated for the learning platform; {@code -Dportablefn.bench.validation=avaje}).
 */
class CoursesEquivalenceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("a valid course", "{\"title\":\"Portable functions\",\"description\":\"Three clouds\","
                        + "\"priceCents\":4900,\"currency\":\"EUR\"}", 201),
                Arguments.of("every field wrong", "{\"title\":\" \",\"priceCents\":-1,\"currency\":\"eur\"}", 400),
                Arguments.of("a title too long", "{\"title\":\"" + "t".repeat(121) + "\",\"priceCents\":0,"
                        + "\"currency\":\"USD\"}", 400),
                Arguments.of("no body fields", "{}", 400));
    }

    @Test
    void thePortableSideValidatesWithTheEngineItsJarCarries() {
        boolean avaje = "avaje".equals(System.getProperty("portablefn.bench.validation"));

        List<String> engines = ServiceLoader.load(ValidationEngine.class, ValidationEngine.class.getClassLoader()).stream()
                .map(provider -> provider.type().getName()).toList();

        assertThat(engines).as("registered validation engines (none: Hibernate Validator, the runtime's default)")
                .isEqualTo(avaje ? List.of("dev.portablefn.validation.avaje.AvajeValidationEngine") : List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void bothSidesAnswerTheSameStatusAndBodyShape(String description, String body, int status) throws IOException {
        JsonNode portable = answer(new CoursesAwsHandler(), body);
        JsonNode baseline = answer(new CoursesBaselineLambdaHandler(), body);

        assertThat(portable.get("statusCode").asInt()).isEqualTo(status);
        assertThat(baseline.get("statusCode").asInt()).isEqualTo(status);
        assertThat(baseline.path("headers").path("content-type").asText())
                .isEqualTo(portable.path("headers").path("content-type").asText());
        JsonNode portableBody = JSON.readTree(portable.get("body").asText());
        JsonNode baselineBody = JSON.readTree(baseline.get("body").asText());
        if (status == 201) {
            assertThat(withoutIdAndTime(baselineBody)).isEqualTo(withoutIdAndTime(portableBody));
            assertThat(baseline.path("headers").path("location").asText()).startsWith("/courses/crs-");
            assertThat(portable.path("headers").path("location").asText()).startsWith("/courses/crs-");
        } else {
            assertThat(baselineBody).isEqualTo(portableBody);
        }
    }

    private static JsonNode answer(RequestStreamHandler handler, String body) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(Payloads.bytes(Payloads.AWS_HTTP_API_V2_COURSE));
        event.put("body", body);
        ((ObjectNode) event.get("headers")).put("content-length", String.valueOf(body.length()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out,
                FakeLambdaContext.of("courses-1", "courses", 30_000));
        return JSON.readTree(out.toByteArray());
    }

    private static JsonNode withoutIdAndTime(JsonNode course) {
        ObjectNode copy = course.deepCopy();
        assertThat(copy.remove("id").asText()).startsWith("crs-");
        assertThat(copy.remove("createdAt").asText()).isNotBlank();
        return copy;
    }
}
