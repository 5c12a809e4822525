package dev.portablefn.validation.avaje;

import jakarta.validation.constraints.Pattern;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

/**
 * Finds a {@code @Pattern} whose regexp holds a backslash, on a type or on the types its fields hold. avaje-validator
 * 2.13's generator copies a regexp into Java source without escaping it (avaje/avaje-validator#359): most escapes then
 * fail the build, but some compile to a different expression ({@code \\s} becomes a space, {@code \\b} a backspace),
 * so such a type must not be checked by its generated adapter.
 */
final class BackslashPatterns {

    private BackslashPatterns() {
    }

    /** @return {@code Type.field} of the first such pattern reachable from {@code type}, or {@code null} */
    static String find(Class<?> type) {
        return find(type, new HashSet<>());
    }

    private static String find(Class<?> type, Set<Class<?>> seen) {
        if (type.isPrimitive() || type.getName().startsWith("java.") || !seen.add(type)) {
            return null;
        }
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            for (Field field : current.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (hasBackslash(field) || hasBackslash(field.getAnnotatedType())) {
                    return current.getSimpleName() + "." + field.getName();
                }
                String nested = findIn(field.getGenericType(), seen);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Looks into the classes a field's type names: the type itself, its type arguments, an array's components. */
    private static String findIn(Type type, Set<Class<?>> seen) {
        if (type instanceof Class<?> plain) {
            return find(plain.isArray() ? plain.getComponentType() : plain, seen);
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                String nested = findIn(argument, seen);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /**
     * Reads the annotation and its container with {@code getAnnotation} rather than {@code getAnnotationsByType},
     * which reads {@code Pattern}'s own meta annotations to find the container: a proxy class for each of them.
     */
    private static boolean hasBackslash(AnnotatedElement element) {
        if (regexpHasBackslash(element.getAnnotation(Pattern.class))) {
            return true;
        }
        Pattern.List repeated = element.getAnnotation(Pattern.List.class);
        if (repeated != null) {
            for (Pattern pattern : repeated.value()) {
                if (regexpHasBackslash(pattern)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean regexpHasBackslash(Pattern pattern) {
        return pattern != null && pattern.regexp().indexOf('\\') >= 0;
    }

    private static boolean hasBackslash(AnnotatedType type) {
        if (hasBackslash((AnnotatedElement) type)) {
            return true;
        }
        if (type instanceof AnnotatedParameterizedType parameterized) {
            for (AnnotatedType argument : parameterized.getAnnotatedActualTypeArguments()) {
                if (hasBackslash(argument)) {
                    return true;
                }
            }
        }
        return type instanceof AnnotatedArrayType array && hasBackslash(array.getAnnotatedGenericComponentType());
    }
}
