package dev.portablefn.examples.learning.payments;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.courses.Course;
import dev.portablefn.examples.learning.courses.CourseRepository;
import dev.portablefn.examples.learning.users.UserRepository;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Takes a payment for a course and announces it: checks the user and course exist and the amount
 * matches the price, then publishes {@link PaymentCompleted} to the payments topic. Enrolment is
 * not done here; the subscriber on the topic does it, so a slow or failing enrolment never fails
 * the payment request.
 */
public final class Checkout {

    /** A card token the simulated payment provider always declines, to try the 402 path. */
    public static final String DECLINED_CARD = "tok_declined";

    private final UserRepository users;
    private final CourseRepository courses;
    private final Publisher publisher;
    private final String topic;

    /**
     * @param users     where users live
     * @param courses   where courses live
     * @param publisher publishes to the topic
     * @param topic     the topic {@link PaymentCompleted} goes to
     */
    public Checkout(UserRepository users, CourseRepository courses, Publisher publisher, String topic) {
        this.users = Objects.requireNonNull(users, "users");
        this.courses = Objects.requireNonNull(courses, "courses");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    /**
     * @param request the validated payment
     * @param clock   the clock stamping {@code paidAt}
     * @return the published message
     * @throws PermanentFailure 404 for an unknown user or course, 422 for a wrong amount or currency,
     *                          402 when the card is declined
     */
    public PaymentCompleted pay(PaymentRequest request, Clock clock) {
        if (users.find(request.userId()).isEmpty()) {
            throw PermanentFailure.withStatus(404, "user " + request.userId() + " does not exist; register first");
        }
        Course course = courses.find(request.courseId()).orElseThrow(() ->
                PermanentFailure.withStatus(404, "course " + request.courseId() + " does not exist"));
        if (course.priceCents() != request.amountCents() || !course.currency().equals(request.currency())) {
            throw PermanentFailure.withStatus(422, "amount " + request.amountCents() + " " + request.currency()
                    + " does not match the price of course " + course.id() + ": "
                    + course.priceCents() + " " + course.currency());
        }
        if (DECLINED_CARD.equals(request.cardToken())) {
            throw PermanentFailure.withStatus(402, "the card was declined; use another card");
        }
        PaymentCompleted completed = new PaymentCompleted("pay-" + UUID.randomUUID(), request.userId(),
                course.id(), request.amountCents(), request.currency(), clock.instant());
        String body = new String(JsonCodec.standard().write(completed), StandardCharsets.UTF_8);
        publisher.publish(topic, body, Map.of("paymentId", completed.paymentId()));
        return completed;
    }
}
