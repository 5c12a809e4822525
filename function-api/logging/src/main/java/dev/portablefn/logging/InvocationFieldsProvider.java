package dev.portablefn.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.portablefn.api.http.Redaction;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import net.logstash.logback.composite.AbstractJsonProvider;
import org.slf4j.event.KeyValuePair;

/**
 * Writes what the line knows of its invocation: the MDC the runtime fills (request id, trace and span ids, function,
 * provider, event id) and any other MDC entry, the provider's own correlation fields (Cloud Logging's trace and span,
 * Application Insights' operation ids), then the line's key-values ({@code addKeyValue}) as fields of their own.
 */
final class InvocationFieldsProvider extends AbstractJsonProvider<ILoggingEvent> {

    private static final String GCP_TRACE = "logging.googleapis.com/trace";
    private static final String GCP_SPAN_ID = "logging.googleapis.com/spanId";
    private static final String GCP_TRACE_SAMPLED = "logging.googleapis.com/trace_sampled";
    private static final String AZURE_OPERATION_ID = "operation_Id";
    private static final String AZURE_OPERATION_PARENT_ID = "operation_ParentId";

    private final LogFormat format;
    /** {@code projects/<project>/traces/}, or {@code null} when the project is unknown or the format is not GCP. */
    private final String gcpTracePrefix;

    InvocationFieldsProvider(LogFormat format, String gcpProject) {
        this.format = format;
        this.gcpTracePrefix = gcpProject == null || gcpProject.isBlank() ? null : "projects/" + gcpProject + "/traces/";
    }

    @Override
    public void writeTo(JsonGenerator generator, ILoggingEvent event) throws IOException {
        Map<String, String> mdc = event.getMDCPropertyMap();
        if (!mdc.isEmpty()) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                String key = entry.getKey();
                if (!FieldNames.MDC_TRACE_SAMPLED.equals(key)) {
                    generator.writeStringField(FieldNames.MDC_FUNCTION_NAME.equals(key) ? FieldNames.FUNCTION : key,
                            entry.getValue());
                }
            }
            writeCorrelation(generator, mdc);
        }
        List<KeyValuePair> keyValues = event.getKeyValuePairs();
        if (keyValues != null) {
            for (KeyValuePair pair : keyValues) {
                writeValue(generator, pair.key, Redaction.marksCredential(pair.key) ? Redaction.MASK : pair.value);
            }
        }
    }

    private void writeCorrelation(JsonGenerator generator, Map<String, String> mdc) throws IOException {
        String traceId = mdc.get(FieldNames.TRACE_ID);
        String spanId = mdc.get(FieldNames.SPAN_ID);
        if (format == LogFormat.GCP) {
            if (traceId != null && gcpTracePrefix != null) {
                generator.writeStringField(GCP_TRACE, gcpTracePrefix + traceId);
            }
            if (spanId != null) {
                generator.writeStringField(GCP_SPAN_ID, spanId);
            }
            if (traceId != null) {
                generator.writeBooleanField(GCP_TRACE_SAMPLED, "true".equals(mdc.get(FieldNames.MDC_TRACE_SAMPLED)));
            }
        } else if (format == LogFormat.AZURE) {
            if (traceId != null) {
                generator.writeStringField(AZURE_OPERATION_ID, traceId);
            }
            if (spanId != null) {
                generator.writeStringField(AZURE_OPERATION_PARENT_ID, spanId);
            }
        }
    }

    /** Numbers and booleans stay JSON numbers and booleans, so log queries can compare them; anything else is text. */
    private static void writeValue(JsonGenerator generator, String key, Object value) throws IOException {
        generator.writeFieldName(key);
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            generator.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value == null) {
            generator.writeNull();
        } else {
            generator.writeString(Redaction.hideSecrets(value.toString()));
        }
    }
}
