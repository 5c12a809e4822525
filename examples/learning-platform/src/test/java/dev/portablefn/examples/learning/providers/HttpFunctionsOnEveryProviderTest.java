package dev.portablefn.examples.learning.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.examples.learning.LearningPlatform;
import dev.portablefn.examples.learning.providers.ProviderForm.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The platform's HTTP functions pass the same assertions in each provider's form: the raw payload
 * goes through the real adapter entry class (Lambda handler, Azure delegation, Functions Framework
 * function) and the raw response comes back. (The testing kit's FunctionTester, once it exists, can
 * replace {@link ProviderForm}.)
 */
class HttpFunctionsOnEveryProviderTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProviderForm.class)
    void registerCreateAndPayBehaveTheSameOnEveryProvider(ProviderForm provider) throws Exception {
        List<String> published = new ArrayList<>();
        LearningPlatform platform = LearningPlatform.inMemory((topic, body, attributes) -> {
            published.add(topic + " " + body);
            return "msg-" + published.size();
        });

        Reply registered = provider.call(platform.usersApi(), "POST", "/users", "{\"email\":\"Ada@Example.org\",\"name\":\"Ada\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.contentType()).startsWith("application/json");
        JsonNode user = registered.json();
        assertThat(user.get("email").asText()).isEqualTo("ada@example.org");

        Reply created = provider.call(platform.coursesApi(), "POST", "/courses",
                "{\"title\":\"Serverless Java\",\"priceCents\":4900,\"currency\":\"EUR\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String courseId = created.json().get("id").asText();

        Reply fetched = provider.call(platform.coursesApi(), "GET", "/courses/" + courseId, null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("title").asText()).isEqualTo("Serverless Java");
        assertThat(fetched.json().get("priceCents").asLong()).isEqualTo(4900);

        Reply paid = provider.call(platform.paymentPublisher(), "POST", "/payments", "{\"userId\":\"" + user.get("id").asText()
                + "\",\"courseId\":\"" + courseId + "\",\"amountCents\":4900,\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(202);
        String paymentId = paid.json().get("paymentId").asText();
        assertThat(published).singleElement().satisfies(message -> assertThat(message)
                .startsWith(LearningPlatform.PAYMENTS_TOPIC + " {").contains("\"paymentId\":\"" + paymentId + "\""));

        Reply wrongAmount = provider.call(platform.paymentPublisher(), "POST", "/payments", "{\"userId\":\""
                + user.get("id").asText() + "\",\"courseId\":\"" + courseId
                + "\",\"amountCents\":1,\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}");
        assertThat(wrongAmount.status()).isEqualTo(422);
        assertThat(wrongAmount.contentType()).startsWith("application/problem+json");
        assertThat(wrongAmount.json().get("detail").asText()).contains("does not match the price of course " + courseId);

        Reply missing = provider.call(platform.usersApi(), "GET", "/users/usr-nobody", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).isEqualTo("user usr-nobody does not exist");
        assertThat(published).hasSize(1);
    }
}
