package dev.portablefn.api;

import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.api.outbound.Publisher;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A user function together with what the library needs to run it anywhere: its shape (HTTP, event
 * or batch), the type its event data binds to, its middleware, codec and limits. Adapter entry
 * classes take one; build it once per container. Immutable: the {@code with…} methods return copies.
 */
public final class PortableFunction {

    /** Environment variable naming the function class for the generic entry classes. */
    public static final String ENVIRONMENT_VARIABLE = "PORTABLEFN_FUNCTION";
    /** System property consulted when {@value #ENVIRONMENT_VARIABLE} is not set (handy in tests). */
    public static final String SYSTEM_PROPERTY = "portablefn.function";

    private static final Duration DEFAULT_DEADLINE_THRESHOLD = Duration.ofMillis(50);

    private final Kind kind;
    private final Object function;
    private final Type dataType;
    private final List<Middleware> middleware;
    private final JsonCodec codec;
    private final Limits limits;
    private final Duration deadlineThreshold;
    private final boolean validation;
    /** The logical dead-letter destination, or {@code null}; with it, the publisher to use ({@code null}: the registered one). */
    private final String deadLetter;
    private final Publisher deadLetterPublisher;

    private PortableFunction(Kind kind, Object function, Type dataType, List<Middleware> middleware, JsonCodec codec,
                             Limits limits, Duration deadlineThreshold, boolean validation, String deadLetter,
                             Publisher deadLetterPublisher) {
        this.kind = kind;
        this.function = function;
        this.dataType = dataType;
        this.middleware = List.copyOf(middleware);
        this.codec = codec;
        this.limits = limits;
        this.deadlineThreshold = deadlineThreshold;
        this.validation = validation;
        this.deadLetter = deadLetter;
        this.deadLetterPublisher = deadLetterPublisher;
    }

    /** The shape of a function. */
    public enum Kind {
        /** An {@link HttpFunction}. */
        HTTP,
        /** An {@link EventFunction}, called once per event or batch record. */
        EVENT,
        /** A {@link BatchFunction}, called once per batch. */
        BATCH
    }

    /**
     * Wraps an HTTP function, with the default limits, no middleware of its own and the standard codec.
     *
     * @param function the HTTP function
     * @return it, ready for an adapter
     * @throws NullPointerException if {@code function} is {@code null}
     */
    public static PortableFunction http(HttpFunction function) {
        return new PortableFunction(Kind.HTTP, Objects.requireNonNull(function, "function"), Void.class, List.of(),
                null, Limits.defaults(), DEFAULT_DEADLINE_THRESHOLD, true, null, null);
    }

    /**
     * Wraps an event function whose data binds to a plain class.
     *
     * @param dataType the type event data binds to, such as {@code Order.class}, {@code String.class} or
     *                 {@code StorageObject.class}
     * @param function the event function
     * @param <T>      the data type
     * @return it, ready for an adapter
     * @throws NullPointerException if either argument is {@code null}
     */
    public static <T> PortableFunction event(Class<T> dataType, EventFunction<T> function) {
        return event((Type) dataType, function);
    }

    /**
     * Wraps an event function whose data binds to a generic type.
     *
     * @param dataType a possibly generic type event data binds to, such as {@code DocumentChange<Course>}
     * @param function the event function
     * @return it, ready for an adapter
     * @throws NullPointerException if either argument is {@code null}
     */
    public static PortableFunction event(Type dataType, EventFunction<?> function) {
        return new PortableFunction(Kind.EVENT, Objects.requireNonNull(function, "function"),
                Objects.requireNonNull(dataType, "dataType"), List.of(), null, Limits.defaults(), DEFAULT_DEADLINE_THRESHOLD, true,
                null, null);
    }

    /**
     * Wraps a batch function whose records' data binds to a plain class.
     *
     * @param dataType the type each record's data binds to
     * @param function the batch function
     * @param <T>      the data type
     * @return it, ready for an adapter
     * @throws NullPointerException if either argument is {@code null}
     */
    public static <T> PortableFunction batch(Class<T> dataType, BatchFunction<T> function) {
        return batch((Type) dataType, function);
    }

    /**
     * Wraps a batch function whose records' data binds to a generic type.
     *
     * @param dataType a possibly generic type each record's data binds to
     * @param function the batch function
     * @return it, ready for an adapter
     * @throws NullPointerException if either argument is {@code null}
     */
    public static PortableFunction batch(Type dataType, BatchFunction<?> function) {
        return new PortableFunction(Kind.BATCH, Objects.requireNonNull(function, "function"),
                Objects.requireNonNull(dataType, "dataType"), List.of(), null, Limits.defaults(), DEFAULT_DEADLINE_THRESHOLD, true,
                null, null);
    }

    /**
     * Wraps any function object. For event and batch functions the data type is read once from the
     * class's declaration ({@code implements EventFunction<Order>}); when it cannot be (a lambda), data
     * is passed as decoded: text for message bodies, portable types for storage, schedule and database events.
     *
     * @param function an {@link HttpFunction}, {@link EventFunction}, {@link BatchFunction},
     *                 {@code PortableFunction}, or a {@link Supplier} of one of these
     * @return it, ready for an adapter
     * @throws IllegalArgumentException if the object is none of these
     */
    public static PortableFunction of(Object function) {
        Objects.requireNonNull(function, "function");
        if (function instanceof PortableFunction portable) {
            return portable;
        }
        if (function instanceof HttpFunction http) {
            return http(http);
        }
        if (function instanceof EventFunction<?> event) {
            return event(dataTypeOf(function.getClass(), EventFunction.class), event);
        }
        if (function instanceof BatchFunction<?> batch) {
            return batch(dataTypeOf(function.getClass(), BatchFunction.class), batch);
        }
        if (function instanceof Supplier<?> supplier) {
            Object supplied = supplier.get();
            if (supplied == null || supplied instanceof Supplier<?>) {
                throw new IllegalArgumentException(function.getClass().getName()
                        + " supplied " + supplied + "; it must supply a function");
            }
            return of(supplied);
        }
        throw new IllegalArgumentException(function.getClass().getName()
                + " is not an HttpFunction, EventFunction, BatchFunction or PortableFunction");
    }

    /**
     * Instantiates the function class named by {@value #ENVIRONMENT_VARIABLE}, or by the
     * {@value #SYSTEM_PROPERTY} system property when the variable is unset.
     *
     * @return the function, ready for an adapter
     * @throws IllegalStateException naming the fix when neither is set or the class cannot be used
     */
    public static PortableFunction fromEnvironment() {
        String className = System.getenv(ENVIRONMENT_VARIABLE);
        if (className == null || className.isBlank()) {
            className = System.getProperty(SYSTEM_PROPERTY);
        }
        if (className == null || className.isBlank()) {
            throw new IllegalStateException(ENVIRONMENT_VARIABLE + " is not set; set it to the class name of your function,"
                    + " such as com.example.OrderFunction");
        }
        return fromClassName(className.trim(), Thread.currentThread().getContextClassLoader());
    }

    /**
     * Instantiates a function class through its {@code public static create()} method when it has one (a function
     * whose constructor takes collaborators, such as a {@code Publisher}, builds them there), else through its public
     * no-arg constructor.
     *
     * @param className the class name
     * @param loader    the class loader to find it with, or {@code null} for this library's
     * @return the function, ready for an adapter
     * @throws IllegalStateException naming the fix when the class cannot be found, built or used
     */
    public static PortableFunction fromClassName(String className, ClassLoader loader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, loader == null ? PortableFunction.class.getClassLoader() : loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("function class " + className + " was not found on the classpath; check "
                    + ENVIRONMENT_VARIABLE + " and that the jar holding it is deployed", e);
        }
        Object instance;
        try {
            Method factory = factoryOf(type);
            instance = factory != null ? factory.invoke(null) : type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("function class " + className + " needs a public no-arg constructor, or a"
                    + " public static create() method that builds it with its collaborators", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("function class " + className + " failed in its constructor: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("function class " + className + " cannot be instantiated: " + e, e);
        }
        try {
            return of(instance);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + "; " + ENVIRONMENT_VARIABLE + " must name a function class", e);
        }
    }

    /** The class's {@code public static create()} factory, or {@code null} when it declares none. */
    private static Method factoryOf(Class<?> type) {
        try {
            Method factory = type.getMethod("create");
            return Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() != void.class ? factory : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /**
     * Tells the function's shape, which decides how adapters call it.
     *
     * @return HTTP, event or batch
     */
    public Kind kind() {
        return kind;
    }

    /**
     * Gives the user's function object as it was wrapped.
     *
     * @return the {@link HttpFunction}, {@link EventFunction} or {@link BatchFunction}
     */
    public Object function() {
        return function;
    }

    /**
     * Tells the type event data is bound to before the function sees it.
     *
     * @return the data type; {@code Void} for HTTP functions, {@code Object} when it could not be read from the
     *         function's declaration
     */
    public Type dataType() {
        return dataType;
    }

    /**
     * Lists the function's own middleware, which runs inside the library's standard middleware.
     *
     * @return the middleware, outermost first; unmodifiable, possibly empty
     */
    public List<Middleware> middleware() {
        return middleware;
    }

    /**
     * Gives the codec set with {@link #withCodec(JsonCodec)}.
     *
     * @return that codec, or empty when the runtime's standard one, enforcing {@link #limits()}, is to be used
     */
    public Optional<JsonCodec> codec() {
        return Optional.ofNullable(codec);
    }

    /**
     * Gives the limits applied to input before the function sees it.
     *
     * @return the limits; {@link Limits#defaults()} unless set with {@link #withLimits(Limits)}
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Gives the least remaining time an invocation needs to be started; with less, it is refused as retryable
     * so the provider can try again.
     *
     * @return the threshold; 50 ms unless set with {@link #withDeadlineThreshold(Duration)}, zero when disabled
     */
    public Duration deadlineThreshold() {
        return deadlineThreshold;
    }

    /**
     * Tells whether bound data is checked against its Jakarta Validation constraints.
     *
     * @return {@code true} unless turned off with {@link #withoutValidation()}
     */
    public boolean validates() {
        return validation;
    }

    /**
     * Adds middleware of the function's own, run inside the library's standard middleware and inside any
     * added before.
     *
     * @param added middleware to run inside the library's, outermost first
     * @return a copy with the middleware appended; this function is unchanged
     * @throws NullPointerException if any middleware is {@code null}
     */
    public PortableFunction with(Middleware... added) {
        List<Middleware> all = new ArrayList<>(middleware);
        for (Middleware m : added) {
            all.add(Objects.requireNonNull(m, "middleware"));
        }
        return new PortableFunction(kind, function, dataType, all, codec, limits, deadlineThreshold, validation,
                deadLetter, deadLetterPublisher);
    }

    /**
     * Binds and writes this function's JSON with a codec of the application's own, such as
     * {@code JacksonCodec.of(mapper)} from {@code portablefn-runtime} over a mapper it configured. The codec then
     * decides the JSON limits too: {@link #withLimits(Limits)} still caps body and batch sizes.
     *
     * @param newCodec the codec to bind and write JSON with
     * @return a copy using it; this function is unchanged
     * @throws NullPointerException if {@code newCodec} is {@code null}
     */
    public PortableFunction withCodec(JsonCodec newCodec) {
        return new PortableFunction(kind, function, dataType, middleware, Objects.requireNonNull(newCodec, "codec"),
                limits, deadlineThreshold, validation, deadLetter, deadLetterPublisher);
    }

    /**
     * Sets the limits applied to input before the function sees it.
     *
     * @param newLimits the input limits
     * @return a copy enforcing them; this function is unchanged
     * @throws NullPointerException if {@code newLimits} is {@code null}
     */
    public PortableFunction withLimits(Limits newLimits) {
        return new PortableFunction(kind, function, dataType, middleware, codec, Objects.requireNonNull(newLimits, "limits"),
                deadlineThreshold, validation, deadLetter, deadLetterPublisher);
    }

    /**
     * Sets the least remaining time an invocation needs to be started; with less, it is refused as retryable
     * instead of being cut off by the provider halfway.
     *
     * @param threshold the least remaining time to start with; zero disables the check
     * @return a copy with that threshold; this function is unchanged
     * @throws NullPointerException if {@code threshold} is {@code null}
     */
    public PortableFunction withDeadlineThreshold(Duration threshold) {
        return new PortableFunction(kind, function, dataType, middleware, codec, limits,
                Objects.requireNonNull(threshold, "threshold"), validation, deadLetter, deadLetterPublisher);
    }

    /**
     * Turns off Jakarta Validation of bound data, for functions that validate themselves.
     *
     * @return a copy that does not validate; this function is unchanged
     */
    public PortableFunction withoutValidation() {
        return new PortableFunction(kind, function, dataType, middleware, codec, limits, deadlineThreshold, false,
                deadLetter, deadLetterPublisher);
    }

    /**
     * Sends the events this function fails permanently ({@link PermanentFailure}, data that does not bind or
     * validate, an event the adapter cannot decode) to a dead-letter destination of the application's own,
     * published through {@link Publisher#registered()} (the provider's outbound module), then acknowledges them:
     * one attempt, nothing lost. Without one (and without the {@code PORTABLEFN_DEAD_LETTER} setting), the adapter
     * hands such an event back to the platform, whose redelivery and dead-letter queue keep it. If the publish
     * fails, the event is handed back to the platform too. Set here, the destination wins over the setting.
     *
     * @param destination the logical topic or queue name, mapped to a provider resource like every destination
     *                    the function publishes to ({@code PORTABLEFN_DESTINATION_<NAME>})
     * @return a copy dead-lettering there; this function is unchanged
     * @throws IllegalArgumentException if {@code destination} is blank
     */
    public PortableFunction withDeadLetter(String destination) {
        return new PortableFunction(kind, function, dataType, middleware, codec, limits, deadlineThreshold, validation,
                requireDestination(destination), null);
    }

    /**
     * Sends the events this function fails permanently to a dead-letter destination through the given publisher,
     * as {@link #withDeadLetter(String)} does through the registered one: for tests, local runs and deployments
     * that build their publisher in code.
     *
     * @param destination the topic or queue name the publisher knows
     * @param publisher   the publisher to send the failed events through
     * @return a copy dead-lettering there; this function is unchanged
     * @throws IllegalArgumentException if {@code destination} is blank
     * @throws NullPointerException     if {@code publisher} is {@code null}
     */
    public PortableFunction withDeadLetter(String destination, Publisher publisher) {
        return new PortableFunction(kind, function, dataType, middleware, codec, limits, deadlineThreshold, validation,
                requireDestination(destination), Objects.requireNonNull(publisher, "publisher"));
    }

    /** {@return the dead-letter destination set with {@link #withDeadLetter(String)}; empty when none is set here} */
    public Optional<String> deadLetter() {
        return Optional.ofNullable(deadLetter);
    }

    /**
     * Gives the publisher set with {@link #withDeadLetter(String, Publisher)}.
     *
     * @return that publisher, or empty when failed events go through {@link Publisher#registered()}
     */
    public Optional<Publisher> deadLetterPublisher() {
        return Optional.ofNullable(deadLetterPublisher);
    }

    private static String requireDestination(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("a dead-letter destination needs a topic or queue name, got '"
                    + destination + "'");
        }
        return destination.strip();
    }

    /**
     * Names the function, for logs and errors.
     *
     * @return the function object's class name
     */
    public String name() {
        return function.getClass().getName();
    }

    @Override
    public String toString() {
        return "PortableFunction{" + kind + " " + name() + (kind == Kind.HTTP ? "" : " of " + dataType.getTypeName()) + "}";
    }

    /**
     * Finds {@code T} of {@code functionInterface<T>} in a class's declaration, through superclasses
     * ({@code extends BaseHandler<Order>}) and sub-interfaces ({@code implements OrderHandler}).
     */
    private static Type dataTypeOf(Class<?> type, Class<?> functionInterface) {
        Type found = resolve(type, functionInterface, Map.of());
        return found instanceof Class<?> || found instanceof ParameterizedType ? found : Object.class;
    }

    private static Type resolve(Type type, Class<?> functionInterface, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> scope = bindings;
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> rawClass) {
            raw = rawClass;
            Type[] arguments = parameterized.getActualTypeArguments();
            TypeVariable<?>[] variables = rawClass.getTypeParameters();
            scope = new HashMap<>();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                Type argument = arguments[i];
                scope.put(variables[i], argument instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : argument);
            }
            if (raw == functionInterface) {
                return scope.get(variables[0]);
            }
        } else if (type instanceof Class<?> plain) {
            raw = plain;
            if (raw == functionInterface) {
                return Object.class;
            }
        } else {
            return null;
        }
        List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Type found = resolve(supertype, functionInterface, scope);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
