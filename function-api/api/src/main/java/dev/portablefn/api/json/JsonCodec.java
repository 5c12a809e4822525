package dev.portablefn.api.json;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.Limits;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The one place JSON is read and written. Backed by a single Jackson {@link ObjectMapper} built
 * once: records and {@code java.time} supported, dates and durations as ISO-8601 strings, unknown
 * properties ignored, no default typing, and {@link Limits} enforced on every read.
 */
public interface JsonCodec {

    /** @return the shared codec with {@link Limits#defaults()}; built on first use, then reused */
    static JsonCodec standard() {
        return JacksonJsonCodec.STANDARD.get();
    }

    /**
     * @param limits the JSON limits to enforce
     * @return a new codec; build it once and share it
     */
    static JsonCodec withLimits(Limits limits) {
        return new JacksonJsonCodec(JacksonJsonCodec.configure(limits));
    }

    /**
     * Wraps a mapper the application configured itself.
     *
     * @param mapper the mapper to use as is
     * @return a codec over it
     */
    static JsonCodec of(ObjectMapper mapper) {
        return new JacksonJsonCodec(mapper);
    }

    /** @return the underlying mapper, for Jackson features this interface does not expose */
    ObjectMapper mapper();

    /**
     * @param type a Java type, possibly generic
     * @return Jackson's view of it
     */
    JavaType type(Type type);

    /**
     * @param json UTF-8 JSON
     * @return the tree
     * @throws IOException if the bytes are not JSON or break a limit
     */
    JsonNode readTree(byte[] json) throws IOException;

    /**
     * @param json JSON text, as a provider hands it over (read as is, without encoding it to bytes first)
     * @return the tree
     * @throws IOException if the text is not JSON or breaks a limit
     */
    JsonNode readTree(String json) throws IOException;

    /**
     * @param json UTF-8 JSON
     * @param type the type to bind to
     * @param <T>  the result type
     * @return the bound value
     * @throws IOException if the bytes are not JSON, break a limit or do not fit the type
     */
    <T> T read(byte[] json, JavaType type) throws IOException;

    /**
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
     * @param value any value Jackson can serialize
     * @return its UTF-8 JSON
     * @throws IllegalArgumentException if it cannot be serialized
     */
    byte[] write(Object value);
}
