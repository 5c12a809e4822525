package dev.portablefn.examples.learning.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.database.TestDatabase;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.localcloud.InvocationRecord;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform's payment flow on PostgreSQL, through {@link LearningPlatform#onDatabase}: register, create a course,
 * pay, the subscriber enrols; the same payment again, in this container or another, enrols nobody twice.
 */
class LearningPlatformOnDatabaseTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.empty();

    @Test
    void registerCreatePayAndEnrolOnceWhateverContainerTheRepeatReaches() throws Exception {
        LocalPlatform local = LocalPlatform.start(Provider.AWS, null,
                (publisher, blobs) -> LearningPlatform.onDatabase(DATABASE.dataSource(), publisher, blobs));
        LocalCloud cloud = local.cloud();

        String userId = json(post(cloud, "users", "/users", "{\"email\":\"ada@example.org\",\"name\":\"Ada\"}"))
                .get("id").asText();
        String courseId = json(post(cloud, "courses", "/courses",
                "{\"title\":\"Serverless Java\",\"priceCents\":4900,\"currency\":\"EUR\"}")).get("id").asText();
        HttpResponse paid = post(cloud, "payment-publisher", "/payments", "{\"userId\":\"" + userId + "\",\"courseId\":\""
                + courseId + "\",\"amountCents\":4900,\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");
        assertThat(paid.status()).as(paid.bodyAsString()).isEqualTo(202);
        String paymentId = json(paid).get("paymentId").asText();
        cloud.awaitQuiescence();

        assertThat(rows("SELECT user_id, course_id, payment_id FROM enrolments"))
                .containsExactly(userId + "|" + courseId + "|" + paymentId);
        Enrolment enrolment = local.platform().enrolments().all().get(0);
        JsonNode profile = json(cloud.invokeHttp("users", HttpRequest.builder("GET", "/users/" + userId).build()));
        assertThat(profile.get("courseIds").get(0).asText()).isEqualTo(courseId);
        assertThat(rows("SELECT status FROM portablefn_idempotency")).as("the payment recorded as processed")
                .containsExactly("COMPLETED");

        String again = "{\"paymentId\":\"" + paymentId + "\",\"userId\":\"" + userId + "\",\"courseId\":\"" + courseId
                + "\",\"amountCents\":4900,\"currency\":\"EUR\",\"paidAt\":\"2026-01-01T00:00:00Z\"}";
        cloud.publish(LearningPlatform.PAYMENTS_TOPIC, again);
        cloud.awaitQuiescence();
        LocalPlatform otherContainer = LocalPlatform.start(Provider.AWS, null,
                (publisher, blobs) -> LearningPlatform.onDatabase(DATABASE.dataSource(), publisher, blobs));
        otherContainer.cloud().publish(LearningPlatform.PAYMENTS_TOPIC, again);
        otherContainer.cloud().awaitQuiescence();

        assertThat(local.platform().enrolments().all()).containsExactly(enrolment);
        assertThat(otherContainer.platform().enrolments().all()).containsExactly(enrolment);
        assertThat(cloud.invocations("payment-subscriber")).hasSize(2)
                .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED));
        assertThat(otherContainer.cloud().invocations("payment-subscriber")).singleElement().satisfies(i -> {
            assertThat(i.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED);
            assertThat(i.logs()).extracting(log -> log.message())
                    .as("the other container's idempotency middleware answered from the shared record")
                    .noneSatisfy(message -> assertThat(message).contains("enrolled"));
        });
    }

    private static HttpResponse post(LocalCloud cloud, String function, String path, String body) {
        return cloud.invokeHttp(function, HttpRequest.builder("POST", path)
                .header("Content-Type", "application/json").body(body).build());
    }

    private static JsonNode json(HttpResponse response) throws IOException {
        return JacksonCodec.standard().readTree(response.bodyAsString().getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DATABASE.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder(result.getString(1));
                for (int i = 2; i <= columns; i++) {
                    row.append('|').append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
