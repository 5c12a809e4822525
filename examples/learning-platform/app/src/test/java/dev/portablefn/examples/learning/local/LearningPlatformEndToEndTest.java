package dev.portablefn.examples.learning.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.localcloud.DeadLetter;
import dev.portablefn.testing.localcloud.InvocationRecord;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole platform in LocalCloud, wired as in the descriptors: register → create course → pay →
 * the subscriber enrols (once, even when the message comes twice) → a lesson upload is recorded →
 * the nightly schedule builds the report. Runs under each provider's delivery defaults.
 */
class LearningPlatformEndToEndTest {

    @ParameterizedTest(name = "delivery like {0}")
    @EnumSource(value = Provider.class, names = {"AWS", "AZURE", "GCP"})
    void registerCreatePayEnrolUploadAndReport(Provider provider) throws Exception {
        LocalPlatform local = LocalPlatform.start(provider);
        LocalCloud cloud = local.cloud();

        HttpResponse registered = post(cloud, "users", "/users", "{\"email\":\"ada@example.org\",\"name\":\"Ada\"}");
        assertThat(registered.status()).isEqualTo(201);
        String userId = json(registered).get("id").asText();
        HttpResponse created = post(cloud, "courses", "/courses",
                "{\"title\":\"Serverless Java\",\"priceCents\":4900,\"currency\":\"EUR\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValue("/courses/" + json(created).get("id").asText());
        String courseId = json(created).get("id").asText();

        HttpResponse paid = post(cloud, "payment-publisher", "/payments", "{\"userId\":\"" + userId + "\",\"courseId\":\""
                + courseId + "\",\"amountCents\":4900,\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");
        assertThat(paid.status()).as(paid.bodyAsString()).isEqualTo(202);
        String paymentId = json(paid).get("paymentId").asText();
        cloud.awaitQuiescence();

        assertThat(local.platform().enrolments().all()).singleElement().satisfies(enrolment -> {
            assertThat(enrolment.userId()).isEqualTo(userId);
            assertThat(enrolment.courseId()).isEqualTo(courseId);
            assertThat(enrolment.paymentId()).isEqualTo(paymentId);
            assertThat(enrolment.amountCents()).isEqualTo(4900);
        });
        JsonNode profile = json(cloud.invokeHttp("users", HttpRequest.builder("GET", "/users/" + userId).build()));
        assertThat(profile.get("courseIds").get(0).asText()).isEqualTo(courseId);

        // At-least-once: the same PaymentCompleted delivered again enrols nobody twice.
        Enrolment first = local.platform().enrolments().all().get(0);
        cloud.publish(LearningPlatform.PAYMENTS_TOPIC, "{\"paymentId\":\"" + paymentId + "\",\"userId\":\"" + userId
                + "\",\"courseId\":\"" + courseId + "\",\"amountCents\":4900,\"currency\":\"EUR\",\"paidAt\":\"2024-01-01T00:00:00Z\"}");
        cloud.awaitQuiescence();
        assertThat(local.platform().enrolments().all()).containsExactly(first);
        assertThat(cloud.invocations("payment-subscriber")).hasSize(2)
                .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED));
        // The idempotency middleware answered the repeat: the subscriber itself ran once.
        assertThat(cloud.invocations("payment-subscriber").get(0).logs()).extracting(log -> log.message())
                .anySatisfy(message -> assertThat(message).startsWith("enrolled user " + userId));
        assertThat(cloud.invocations("payment-subscriber").get(1).logs()).extracting(log -> log.message())
                .noneSatisfy(message -> assertThat(message).contains("enrolled"));

        byte[] lesson = "lesson one".repeat(200).getBytes(StandardCharsets.UTF_8);
        String lessonSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(lesson));
        cloud.blobStore().put(LearningPlatform.LESSONS_BUCKET, "courses/" + courseId + "/lessons/01-intro.mp4",
                lesson, "video/mp4");
        cloud.awaitQuiescence();
        // The upload function read the file back from the bucket: the checksum is of its content.
        assertThat(local.platform().lessonFiles().byCourse(courseId)).singleElement().satisfies(file -> {
            assertThat(file.fileName()).isEqualTo("01-intro.mp4");
            assertThat(file.sizeBytes()).isEqualTo(lesson.length);
            // S3 notifications carry no content type; Cloud Storage and Event Grid blob events do.
            assertThat(file.contentType()).isEqualTo(provider == Provider.AWS ? null : "video/mp4");
            assertThat(file.sha256()).isEqualTo(lessonSha256);
        });

        // The 02:00 UTC tick reports the day before it, so today's activity is in tomorrow night's report.
        LocalDate today = cloud.now().atZone(ZoneOffset.UTC).toLocalDate();
        cloud.advance(Duration.ofDays(2));
        assertThat(cloud.invocations("nightly-report")).isNotEmpty()
                .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED));
        JsonNode report = json(cloud.invokeHttp("reports", HttpRequest.builder("GET", "/reports/" + today).build()));
        assertThat(report.get("date").asText()).isEqualTo(today.toString());
        assertThat(report.get("users").asInt()).isEqualTo(1);
        assertThat(report.get("courses").asInt()).isEqualTo(1);
        assertThat(report.get("enrolments").asInt()).isEqualTo(1);
        assertThat(report.get("newEnrolments").asInt()).isEqualTo(1);
        assertThat(report.get("enrolmentsByCourse").get(courseId).asInt()).isEqualTo(1);
        assertThat(report.get("revenueCents").get("EUR").asLong()).isEqualTo(4900);
        assertThat(report.get("lessonFiles").asInt()).isEqualTo(1);
        assertThat(cloud.deadLetters()).isEmpty();
    }

    @ParameterizedTest(name = "delivery like {0}")
    @EnumSource(value = Provider.class, names = {"AWS", "AZURE", "GCP"})
    void rejectedPaymentsPublishNothingAndAStrayUploadIsDeadLetteredWithItsReason(Provider provider) throws IOException {
        LocalPlatform local = LocalPlatform.start(provider);
        LocalCloud cloud = local.cloud();
        String userId = json(post(cloud, "users", "/users", "{\"email\":\"bo@example.org\",\"name\":\"Bo\"}")).get("id").asText();
        String courseId = json(post(cloud, "courses", "/courses",
                "{\"title\":\"Go\",\"priceCents\":1000,\"currency\":\"EUR\"}")).get("id").asText();

        HttpResponse invalid = post(cloud, "payment-publisher", "/payments", "{\"userId\":\"" + userId + "\"}");
        HttpResponse wrongAmount = post(cloud, "payment-publisher", "/payments", "{\"userId\":\"" + userId
                + "\",\"courseId\":\"" + courseId + "\",\"amountCents\":999,\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");
        HttpResponse declined = post(cloud, "payment-publisher", "/payments", "{\"userId\":\"" + userId
                + "\",\"courseId\":\"" + courseId + "\",\"amountCents\":1000,\"currency\":\"EUR\",\"cardToken\":\"tok_declined\"}");
        cloud.blobStore().put(LearningPlatform.LESSONS_BUCKET, "courses/crs-missing/lessons/a.pdf", new byte[1], "application/pdf");
        cloud.blobStore().put(LearningPlatform.LESSONS_BUCKET, "courses/" + courseId + "/lessons/b.pdf", new byte[3], "application/pdf");
        // The stray upload's PermanentFailure takes the preset's attempts before its dead-letter queue (Event Grid's 30
        // attempts with backoff take almost a day).
        assertThat(cloud.runUntilIdle(Duration.ofDays(2))).isTrue();

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).hasValue("application/problem+json");
        assertThat(wrongAmount.status()).isEqualTo(422);
        assertThat(json(wrongAmount).get("detail").asText()).contains("does not match the price");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(cloud.invocations("payment-subscriber")).isEmpty();
        assertThat(local.platform().enrolments().all()).isEmpty();
        assertThat(cloud.deadLetters()).singleElement().satisfies((DeadLetter dead) -> {
            assertThat(dead.reason()).contains("course crs-missing, which does not exist");
            assertThat(dead.event().subject()).hasValue("courses/crs-missing/lessons/a.pdf");
        });
        assertThat(local.platform().lessonFiles().byCourse(courseId)).extracting(f -> f.fileName()).containsExactly("b.pdf");
    }

    private static HttpResponse post(LocalCloud cloud, String function, String path, String body) {
        return cloud.invokeHttp(function, HttpRequest.builder("POST", path)
                .header("Content-Type", "application/json").body(body).build());
    }

    private static JsonNode json(HttpResponse response) throws IOException {
        return JacksonCodec.standard().readTree(response.bodyAsString().getBytes(StandardCharsets.UTF_8));
    }
}
