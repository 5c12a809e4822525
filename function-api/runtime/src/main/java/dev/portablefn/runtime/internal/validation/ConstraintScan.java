package dev.portablefn.runtime.internal.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;

/**
 * Answers, once per class and without starting a validator, whether a class declares any
 * constraint or cascade ({@code @Valid}) on itself, its fields, record components or getters.
 */
final class ConstraintScan {

    private static final ClassValue<Boolean> CONSTRAINED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return scan(type);
        }
    };

    private ConstraintScan() {
    }

    static boolean isConstrained(Class<?> type) {
        return CONSTRAINED.get(type);
    }

    private static boolean scan(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.getName().startsWith("java.")) {
            return false;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            if (hasConstraint(current)) {
                return true;
            }
            for (Field field : current.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && (hasConstraint(field) || hasConstraint(field.getAnnotatedType()))) {
                    return true;
                }
            }
            if (current.isRecord()) {
                for (RecordComponent component : current.getRecordComponents()) {
                    if (hasConstraint(component) || hasConstraint(component.getAnnotatedType())) {
                        return true;
                    }
                }
            }
            for (Method method : current.getDeclaredMethods()) {
                if (!Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 0 && hasConstraint(method)) {
                    return true;
                }
            }
        }
        for (Class<?> contract : type.getInterfaces()) {
            if (isConstrained(contract)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConstraint(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (isConstraint(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasConstraint(AnnotatedType type) {
        if (hasConstraint((AnnotatedElement) type)) {
            return true;
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (hasConstraint(argument)) {
                    return true;
                }
            }
        }
        if (type instanceof AnnotatedArrayType array) {
            return hasConstraint(array.getAnnotatedGenericComponentType());
        }
        return false;
    }

    private static boolean isConstraint(Annotation annotation) {
        Class<? extends Annotation> type = annotation.annotationType();
        if (type == Valid.class || type.isAnnotationPresent(Constraint.class)) {
            return true;
        }
        // Repeatable constraints arrive wrapped in a container annotation (@NotNull.List).
        try {
            Method value = type.getMethod("value");
            if (value.getReturnType().isArray() && value.getReturnType().getComponentType().isAnnotationPresent(Constraint.class)) {
                return true;
            }
        } catch (NoSuchMethodException absent) {
            return false;
        }
        return false;
    }
}
