package dev.portablefn.examples.learning.providers;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Minimal implementations of provider SDK interfaces (Lambda {@code Context}, Azure
 * {@code HttpRequestMessage}, Functions Framework {@code HttpRequest}, ...) built from a map of
 * method names to answers; everything else answers empty, zero or {@code null}.
 */
final class Fakes {

    private Fakes() {
    }

    static <T> T of(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        InvocationHandler handler = (proxy, method, args) -> {
            Function<Object[], Object> answer = answers.get(method.getName());
            if (answer != null) {
                return answer.apply(args == null ? new Object[0] : args);
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            return emptyValue(method);
        };
        return type.cast(Proxy.newProxyInstance(Fakes.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object emptyValue(Method method) {
        Class<?> type = method.getReturnType();
        if (method.getName().equals("toString")) {
            return "fake";
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
