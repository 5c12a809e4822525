package dev.portablefn.idempotency;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Ready-made {@link KeyExtractor}s: the event id, an HTTP header, a field of the JSON payload. */
public final class KeyExtractors {

    /** The header HTTP clients send their idempotency key in. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private KeyExtractors() {
    }

    /**
     * The default: the event id for events (the provider keeps it across redeliveries), the
     * {@value #IDEMPOTENCY_KEY_HEADER} header for HTTP requests.
     *
     * @return the extractor
     */
    public static KeyExtractor standard() {
        return Named.STANDARD;
    }

    /**
     * Keys events by their id, which the provider keeps across redeliveries.
     *
     * @return the extractor; it finds no key for HTTP requests
     */
    public static KeyExtractor eventId() {
        return Named.EVENT_ID;
    }

    /**
     * Keys HTTP requests by a header the client sends, trimmed.
     *
     * @param name an HTTP header name, any case
     * @return the extractor; it finds the header's first value when not blank, and no key for events or when the
     *         header is absent
     * @throws NullPointerException if {@code name} is {@code null}
     */
    public static KeyExtractor httpHeader(String name) {
        Objects.requireNonNull(name, "header name");
        return new Named("HTTP header " + name, invocation -> invocation.isHttp()
                ? invocation.request().header(name).map(String::trim).filter(v -> !v.isEmpty()) : Optional.empty());
    }

    /**
     * A field of the JSON payload: the HTTP body, or the event data (raw JSON bytes or text, a
     * {@code JsonNode}, or the bound object). Strings are used as they are, other scalars as their JSON text.
     *
     * <p>The extractor finds no key when the field is missing or {@code null}, and fails the invocation with a
     * {@link PermanentFailure} when the payload is not JSON.
     *
     * @param field a top-level field name such as {@code "paymentId"}, or a JSON pointer such as {@code "/payment/id"}
     * @return the extractor
     * @throws NullPointerException if {@code field} is {@code null}
     */
    public static KeyExtractor jsonField(String field) {
        Objects.requireNonNull(field, "field");
        JsonPointer pointer = JsonPointer.compile(field.startsWith("/") ? field : "/" + field.replace("~", "~0").replace("/", "~1"));
        String description = "JSON field " + field;
        return new Named(description, invocation -> {
            JsonNode tree = tree(invocation, description);
            JsonNode value = tree == null ? null : tree.at(pointer);
            if (value == null || value.isMissingNode() || value.isNull()) {
                return Optional.empty();
            }
            String key = value.isValueNode() ? value.asText() : value.toString();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        });
    }

    private static JsonNode tree(Invocation invocation, String description) {
        JacksonCodec codec = JacksonCodec.standard();
        Object payload;
        if (invocation.isHttp()) {
            payload = invocation.request().body();
        } else if (invocation.input() instanceof Event<?> event) {
            payload = event.data();
        } else {
            return null;
        }
        try {
            if (payload == null) {
                return null;
            }
            if (payload instanceof JsonNode node) {
                return node;
            }
            if (payload instanceof byte[] bytes) {
                return bytes.length == 0 ? null : codec.readTree(bytes);
            }
            if (payload instanceof String text) {
                return codec.readTree(text.getBytes(StandardCharsets.UTF_8));
            }
            return codec.mapper().valueToTree(payload);
        } catch (IOException | IllegalArgumentException e) {
            throw new PermanentFailure("cannot read the idempotency key from the " + description
                    + ": the payload is not JSON (" + e.getMessage() + ")", e);
        }
    }

    /** An extractor with a description for error messages. */
    private record Named(String description, Function<Invocation, Optional<String>> extract) implements KeyExtractor {

        static final Named EVENT_ID = new Named("event id", invocation ->
                invocation.input() instanceof Event<?> event ? Optional.of(event.id()) : Optional.empty());
        static final Named STANDARD = new Named("event id or " + IDEMPOTENCY_KEY_HEADER + " header", invocation ->
                invocation.isHttp() ? httpHeader(IDEMPOTENCY_KEY_HEADER).keyOf(invocation) : EVENT_ID.keyOf(invocation));

        @Override
        public Optional<String> keyOf(Invocation invocation) {
            return extract.apply(invocation);
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
