package dev.portablefn.api.json;

import dev.portablefn.api.InvalidInputException;
import java.lang.reflect.Type;
import java.util.ServiceLoader;

/**
 * How a portable function's data is read from and written to JSON: {@link #bind} turns a payload into the type a
 * function asked for and checks its Jakarta Validation constraints, {@link #write} turns a value into JSON. The
 * runtime ({@code portablefn-runtime}) supplies the implementation on Jackson and registers it with
 * {@link ServiceLoader}; adapters hand each request the codec of its function.
 */
public interface JsonCodec {

    /**
     * Gives the codec the runtime registers: Jackson with records and {@code java.time}, unknown properties ignored,
     * the default {@code Limits}, and Jakarta Validation.
     *
     * @return the shared codec, found on first use
     * @throws IllegalStateException when no runtime is on the classpath, naming the artifact to add
     */
    static JsonCodec standard() {
        return StandardCodec.INSTANCE;
    }

    /**
     * Binds a payload to a type and validates the result when the type carries constraints.
     *
     * @param data the payload: UTF-8 JSON bytes, JSON text, or an already decoded value
     * @param type the type to produce, possibly generic
     * @param what names the input in errors, such as {@code "request body"}
     * @param <T>  the result type
     * @return the bound value; {@code null} for no payload and a non-primitive type
     * @throws InvalidInputException if the payload is not JSON, does not fit the type or breaks a constraint
     */
    <T> T bind(Object data, Type type, String what);

    /**
     * Writes a value as JSON.
     *
     * @param value any value the codec can serialize; {@code null} writes {@code null}
     * @return its UTF-8 JSON
     * @throws IllegalArgumentException if the value cannot be serialized
     */
    byte[] write(Object value);
}
