package dev.portablefn.examples.learning.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.courses.Course;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.users.User;
import dev.portablefn.examples.learning.users.UserRepository;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class CheckoutTest {

    private static final Clock CLOCK = Clock.fixed(TestContexts.NOW, ZoneOffset.UTC);

    @Mock
    private UserRepository users;
    @Mock
    private CourseRepository courses;
    @Mock
    private Publisher publisher;

    private Checkout checkout;

    @BeforeEach
    void setUp() {
        checkout = new Checkout(users, courses, publisher, "payments");
        lenient().when(users.find("usr-1")).thenReturn(Optional.of(new User("usr-1", "ada@example.org", "Ada", TestContexts.NOW)));
        lenient().when(courses.find("crs-1")).thenReturn(Optional.of(new Course("crs-1", "Java", "", 4900, "EUR", TestContexts.NOW)));
    }

    @Test
    void aMatchingPaymentIsPublishedAsPaymentCompletedJsonToTheTopic() throws Exception {
        when(publisher.publish(eq("payments"), anyString(), anyMap())).thenReturn("msg-1");

        PaymentCompleted completed = checkout.pay(new PaymentRequest("usr-1", "crs-1", 4900, "EUR", "tok_visa"), CLOCK);

        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(publisher).publish(eq("payments"), body.capture(), eq(Map.of("paymentId", completed.paymentId())));
        JacksonCodec codec = JacksonCodec.standard();
        PaymentCompleted published = codec.read(body.getValue().getBytes(StandardCharsets.UTF_8),
                codec.type(PaymentCompleted.class));
        assertThat(published).isEqualTo(completed);
        assertThat(completed.paymentId()).startsWith("pay-");
        assertThat(completed.userId()).isEqualTo("usr-1");
        assertThat(completed.courseId()).isEqualTo("crs-1");
        assertThat(completed.amountCents()).isEqualTo(4900);
        assertThat(completed.paidAt()).isEqualTo(TestContexts.NOW);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource({
            "usr-x, crs-1, 4900, EUR, tok_visa, 404, user usr-x does not exist",
            "usr-1, crs-x, 4900, EUR, tok_visa, 404, course crs-x does not exist",
            "usr-1, crs-1, 100,  EUR, tok_visa, 422, does not match the price of course crs-1: 4900 EUR",
            "usr-1, crs-1, 4900, USD, tok_visa, 422, does not match the price",
            "usr-1, crs-1, 4900, EUR, tok_declined, 402, the card was declined"
    })
    void aRejectedPaymentPublishesNothing(String user, String course, long amount, String currency, String card,
                                          int status, String message) {
        assertThatThrownBy(() -> checkout.pay(new PaymentRequest(user, course, amount, currency, card), CLOCK))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.status()).isEqualTo(status))
                .hasMessageContaining(message);
        verifyNoInteractions(publisher);
    }
}
