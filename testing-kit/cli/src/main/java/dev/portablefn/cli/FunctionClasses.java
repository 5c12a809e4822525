package dev.portablefn.cli;

import dev.portablefn.api.PortableFunction;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.gcp.GcpBackgroundFunction;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import java.lang.reflect.InvocationTargetException;

/**
 * Finds the function a class names: a portable function (built by its {@code public static create()} or its no-arg
 * constructor), or the entry class a user deploys (a {@link LambdaHandler} subclass, a GCP entry subclass), whose
 * function is the one it wraps.
 */
final class FunctionClasses {

    private FunctionClasses() {
    }

    static PortableFunction load(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UsageException("class " + className + " was not found; pass the jar or classes directory that"
                    + " holds it with --classpath");
        }
        if (LambdaHandler.class.isAssignableFrom(type)) {
            return ((LambdaHandler) entry(type)).function();
        }
        if (GcpHttpFunction.class.isAssignableFrom(type)) {
            return ((GcpHttpFunction) entry(type)).function();
        }
        if (GcpCloudEventFunction.class.isAssignableFrom(type)) {
            return ((GcpCloudEventFunction) entry(type)).function();
        }
        if (GcpBackgroundFunction.class.isAssignableFrom(type)) {
            return ((GcpBackgroundFunction) entry(type)).function();
        }
        try {
            return PortableFunction.fromClassName(className, loader);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; --function takes a function class (HttpFunction, EventFunction,"
                    + " BatchFunction), a LambdaHandler subclass or a GCP entry subclass");
        }
    }

    /** Builds an entry class as its platform does: through its public no-arg constructor. */
    private static Object entry(Class<?> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new UsageException("entry class " + type.getName() + " needs a public no-arg constructor, as its"
                    + " platform calls it");
        } catch (InvocationTargetException e) {
            throw new UsageException("entry class " + type.getName() + " failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new UsageException("entry class " + type.getName() + " cannot be instantiated: " + e);
        }
    }
}
