package dev.portablefn.runtime.internal.validation;

import dev.portablefn.api.InvalidInputException.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/** The default engine: Hibernate Validator, bootstrapped once per process by {@link HibernateValidatorBootstrap}. */
final class HibernateValidatorEngine implements ValidationEngine {

    private static volatile HibernateValidatorEngine shared;

    private final Validator validator;

    private HibernateValidatorEngine(Validator validator) {
        this.validator = validator;
    }

    static HibernateValidatorEngine shared() {
        HibernateValidatorEngine current = shared;
        if (current == null) {
            synchronized (HibernateValidatorEngine.class) {
                current = shared;
                if (current == null) {
                    current = new HibernateValidatorEngine(bootstrap());
                    shared = current;
                }
            }
        }
        return current;
    }

    @Override
    public List<Violation> validate(Object value) {
        List<Violation> found = new ArrayList<>();
        for (ConstraintViolation<Object> violation : validator.validate(value)) {
            found.add(new Violation(fieldPath(violation.getPropertyPath()), violation.getMessage()));
        }
        return found;
    }

    @Override
    public void prime(Class<?> type) {
        if (type != null) {
            validator.getConstraintsForClass(type);
        }
    }

    /** Writes a property path the way a caller reads it: {@code tags[1]}, not {@code tags[1].<list element>}. */
    private static String fieldPath(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            String name = node.getName();
            boolean containerElement = node.getKind() == ElementKind.CONTAINER_ELEMENT;
            if (node.isInIterable() && field.length() > 0) {
                field.append('[').append(node.getIndex() != null ? node.getIndex()
                        : node.getKey() != null ? node.getKey() : "").append(']');
            }
            if (name == null || name.isEmpty() || containerElement || name.startsWith("<")) {
                continue;
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(name);
        }
        return field.toString();
    }

    private static Validator bootstrap() {
        try {
            return HibernateValidatorBootstrap.create();
        } catch (NoClassDefFoundError missing) {
            // Deployments without constraints may leave the validator out to save jar size (see examples/minimal-aws).
            throw new IllegalStateException("a bound type declares Jakarta Validation constraints but Hibernate Validator "
                    + "is not on the classpath; add org.hibernate.validator:hibernate-validator (missing: "
                    + missing.getMessage() + ")", missing);
        }
    }
}
