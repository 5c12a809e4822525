package dev.portablefn.runtime.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.portablefn.api.http.Redaction;
import java.util.ArrayList;
import java.util.List;

/** Hides the JSON fields a {@link Redaction} names before a JSON tree is logged. */
public final class JsonRedaction {

    private JsonRedaction() {
    }

    /**
     * Masks every field the redaction hides, at any depth.
     *
     * @param redaction what to hide
     * @param json      a JSON tree to log; not changed
     * @return a copy with each hidden field's value replaced by {@link Redaction#MASK}, or the tree itself when
     *         nothing in it can be hidden
     */
    public static JsonNode apply(Redaction redaction, JsonNode json) {
        if (json == null || !json.isContainerNode()) {
            return json;
        }
        JsonNode copy = json.deepCopy();
        mask(redaction, copy);
        return copy;
    }

    private static void mask(Redaction redaction, JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (redaction.hidesJsonField(name)) {
                    object.set(name, TextNode.valueOf(Redaction.MASK));
                } else {
                    mask(redaction, object.get(name));
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> mask(redaction, element));
        }
    }
}
