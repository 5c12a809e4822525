package dev.portablefn.bench.baseline.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.portablefn.bench.baseline.BaselineProblem;
import dev.portablefn.bench.baseline.BaselineValidation;
import dev.portablefn.examples.learning.courses.Course;
import dev.portablefn.examples.learning.courses.CourseCatalog;
import dev.portablefn.examples.learning.courses.InMemoryCourseRepository;
import dev.portablefn.examples.learning.courses.NewCourse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning platform's {@code POST /courses} and {@code GET /courses} written by hand the naive way, against which
 * the cold-start variant {@code courses} measures the portable courses function: the API Gateway HTTP API v2 event
 * read as a Jackson tree, the route matched by hand, the body bound with Jackson and validated with Hibernate
 * Validator (bootstrapped as {@link BaselineValidation} does), the same {@link CourseCatalog} business rules, the same
 * log line, and the answer written as API Gateway's response shape.
 */
public final class CoursesBaselineLambdaHandler implements RequestStreamHandler {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Logger LOG = LoggerFactory.getLogger(CoursesBaselineLambdaHandler.class);
    private static final String ALLOWED = "GET, POST";

    private final CourseCatalog catalog = new CourseCatalog(new InMemoryCourseRepository());

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = MAPPER.readTree(input);
        String path = event.path("rawPath").asText("/");
        String method = event.path("requestContext").path("http").path("method").asText();
        ObjectNode response;
        if (!path.equals("/courses")) {
            response = ApiGatewayResponses.problem(MAPPER, BaselineProblem.notFound(path));
        } else if (method.equals("GET")) {
            response = ApiGatewayResponses.response(MAPPER, 200, "application/json",
                    MAPPER.writeValueAsString(Map.of("courses", catalog.list())));
        } else if (method.equals("POST")) {
            response = create(event);
        } else {
            response = ApiGatewayResponses.problem(MAPPER, BaselineProblem.methodNotAllowed(method, path, ALLOWED));
            ((ObjectNode) response.get("headers")).put("allow", ALLOWED);
        }
        MAPPER.writeValue(output, response);
    }

    private ObjectNode create(JsonNode event) throws IOException {
        String text = event.path("body").asText("");
        byte[] body = event.path("isBase64Encoded").asBoolean()
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        NewCourse request;
        try {
            request = MAPPER.readValue(body, NewCourse.class);
        } catch (IOException malformed) {
            request = null;
        }
        if (request == null) {
            return ApiGatewayResponses.problem(MAPPER,
                    BaselineProblem.badRequest("request body is not a valid NewCourse", List.of()));
        }
        BaselineProblem invalid = BaselineValidation.problemWith(request, "request body");
        if (invalid != null) {
            return ApiGatewayResponses.problem(MAPPER, invalid);
        }
        Course course = catalog.create(request, Clock.systemUTC());
        LOG.info("created course {} '{}'", course.id(), course.title());
        ObjectNode response = ApiGatewayResponses.response(MAPPER, 201, "application/json", MAPPER.writeValueAsString(course));
        ((ObjectNode) response.get("headers")).put("location", "/courses/" + course.id());
        return response;
    }

}
