package dev.portablefn.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What the raw provider event builders share: one mapper, bytes out, and telling text bodies from binary ones. */
final class RawJson {

    static final ObjectMapper MAPPER = JacksonCodec.standard().mapper();

    private RawJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a raw event", e);
        }
    }

    /** @return the node as compact JSON, as the services send it */
    static byte[] compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a raw event", e);
        }
    }

    static JsonNode tree(byte[] json, String what) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null) {
                throw new IllegalArgumentException(what + " is empty; expected JSON");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    /** @return the body as text when it is valid UTF-8, else empty (send it base64-encoded) */
    static Optional<String> utf8(byte[] body) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }
}
