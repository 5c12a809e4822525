package dev.portablefn.examples.learning.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verifyNoInteractions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.users.UserRepository;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PaymentPublisherTest {

    @Mock
    private UserRepository users;
    @Mock
    private CourseRepository courses;
    @Mock
    private Publisher publisher;

    @Test
    void anInvalidPaymentIsAnswered400NamingEveryWrongFieldBeforeAnyLookup() throws Exception {
        FunctionRunner runner = FunctionRunner.of(PortableFunction.of(
                new PaymentPublisher(new Checkout(users, courses, publisher, "payments"))));
        HttpRequest request = HttpRequest.builder("POST", "/payments").header("Content-Type", "application/json")
                .body("{\"userId\":\"\",\"courseId\":\"crs-1\",\"amountCents\":-5,\"currency\":\"euro\",\"cardToken\":\"4111\"}")
                .build();

        HttpResponse response = runner.http(request, TestContexts.at("payments"));

        assertThat(response.status()).as(response.bodyAsString()).isEqualTo(400);
        assertThat(response.contentType()).hasValue("application/problem+json");
        JsonNode problem = JacksonCodec.standard().readTree(response.bodyAsString().getBytes(StandardCharsets.UTF_8));
        assertThat(problem.get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("userId", "amountCents", "currency", "cardToken");
        verifyNoInteractions(users, courses, publisher);
    }
}
