package dev.portablefn.runtime.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.json.JsonCodec;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The one place JSON is read and written, on Jackson. Backed by a single {@link ObjectMapper} built
 * once: records and {@code java.time} supported, dates and durations as ISO-8601 strings, unknown
 * properties ignored, no default typing, and {@link Limits} enforced on every read. Adapters decode provider
 * payloads with it; an application that configures its own mapper hands {@link #of(ObjectMapper)} to
 * {@code PortableFunction.withCodec}.
 */
public interface JacksonCodec extends JsonCodec {

    /**
     * Gives the codec every function uses unless it was given its own: the standard mapper with
     * {@link Limits#defaults()}.
     *
     * @return the shared codec, built on first use
     */
    static JacksonCodec standard() {
        return JacksonJsonCodec.STANDARD.get();
    }

    /**
     * Gives a codec enforcing the given limits: the standard one for the defaults, else one built on the first
     * request for those limits and shared after.
     *
     * @param limits the JSON limits to enforce
     * @return the codec
     * @throws NullPointerException if {@code limits} is {@code null}
     */
    static JacksonCodec withLimits(Limits limits) {
        return JacksonJsonCodec.withLimits(limits);
    }

    /**
     * Gives the codec a function's JSON is read and written with: the one it was given, else the one for its limits.
     *
     * @param function the function
     * @return its codec
     * @throws IllegalArgumentException when the function was given a codec that is not on Jackson, naming the fix
     */
    static JacksonCodec of(PortableFunction function) {
        JsonCodec given = function.codec().orElse(null);
        if (given == null) {
            return withLimits(function.limits());
        }
        if (given instanceof JacksonCodec jackson) {
            return jackson;
        }
        throw new IllegalArgumentException(function.name() + " was given a " + given.getClass().getName()
                + " codec; the adapters decode with Jackson, so give it JacksonCodec.of(mapper)");
    }

    /**
     * Wraps a mapper the application configured itself.
     *
     * @param mapper the mapper to use as is; its own settings decide the JSON limits
     * @return a codec over it
     */
    static JacksonCodec of(ObjectMapper mapper) {
        return new JacksonJsonCodec(mapper);
    }

    /**
     * Gives the underlying mapper, for Jackson features this interface does not expose.
     *
     * @return the mapper; configure it only before first use, as it is shared
     */
    ObjectMapper mapper();

    /**
     * Prepares reading {@code type} now, as its first read would: its deserializer is found and kept.
     *
     * @param type a type a function binds its data to
     */
    void prime(Type type);

    /**
     * Turns a Java type into the form Jackson binds to, so a reader can be prepared once and reused.
     *
     * @param type a Java type, possibly generic
     * @return Jackson's view of it
     */
    JavaType type(Type type);

    /**
     * Parses JSON bytes into a tree, enforcing this codec's limits.
     *
     * @param json UTF-8 JSON
     * @return the tree
     * @throws IOException if the bytes are not JSON or break a limit
     */
    JsonNode readTree(byte[] json) throws IOException;

    /**
     * Parses JSON text into a tree, enforcing this codec's limits.
     *
     * @param json JSON text, as a provider hands it over (read as is, without encoding it to bytes first)
     * @return the tree
     * @throws IOException if the text is not JSON or breaks a limit
     */
    JsonNode readTree(String json) throws IOException;

    /**
     * Binds JSON bytes to a type, enforcing this codec's limits; no validation.
     *
     * @param json UTF-8 JSON
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the bound value
     * @throws IOException if the bytes are not JSON, break a limit or do not fit the type
     */
    <T> T read(byte[] json, JavaType type) throws IOException;

    /**
     * Binds JSON text to a type, enforcing this codec's limits; no validation.
     *
     * @param json JSON text, as a provider hands it over (read as is, without encoding it to bytes first)
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the bound value
     * @throws IOException if the text is not JSON, breaks a limit or does not fit the type
     */
    <T> T read(String json, JavaType type) throws IOException;

    /**
     * Converts an already-parsed value (a tree, a map, a record) to another type.
     *
     * @param value the value
     * @param type  the type to convert to
     * @param <T>   the result type
     * @return the converted value
     * @throws IllegalArgumentException if the value does not fit the type
     */
    <T> T convert(Object value, JavaType type);

    /**
     * Writes a value as JSON.
     *
     * @param value any value Jackson can serialize; {@code null} writes {@code null}
     * @return its UTF-8 JSON
     * @throws IllegalArgumentException if it cannot be serialized
     */
    byte[] write(Object value);
}
