package dev.portablefn.validation.avaje;

import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.runtime.internal.validation.ValidationEngine;
import io.avaje.validation.ConstraintViolation;
import io.avaje.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation engine this module registers with {@link java.util.ServiceLoader}: Jakarta constraints checked by
 * the adapters avaje-validator's annotation processor generated at build time, with no reflection and without
 * Hibernate Validator's bootstrap. A constrained type with no generated adapter is never let through unchecked: it is
 * validated by Hibernate Validator, started only then, and named in one WARN; so is a type whose adapter may check a
 * different regexp than its {@code @Pattern} declares ({@link BackslashPatterns}). Internal: public only so that
 * {@code ServiceLoader} can create it; functions never call it.
 */
public final class AvajeValidationEngine implements ValidationEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AvajeValidationEngine.class);
    /** The start of the message avaje's {@code IllegalArgumentException} has when no adapter was generated. */
    private static final String NO_ADAPTER = "No ValidationAdapter for ";

    private final Validator validator;
    /** Per class, once: whether avaje has a generated adapter for it (or Hibernate Validator checks it). */
    private final ClassValue<Boolean> adapted = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return hasAdapter(type);
        }
    };

    /** Builds avaje's validator, which registers the generated adapters it finds with {@code ServiceLoader}. */
    public AvajeValidationEngine() {
        this.validator = Validator.builder()
                .addResourceBundles("dev.portablefn.validation.avaje.HibernateValidatorWording")
                .build();
    }

    @Override
    public List<Violation> validate(Object value) {
        if (!adapted.get(value.getClass())) {
            return ValidationEngine.hibernateValidator().validate(value);
        }
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation violation : validator.check(value)) {
            found.add(new Violation(fieldPath(violation.path()), violation.message()));
        }
        return found;
    }

    @Override
    public void prime(Class<?> type) {
        if (type != null && !adapted.get(type)) {
            ValidationEngine.hibernateValidator().prime(type);
        }
    }

    private boolean hasAdapter(Class<?> type) {
        String escaped = BackslashPatterns.find(type);
        if (escaped != null) {
            LOG.warn("{}: the @Pattern on {} has a backslash in its regexp, which avaje-validator's generator copies "
                    + "into Java source unescaped (avaje/avaje-validator#359), so its adapter may check another "
                    + "expression; Hibernate Validator validates {} instead (and starts, costing cold start). Write the "
                    + "regexp without backslashes ([0-9] for \\d, [.] for \\.) to use the generated adapter.",
                    type.getName(), escaped, type.getSimpleName());
            return false;
        }
        try {
            validator.context().adapter(type);
            return true;
        } catch (IllegalArgumentException missing) {
            if (missing.getMessage() == null || !missing.getMessage().startsWith(NO_ADAPTER)) {
                throw missing;   // a broken adapter (an invalid regexp, say) must fail loudly, not fall back
            }
            LOG.warn("{} declares Jakarta Validation constraints but avaje-validator has no generated adapter for it, "
                    + "so Hibernate Validator validates it (and starts, costing cold start). To generate one, make the "
                    + "type public, annotate it with @jakarta.validation.Valid and add io.avaje:avaje-validator-generator "
                    + "to maven-compiler-plugin's annotationProcessorPaths.", type.getName());
            return false;
        }
    }

    /**
     * Writes avaje's path as Hibernate Validator's reads to a caller: avaje writes an element of a constrained
     * container ({@code List<@NotBlank String> tags}) as {@code tags.[1}; callers read {@code tags[1]}.
     */
    static String fieldPath(String path) {
        if (path.indexOf('[') < 0) {
            return path;
        }
        StringBuilder field = new StringBuilder(path.length() + 2);
        for (String segment : path.split("\\.", -1)) {
            if (segment.startsWith("[")) {
                field.append(segment);
                if (!segment.endsWith("]")) {
                    field.append(']');
                }
            } else {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(segment);
            }
        }
        return field.toString();
    }
}
