package dev.portablefn.examples.learning.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Problem;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.FunctionTester;
import dev.portablefn.testing.InvocationResult;
import dev.portablefn.testing.OnAllProviders;
import dev.portablefn.testing.ProviderTester;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The platform's HTTP functions (courses, users, payments) pass the same assertions on AWS, Azure and GCP:
 * the testing kit turns each request into the provider's own payload (API Gateway 2.0 event, Azure
 * {@code HttpRequestMessage}, Functions Framework request), runs it through the real adapter entry and decodes
 * the provider's raw response back.
 */
class HttpFunctionsOnEveryProviderTest {

    private static final String ADA = "{\"email\":\"Ada@Example.org\",\"name\":\"Ada\"}";
    private static final String SERVERLESS_JAVA =
            "{\"title\":\"Serverless Java\",\"description\":\"Functions everywhere\",\"priceCents\":4900,\"currency\":\"EUR\"}";

    private final List<String> published = new CopyOnWriteArrayList<>();
    private final LearningPlatform platform = LearningPlatform.inMemory((topic, body, attributes) -> {
        published.add(topic + " " + body);
        return "msg-" + published.size();
    }, BlobStore.registered()); // never read: no HTTP function touches a bucket

    @OnAllProviders
    void registeringAUserAnswers201WithTheNormalisedAccount(ProviderTester providers) {
        HttpResponse registered = post(providers.tester(platform.usersApi()), "/users", ADA);

        assertThat(registered.status()).as(registered.bodyAsString()).isEqualTo(201);
        assertThat(registered.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode user = json(registered);
        assertThat(user.get("id").asText()).startsWith("usr-");
        assertThat(user.get("email").asText()).isEqualTo("ada@example.org");
        assertThat(user.get("name").asText()).isEqualTo("Ada");
        assertThat(registered.header("Location")).hasValue("/users/" + user.get("id").asText());

        HttpResponse profile = get(providers.tester(platform.usersApi()), "/users/" + user.get("id").asText());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(json(profile).at("/user/email").asText()).isEqualTo("ada@example.org");
        assertThat(json(profile).get("courseIds")).isEmpty();
    }

    @OnAllProviders
    void aCreatedCourseCanBeFetchedAndListed(ProviderTester providers) {
        FunctionTester courses = providers.tester(platform.coursesApi());

        InvocationResult created = courses.http(Events.http("POST", "/courses")
                .header("Content-Type", "application/json").body(SERVERLESS_JAVA).build());
        assertThat(created.succeeded()).as(created.toString()).isTrue();
        assertThat(created.http().status()).as(created.http().bodyAsString()).isEqualTo(201);
        String courseId = json(created.http()).get("id").asText();
        assertThat(created.http().header("Location")).hasValue("/courses/" + courseId);
        assertThat(created.logs()).anySatisfy(line -> assertThat(line.message())
                .isEqualTo("created course " + courseId + " 'Serverless Java'"));

        JsonNode fetched = json(get(courses, "/courses/" + courseId));
        assertThat(fetched.get("id").asText()).isEqualTo(courseId);
        assertThat(fetched.get("title").asText()).isEqualTo("Serverless Java");
        assertThat(fetched.get("description").asText()).isEqualTo("Functions everywhere");
        assertThat(fetched.get("priceCents").asLong()).isEqualTo(4900);
        assertThat(fetched.get("currency").asText()).isEqualTo("EUR");

        HttpResponse listed = get(courses, "/courses");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(json(listed).get("courses").findValuesAsText("id")).containsExactly(courseId);
    }

    @OnAllProviders
    void aPaymentIsAccepted202AndPublishedOnce(ProviderTester providers) {
        String userId = json(post(providers.tester(platform.usersApi()), "/users", ADA)).get("id").asText();
        String courseId = json(post(providers.tester(platform.coursesApi()), "/courses", SERVERLESS_JAVA)).get("id").asText();

        HttpResponse paid = post(providers.tester(platform.paymentPublisher()), "/payments", payment(userId, courseId, 4900));

        assertThat(paid.status()).as(paid.bodyAsString()).isEqualTo(202);
        JsonNode body = json(paid);
        assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(body.get("enrolment").asText()).isEqualTo("pending");
        String paymentId = body.get("paymentId").asText();
        assertThat(published).singleElement().satisfies(message -> assertThat(message)
                .startsWith(LearningPlatform.PAYMENTS_TOPIC + " {")
                .contains("\"paymentId\":\"" + paymentId + "\"", "\"userId\":\"" + userId + "\"",
                        "\"courseId\":\"" + courseId + "\""));
    }

    @OnAllProviders
    void invalidBodiesAre400ProblemsListingEveryWrongField(ProviderTester providers) {
        assertProblem(post(providers.tester(platform.usersApi()), "/users", "{\"email\":\"not-an-address\",\"name\":\"\"}"),
                400, "email", "name");
        assertProblem(post(providers.tester(platform.coursesApi()), "/courses",
                "{\"title\":\"\",\"priceCents\":-1,\"currency\":\"euro\"}"), 400, "title", "priceCents", "currency");
        assertProblem(post(providers.tester(platform.paymentPublisher()), "/payments",
                "{\"userId\":\"\",\"courseId\":\"crs-1\",\"amountCents\":-5,\"currency\":\"EUR\",\"cardToken\":\"4111\"}"),
                400, "userId", "amountCents", "cardToken");
        assertThat(published).isEmpty();
    }

    @OnAllProviders
    void unknownCoursesAndUsersAre404Problems(ProviderTester providers) {
        JsonNode course = assertProblem(get(providers.tester(platform.coursesApi()), "/courses/crs-nobody"), 404);
        assertThat(course.get("detail").asText()).isEqualTo("course crs-nobody does not exist");

        JsonNode user = assertProblem(get(providers.tester(platform.usersApi()), "/users/usr-nobody"), 404);
        assertThat(user.get("detail").asText()).isEqualTo("user usr-nobody does not exist");

        String userId = json(post(providers.tester(platform.usersApi()), "/users", ADA)).get("id").asText();
        JsonNode payment = assertProblem(post(providers.tester(platform.paymentPublisher()), "/payments",
                payment(userId, "crs-nobody", 4900)), 404);
        assertThat(payment.get("detail").asText()).isEqualTo("course crs-nobody does not exist");
        assertThat(published).isEmpty();
    }

    @OnAllProviders
    void aWrongAmountIsA422ProblemAndPublishesNothing(ProviderTester providers) {
        String userId = json(post(providers.tester(platform.usersApi()), "/users", ADA)).get("id").asText();
        String courseId = json(post(providers.tester(platform.coursesApi()), "/courses", SERVERLESS_JAVA)).get("id").asText();

        JsonNode problem = assertProblem(post(providers.tester(platform.paymentPublisher()), "/payments",
                payment(userId, courseId, 1)), 422);

        assertThat(problem.get("detail").asText()).contains("does not match the price of course " + courseId);
        assertThat(published).isEmpty();
    }

    private static String payment(String userId, String courseId, long amountCents) {
        return "{\"userId\":\"" + userId + "\",\"courseId\":\"" + courseId + "\",\"amountCents\":" + amountCents
                + ",\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}";
    }

    private static HttpResponse post(FunctionTester tester, String path, String json) {
        return tester.http(Events.http("POST", path).header("Content-Type", "application/json").body(json).build()).http();
    }

    private static HttpResponse get(FunctionTester tester, String path) {
        return tester.http(Events.http("GET", path).build()).http();
    }

    /** Asserts an RFC 9457 problem with that status naming exactly those fields, and returns its body. */
    private static JsonNode assertProblem(HttpResponse response, int status, String... fields) {
        assertThat(response.status()).as(response.bodyAsString()).isEqualTo(status);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith(Problem.MEDIA_TYPE));
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.path("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
        return problem;
    }

    private static JsonNode json(HttpResponse response) {
        try {
            return JacksonCodec.standard().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.bodyAsString(), e);
        }
    }
}
