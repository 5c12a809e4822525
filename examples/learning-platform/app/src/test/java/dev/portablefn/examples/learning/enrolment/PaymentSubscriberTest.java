package dev.portablefn.examples.learning.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.portablefn.api.Event;
import dev.portablefn.api.Trigger;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.payments.PaymentCompleted;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class PaymentSubscriberTest {

    private static final PaymentCompleted PAYMENT = new PaymentCompleted("pay-1", "usr-1", "crs-1", 4900, "EUR",
            Instant.parse("2026-03-14T09:00:00Z"));

    @Mock
    private EnrolmentRepository enrolments;

    @ParameterizedTest(name = "repository says stored={0}")
    @ValueSource(booleans = {true, false})
    void enrolsThroughTheIdempotentRepositoryAndAcknowledgesARepeat(boolean firstTime) {
        when(enrolments.enrolIfAbsent(any())).thenReturn(firstTime);

        new PaymentSubscriber(enrolments).handle(event(PAYMENT), TestContexts.at("enrolment"));

        ArgumentCaptor<Enrolment> enrolment = ArgumentCaptor.forClass(Enrolment.class);
        verify(enrolments).enrolIfAbsent(enrolment.capture());
        assertThat(enrolment.getValue()).isEqualTo(
                new Enrolment("usr-1", "crs-1", "pay-1", 4900, "EUR", TestContexts.NOW));
    }

    @Test
    void theInMemoryRepositoryEnrolsOncePerUserAndCourse() {
        InMemoryEnrolmentRepository repository = new InMemoryEnrolmentRepository();
        PaymentSubscriber subscriber = new PaymentSubscriber(repository);

        subscriber.handle(event(PAYMENT), TestContexts.at("enrolment"));
        subscriber.handle(event(PAYMENT), TestContexts.at("enrolment"));

        assertThat(repository.all()).singleElement().extracting(Enrolment::paymentId).isEqualTo("pay-1");
    }

    static Event<PaymentCompleted> event(PaymentCompleted payment) {
        return Event.<PaymentCompleted>builder().id("msg-1").source("payments").type("test").trigger(Trigger.TOPIC)
                .data(payment).build();
    }
}
