package dev.portablefn.runtime.internal.validation;

import dev.portablefn.api.InvalidInputException.Violation;
import java.util.List;

/**
 * Internal SPI: the validator behind {@link BeanValidation}: the first one registered with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.portablefn.runtime.internal.validation.ValidationEngine},
 * as {@code portablefn-validation-avaje} does), looked up once; with none, Hibernate Validator is the engine. An engine only finds
 * violations: {@link BeanValidation} prefixes, sorts and describes them and throws, so the problem a caller sees is
 * the same whichever engine ran.
 */
public interface ValidationEngine {

    /**
     * Checks one value of a class that declares constraints (never a collection, array or map; {@link BeanValidation}
     * walks those itself).
     *
     * @param value the value, never {@code null}
     * @return every violation, each with its field path relative to {@code value} written as Hibernate Validator's
     *     would read to a caller ({@code course.title}, {@code lessons[1].minutes}, {@code tags[1]},
     *     {@code quotas[b]}; empty for the value itself) and its interpolated message; empty when the value is valid
     */
    List<Violation> validate(Object value);

    /**
     * Does now the work the first {@link #validate} of {@code type} would do, for a snapshot taken after init.
     *
     * @param type a class declaring constraints, or {@code null} to start the engine alone
     * @throws IllegalStateException when the engine's library is not on the classpath
     */
    void prime(Class<?> type);

    /**
     * Gives the default engine, Hibernate Validator without Expression Language, started on first use and shared by
     * the process. An engine that cannot check some type falls back to it.
     *
     * @return the Hibernate Validator engine
     * @throws IllegalStateException when Hibernate Validator is not on the classpath
     */
    static ValidationEngine hibernateValidator() {
        return HibernateValidatorEngine.shared();
    }
}
