package dev.portablefn.runtime.internal.validation;

import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.api.InvalidInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Checks Jakarta Validation constraints on bound input. The engine (the {@link ValidationEngine} registered with
 * {@link ServiceLoader}, else Hibernate Validator without Expression Language) is chosen and started on the first
 * value whose class actually carries constraints, so a function whose types have no constraints pays nothing for it.
 * Field paths are prefixed, violations sorted and the message written here, whichever engine found them.
 */
public final class BeanValidation {

    private static final BeanValidation SHARED = new BeanValidation(null);

    /** The engine; {@code null} until the first constrained value when none was given. */
    private volatile ValidationEngine engine;

    /** Package-private so tests can watch one instance bootstrap (or not); everyone else shares {@link #shared()}. */
    BeanValidation() {
        this(null);
    }

    private BeanValidation(ValidationEngine engine) {
        this.engine = engine;
    }

    /**
     * Gives a validation over one engine rather than the registered one, to compare engines.
     *
     * @param engine the engine that finds violations
     * @return a validation that prefixes, sorts and reports what {@code engine} finds exactly as {@link #shared()} does
     */
    public static BeanValidation using(ValidationEngine engine) {
        return new BeanValidation(Objects.requireNonNull(engine, "engine"));
    }

    /**
     * Gives the validation every binder shares, so the engine is chosen and started at most once per process.
     *
     * @return the process-wide instance
     */
    public static BeanValidation shared() {
        return SHARED;
    }

    /**
     * Validates a value when its class declares constraints; for a collection, array or map (a body
     * bound to {@code List<Course>}) each element is validated and reported as {@code [index].field}.
     *
     * @param value the bound input; {@code null} and unconstrained values pass
     * @param what  names the input in the error, such as {@code "body"} or {@code "SQS record 3"}
     * @throws InvalidInputException listing every violated field, sorted by field
     */
    public void check(Object value, String what) {
        check(value, () -> what);
    }

    /** The class the last unconstrained value had: functions validate one type over and over. */
    private static volatile Class<?> lastUnconstrained;

    /**
     * Like {@link #check(Object, String)}, for hot paths: the description is only built when the value is invalid.
     *
     * @param value the bound input; {@code null} and unconstrained values pass
     * @param what  names the input in the error; called only on failure
     * @throws InvalidInputException listing every violated field, sorted by field
     */
    public void check(Object value, java.util.function.Supplier<String> what) {
        if (value == null) {
            return;
        }
        Class<?> type = value.getClass();
        if (type == lastUnconstrained) {
            return;   // the usual case, again: the same unconstrained type as last time
        }
        if (!(value instanceof Collection<?> || value instanceof Object[] || value instanceof Map<?, ?>)
                && !ConstraintScan.isConstrained(type)) {
            lastUnconstrained = type;
            return;   // the usual case: nothing to validate, nothing allocated
        }
        List<Violation> found = new ArrayList<>();
        collect(value, "", found);
        if (found.isEmpty()) {
            return;
        }
        List<Violation> sorted = found.stream()
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        throw new InvalidInputException(what.get() + " is not a valid " + value.getClass().getSimpleName() + ": "
                + describe(sorted), sorted, null);
    }

    /** Validates a bean, or each element of a collection, array or map bound from a generic type. */
    private void collect(Object value, String prefix, List<Violation> found) {
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                collectElement(element, prefix + "[" + index++ + "]", found);
            }
        } else if (value instanceof Object[] array) {
            for (int i = 0; i < array.length; i++) {
                collectElement(array[i], prefix + "[" + i + "]", found);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                collectElement(entry.getValue(), prefix + "[" + entry.getKey() + "]", found);
            }
        } else if (ConstraintScan.isConstrained(value.getClass())) {
            for (Violation violation : engine().validate(value)) {
                String path = violation.field();
                String field = prefix.isEmpty() ? path : path.isEmpty() ? prefix : prefix + "." + path;
                found.add(new Violation(field, violation.message()));
            }
        }
    }

    private void collectElement(Object element, String path, List<Violation> found) {
        if (element != null) {
            collect(element, path, found);
        }
    }

    /**
     * Starts the engine now rather than on the first constrained value, and reads {@code type}'s constraints,
     * for a snapshot taken after init (SnapStart, CRaC) to hold them.
     *
     * @param type a class to read the constraints of, or {@code null}
     * @throws IllegalStateException when the engine (Hibernate Validator by default) is not on the classpath
     */
    public void prime(Class<?> type) {
        engine().prime(type != null && ConstraintScan.isConstrained(type) ? type : null);
    }

    /** @return whether this instance has chosen and started its engine; tests use it to prove the bootstrap is lazy */
    boolean isBootstrapped() {
        return engine != null;
    }

    /**
     * Tells whether a class declares constraints, so unconstrained input can skip validation.
     *
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

    /** The registered engine, else Hibernate Validator; looked up once per instance. */
    private static ValidationEngine registeredEngine() {
        Iterator<ValidationEngine> registered = ServiceLoader.load(ValidationEngine.class,
                ValidationEngine.class.getClassLoader()).iterator();
        return registered.hasNext() ? registered.next() : ValidationEngine.hibernateValidator();
    }

    private ValidationEngine engine() {
        ValidationEngine current = engine;
        if (current == null) {
            synchronized (this) {
                current = engine;
                if (current == null) {
                    current = registeredEngine();
                    engine = current;
                }
            }
        }
        return current;
    }
}
