package dev.portablefn.deployment;

import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

/**
 * A function's entry, checked: a public static method without parameters returning one of the API's function types,
 * found by reflection on the class path the renderer runs with.
 *
 * @param className  the class
 * @param method     the method's name
 * @param returnType what it returns
 */
record Entry(String className, String method, Class<?> returnType) {

    private static final List<Class<?>> FUNCTION_TYPES =
            List.of(HttpFunction.class, EventFunction.class, BatchFunction.class, PortableFunction.class);

    /** @return the Java expression that calls the entry */
    String call() {
        return className.replace('$', '.') + "." + method + "()";
    }

    boolean returns(Class<?> type) {
        return type.isAssignableFrom(returnType);
    }

    /** @throws DeclarationException naming {@code field} when the entry is not such a method */
    static Entry resolve(String field, String entry, ClassLoader loader) {
        if (entry == null || entry.isBlank()) {
            throw new DeclarationException(field, "missing: give \"fully.qualified.Class#staticMethod\"");
        }
        int hash = entry.indexOf('#');
        if (hash <= 0 || hash == entry.length() - 1 || entry.indexOf('#', hash + 1) >= 0) {
            throw new DeclarationException(field, "'" + entry + "' is not \"fully.qualified.Class#staticMethod\"");
        }
        String className = entry.substring(0, hash);
        String methodName = entry.substring(hash + 1);
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DeclarationException(field, "class " + className + " is not on the class path");
        }
        Method method = Arrays.stream(type.getMethods())
                .filter(candidate -> candidate.getName().equals(methodName) && candidate.getParameterCount() == 0)
                .findFirst()
                .orElseThrow(() -> new DeclarationException(field, className + " has no public method "
                        + methodName + "() without parameters"));
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new DeclarationException(field, className + "#" + methodName + " is not static");
        }
        Class<?> returned = method.getReturnType();
        if (FUNCTION_TYPES.stream().noneMatch(function -> function.isAssignableFrom(returned))) {
            throw new DeclarationException(field, className + "#" + methodName + " returns "
                    + returned.getName() + ", not an HttpFunction, EventFunction, BatchFunction or PortableFunction");
        }
        return new Entry(type.getName(), methodName, returned);
    }
}
