package dev.portablefn.logging;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.http.Redaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * Writes a line as one JSON object in a provider's shape: time, level and redacted message, logger; then what the line
 * knows of its invocation (the MDC the runtime fills, other MDC entries, the provider's own correlation fields, the
 * line's key-values as fields of their own); then its failure. A failure's type and message are always written, its
 * stack trace only when the failure was unexpected: a {@link PermanentFailure} (invalid input, a rejected event) is
 * the caller's doing and already explained by its message. On GCP the {@code stack_trace} field is what Error
 * Reporting groups errors by.
 */
final class JsonLineEncoder implements LogOutput.LineEncoder {

    private static final String GCP_TRACE = "logging.googleapis.com/trace";
    private static final String GCP_SPAN_ID = "logging.googleapis.com/spanId";
    private static final String GCP_TRACE_SAMPLED = "logging.googleapis.com/trace_sampled";
    private static final String AZURE_OPERATION_ID = "operation_Id";
    private static final String AZURE_OPERATION_PARENT_ID = "operation_ParentId";
    /** Room for a typical line, so the buffer rarely grows. */
    private static final int TYPICAL_LINE_BYTES = 512;

    private final JsonFactory json = new JsonFactory();
    private final LogFormat format;
    private final FieldNames names;
    /** {@code projects/<project>/traces/}, or {@code null} when the project is unknown or the format is not GCP. */
    private final String gcpTracePrefix;

    JsonLineEncoder(LogFormat format, UnaryOperator<String> environment) {
        this.format = format;
        this.names = format == LogFormat.AWS ? FieldNames.AWS : format == LogFormat.GCP ? FieldNames.GCP : FieldNames.AZURE;
        String project = format == LogFormat.GCP ? gcpProject(environment) : null;
        this.gcpTracePrefix = project == null || project.isBlank() ? null : "projects/" + project + "/traces/";
    }

    @Override
    public byte[] encode(LogLine line, Map<String, String> mdc) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(TYPICAL_LINE_BYTES);
        try (JsonGenerator generator = json.createGenerator(buffer, JsonEncoding.UTF8)) {
            generator.writeStartObject();
            generator.writeStringField(names.timestamp(), DateTimeFormatter.ISO_INSTANT.format(line.time()));
            generator.writeStringField(names.level(), format == LogFormat.GCP ? severity(line.level()) : line.level().name());
            generator.writeStringField(FieldNames.MESSAGE, Redaction.hideSecrets(line.message()));
            generator.writeStringField(FieldNames.LOGGER, line.logger());
            if (!mdc.isEmpty()) {
                writeMdc(generator, mdc);
            }
            if (line.keyValues() != null) {
                for (KeyValuePair pair : line.keyValues()) {
                    writeValue(generator, pair.key, Redaction.marksCredential(pair.key) ? Redaction.MASK : pair.value);
                }
            }
            if (line.failure() != null) {
                writeFailure(generator, line.failure());
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a log line did not encode as JSON", e);   // a buffer in memory: not expected
        }
        buffer.write('\n');
        return buffer.toByteArray();
    }

    /** Cloud Logging's {@code LogSeverity} names: it knows no TRACE and spells WARN out. */
    static String severity(Level level) {
        return switch (level) {
            case ERROR -> "ERROR";
            case WARN -> "WARNING";
            case INFO -> "INFO";
            case DEBUG, TRACE -> "DEBUG";
        };
    }

    private void writeMdc(JsonGenerator generator, Map<String, String> mdc) throws IOException {
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
            String key = entry.getKey();
            if (!FieldNames.MDC_TRACE_SAMPLED.equals(key)) {
                generator.writeStringField(FieldNames.MDC_FUNCTION_NAME.equals(key) ? FieldNames.FUNCTION : key,
                        entry.getValue());
            }
        }
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

    private void writeFailure(JsonGenerator generator, Throwable failure) throws IOException {
        generator.writeStringField(FieldNames.ERROR_TYPE, failure.getClass().getName());
        generator.writeStringField(FieldNames.ERROR_MESSAGE, Redaction.hideSecrets(failure.getMessage()));
        if (failure instanceof PermanentFailure) {
            return;
        }
        String trace = Redaction.hideSecrets(stackTrace(failure));
        if (names.stackAsLines()) {
            generator.writeArrayFieldStart(names.stackTrace());
            for (String line : trace.split("\\R")) {
                generator.writeString(line.strip());
            }
            generator.writeEndArray();
        } else {
            generator.writeStringField(names.stackTrace(), trace);
        }
    }

    /** @return the failure's stack trace as {@link Throwable#printStackTrace()} prints it, causes included */
    static String stackTrace(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString().stripTrailing();
    }

    private static String gcpProject(UnaryOperator<String> environment) {
        String project = environment.apply("GOOGLE_CLOUD_PROJECT");
        return project != null && !project.isBlank() ? project : environment.apply("GCP_PROJECT");
    }
}
