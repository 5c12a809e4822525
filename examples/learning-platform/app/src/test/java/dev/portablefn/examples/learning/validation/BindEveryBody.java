package dev.portablefn.examples.learning.validation;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.examples.learning.courses.NewCourse;
import dev.portablefn.examples.learning.payments.PaymentCompleted;
import dev.portablefn.examples.learning.payments.PaymentRequest;
import dev.portablefn.examples.learning.users.Registration;
import java.util.Map;

/**
 * A whole process that binds one valid and one invalid body of every type the platform's functions bind (the three
 * HTTP bodies and the payments topic's message) the way they do, with {@code bodyAs}, and prints each outcome.
 * {@link AvajeValidatesEveryBoundTypeTest} runs it with class loading logged.
 */
public final class BindEveryBody {

    private static final Map<Class<?>, String[]> BODIES = Map.of(
            NewCourse.class, new String[] {"{\"title\":\"Go\",\"priceCents\":0,\"currency\":\"EUR\"}",
                "{\"title\":\" \",\"priceCents\":-1,\"currency\":\"eur\"}"},
            Registration.class, new String[] {"{\"email\":\"ada@example.org\",\"name\":\"Ada\"}",
                "{\"email\":\"not-an-address\",\"name\":\"\"}"},
            PaymentRequest.class, new String[] {"{\"userId\":\"usr-1\",\"courseId\":\"crs-1\",\"amountCents\":5,"
                + "\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}", "{\"userId\":\"\",\"amountCents\":0}"},
            PaymentCompleted.class, new String[] {"{\"paymentId\":\"pay-1\",\"userId\":\"usr-1\",\"courseId\":\"crs-1\","
                + "\"amountCents\":5,\"currency\":\"EUR\",\"paidAt\":\"2026-03-14T09:00:00Z\"}", "{\"paymentId\":\"pay-1\"}"});

    private BindEveryBody() {
    }

    /** @param args none */
    public static void main(String[] args) {
        BODIES.forEach((type, bodies) -> {
            System.out.println("bound " + post(bodies[0]).bodyAs(type));
            try {
                post(bodies[1]).bodyAs(type);
                System.out.println("not rejected: " + type.getSimpleName());
            } catch (InvalidInputException rejected) {
                System.out.println("rejected: " + rejected.getMessage());
            }
        });
    }

    private static HttpRequest post(String body) {
        return HttpRequest.builder("POST", "/").header("Content-Type", "application/json").body(body).build();
    }
}
