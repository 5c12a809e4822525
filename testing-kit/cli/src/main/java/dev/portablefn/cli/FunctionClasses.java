package dev.portablefn.cli;

import dev.portablefn.api.PortableFunction;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.gcp.GcpBackgroundFunction;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the function a class names: a portable function (built by its {@code public static create()} or its no-arg
 * constructor), or the entry class a user deploys (a {@link LambdaHandler} subclass, a GCP entry subclass, an Azure
 * class whose static {@link AzureFunctions} fields delegate to functions: {@code CLASS#FIELD} picks one), whose
 * function is the one it wraps.
 */
final class FunctionClasses {

    private FunctionClasses() {
    }

    static PortableFunction load(String name, ClassLoader loader) {
        int hash = name.indexOf('#');
        String className = hash < 0 ? name : name.substring(0, hash);
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
        List<Field> delegations = azureDelegations(type);
        if (!delegations.isEmpty()) {
            return azureFunction(type, delegations, hash < 0 ? null : name.substring(hash + 1));
        }
        try {
            return PortableFunction.fromClassName(className, loader);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + "; --function takes a function class (HttpFunction, EventFunction,"
                    + " BatchFunction), a LambdaHandler subclass or a GCP entry subclass");
        }
    }

    /** An Azure entry class keeps its delegations in static {@link AzureFunctions} fields, one per function. */
    private static List<Field> azureDelegations(Class<?> type) {
        List<Field> found = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == AzureFunctions.class) {
                found.add(field);
            }
        }
        return found;
    }

    private static PortableFunction azureFunction(Class<?> type, List<Field> delegations, String wanted) {
        List<String> names = delegations.stream().map(Field::getName).toList();
        Field chosen = null;
        if (wanted == null && delegations.size() == 1) {
            chosen = delegations.get(0);
        }
        for (Field field : delegations) {
            if (field.getName().equalsIgnoreCase(wanted)) {
                chosen = field;
            }
        }
        if (chosen == null) {
            throw new UsageException("Azure entry class " + type.getName() + (wanted == null ? " delegates to several"
                    + " functions" : " has no delegation field '" + wanted + "'") + "; name one as "
                    + type.getName() + "#FIELD, FIELD one of " + names);
        }
        try {
            chosen.setAccessible(true);
            return ((AzureFunctions) chosen.get(null)).function();
        } catch (ReflectiveOperationException | RuntimeException | ExceptionInInitializerError e) {
            throw new UsageException("Azure entry class " + type.getName() + " could not be initialised: " + e);
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
