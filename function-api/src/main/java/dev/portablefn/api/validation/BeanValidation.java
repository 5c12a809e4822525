package dev.portablefn.api.validation;

import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.InvalidInputException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks Jakarta Validation constraints on bound input. Hibernate Validator is bootstrapped on the
 * first value whose class actually carries constraints, and without Expression Language, so a
 * function whose types have no constraints pays nothing for it.
 */
public final class BeanValidation {

    private static final BeanValidation SHARED = new BeanValidation();

    private volatile Validator validator;

    private BeanValidation() {
    }

    /** @return the process-wide instance */
    public static BeanValidation shared() {
        return SHARED;
    }

    /**
     * Validates a value when its class declares constraints.
     *
     * @param value the bound input; {@code null} and unconstrained values pass
     * @param what  names the input in the error, such as {@code "body"} or {@code "SQS record 3"}
     * @throws InvalidInputException listing every violated field, sorted by field
     */
    public void check(Object value, String what) {
        if (value == null || !ConstraintScan.isConstrained(value.getClass())) {
            return;
        }
        Set<ConstraintViolation<Object>> violations = validator().validate(value);
        if (violations.isEmpty()) {
            return;
        }
        List<Violation> sorted = violations.stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        throw new InvalidInputException(what + " is not a valid " + value.getClass().getSimpleName() + ": "
                + describe(sorted), sorted, null);
    }

    /**
     * @param type a class
     * @return whether validating an instance could find a violation
     */
    public boolean isConstrained(Class<?> type) {
        return ConstraintScan.isConstrained(type);
    }

    private static String describe(List<Violation> violations) {
        StringBuilder text = new StringBuilder();
        for (Violation violation : violations) {
            if (text.length() > 0) {
                text.append("; ");
            }
            text.append(violation.field().isEmpty() ? "value" : violation.field()).append(' ').append(violation.message());
        }
        return text.toString();
    }

    private Validator validator() {
        Validator current = validator;
        if (current == null) {
            synchronized (this) {
                current = validator;
                if (current == null) {
                    current = HibernateValidatorBootstrap.create();
                    validator = current;
                }
            }
        }
        return current;
    }
}
