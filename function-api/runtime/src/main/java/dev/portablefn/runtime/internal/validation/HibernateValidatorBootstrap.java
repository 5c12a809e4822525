package dev.portablefn.runtime.internal.validation;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** Builds Hibernate Validator without Expression Language, which is slow to start and a known attack surface. */
final class HibernateValidatorBootstrap {

    private HibernateValidatorBootstrap() {
    }

    static Validator create() {
        return Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }
}
