package dev.portablefn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.runtime.internal.json.JsonFields;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Reads a structured-mode CloudEvent ({@code application/cloudevents+json}, spec version 1.0). */
final class StructuredCloudEvents {

    private static final Set<String> CONTEXT_ATTRIBUTES = Set.of("specversion", "id", "source", "type", "subject",
            "time", "datacontenttype", "data", "data_base64");

    private StructuredCloudEvents() {
    }

    static GcpCloudEvent read(JsonNode root) {
        String where = "structured CloudEvent";
        String specVersion = JsonFields.requiredNonEmptyText(root, "specversion", where);
        if (!specVersion.equals("1.0")) {
            throw new EventDecodingException(where + ": 'specversion' is \"" + JsonFields.abbreviate(specVersion)
                    + "\"; only CloudEvents 1.0 is supported");
        }
        String id = JsonFields.requiredNonEmptyText(root, "id", where);
        where = "structured CloudEvent " + id;
        String source = JsonFields.requiredNonEmptyText(root, "source", where);
        String type = JsonFields.requiredNonEmptyText(root, "type", where);
        String subject = JsonFields.optionalText(root, "subject", where);
        String contentType = JsonFields.optionalText(root, "datacontenttype", where);
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (CONTEXT_ATTRIBUTES.contains(name) || value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw JsonFields.wrongType(name, where, "a string, number or boolean (a CloudEvent extension)", value);
            }
            extensions.put(name, value.asText());
        }
        JsonNode data = root.get("data");
        String base64 = JsonFields.optionalText(root, "data_base64", where);
        if (data != null && !data.isNull() && base64 != null) {
            throw new EventDecodingException(where + ": has both 'data' and 'data_base64'; send one of them");
        }
        JsonNode jsonData = null;
        byte[] binaryData = null;
        if (base64 != null) {
            binaryData = JsonFields.base64(base64, "data_base64", where);
        } else if (data != null && !data.isNull()) {
            if (data.isTextual() && !GcpCloudEvent.isJson(contentType)) {
                binaryData = data.textValue().getBytes(StandardCharsets.UTF_8);
            } else {
                jsonData = data;
            }
        }
        return new GcpCloudEvent(id, source, type, subject, JsonFields.optionalInstant(root, "time", where), contentType,
                extensions, jsonData, binaryData, root);
    }
}
