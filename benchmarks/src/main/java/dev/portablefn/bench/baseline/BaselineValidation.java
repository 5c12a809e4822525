package dev.portablefn.bench.baseline;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Hibernate Validator as the realistic baselines use it: bootstrapped once, on first use, the way the library does
 * (without Expression Language: the {@link ParameterMessageInterpolator}), and called on each bound value.
 */
public final class BaselineValidation {

    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private BaselineValidation() {
    }

    /** @param value a bound value @return whether it breaks none of its constraints */
    public static boolean isValid(Object value) {
        return VALIDATOR.validate(value).isEmpty();
    }

    /**
     * @param value a bound value
     * @param what  names the input in the problem's detail, such as {@code "request body"}
     * @return {@code null} when the value is valid, else a 400 problem listing each broken constraint by field
     */
    public static BaselineProblem problemWith(Object value, String what) {
        Set<ConstraintViolation<Object>> violations = VALIDATOR.validate(value);
        if (violations.isEmpty()) {
            return null;
        }
        List<BaselineProblem.FieldError> errors = new ArrayList<>(violations.size());
        for (ConstraintViolation<Object> violation : violations) {
            errors.add(new BaselineProblem.FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(BaselineProblem.FieldError::field).thenComparing(BaselineProblem.FieldError::message));
        StringBuilder detail = new StringBuilder(what).append(" is not a valid ").append(value.getClass().getSimpleName()).append(": ");
        for (int i = 0; i < errors.size(); i++) {
            detail.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(' ').append(errors.get(i).message());
        }
        return BaselineProblem.badRequest(detail.toString(), errors);
    }
}
