package dev.portablefn.validation.avaje;

import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.runtime.internal.validation.ValidationEngine;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The engine the tests register (their {@code META-INF/services} comes first on the test class path), so that the
 * process-wide validation a {@code FunctionRunner} uses can run on either engine in one JVM. It delegates to this
 * module's {@link AvajeValidationEngine} unless a test switches it to Hibernate Validator; it touches Hibernate
 * Validator only then.
 */
public final class SwitchableEngine implements ValidationEngine {

    private static final ValidationEngine AVAJE = new AvajeValidationEngine();
    private static final AtomicInteger HIBERNATE_VALIDATIONS = new AtomicInteger();
    private static volatile boolean hibernate;

    /** Runs {@code work} with Hibernate Validator behind the shared validation, then switches back to avaje. */
    static <T> T withHibernateValidator(Supplier<T> work) {
        hibernate = true;
        try {
            return work.get();
        } finally {
            hibernate = false;
        }
    }

    /** @return how many values were validated while switched to Hibernate Validator, to prove the switch works */
    static int hibernateValidations() {
        return HIBERNATE_VALIDATIONS.get();
    }

    private static ValidationEngine current() {
        return hibernate ? ValidationEngine.hibernateValidator() : AVAJE;
    }

    @Override
    public List<Violation> validate(Object value) {
        if (hibernate) {
            HIBERNATE_VALIDATIONS.incrementAndGet();
        }
        return current().validate(value);
    }

    @Override
    public void prime(Class<?> type) {
        current().prime(type);
    }
}
