package dev.portablefn.examples.learning.enrolment;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.examples.learning.payments.PaymentCompleted;
import java.util.Objects;

/**
 * The Payment Subscriber: on each {@link PaymentCompleted} from the payments topic, enrols the user
 * in the course. Topics deliver at least once, so a repeated message is acknowledged without a
 * second enrolment ({@link EnrolmentRepository#enrolIfAbsent}).
 */
public final class PaymentSubscriber implements EventFunction<PaymentCompleted> {

    private final EnrolmentRepository enrolments;

    /** @param enrolments where enrolments are recorded */
    public PaymentSubscriber(EnrolmentRepository enrolments) {
        this.enrolments = Objects.requireNonNull(enrolments, "enrolments");
    }

    @Override
    public void handle(Event<PaymentCompleted> event, Context context) {
        PaymentCompleted payment = event.data();
        Enrolment enrolment = new Enrolment(payment.userId(), payment.courseId(), payment.paymentId(),
                payment.amountCents(), payment.currency(), context.clock().instant());
        if (enrolments.enrolIfAbsent(enrolment)) {
            context.logger().info("enrolled user {} in course {} (payment {})", payment.userId(), payment.courseId(),
                    payment.paymentId());
        } else {
            context.logger().info("user {} is already enrolled in course {}; payment {} delivered again, nothing to do",
                    payment.userId(), payment.courseId(), payment.paymentId());
        }
    }
}
