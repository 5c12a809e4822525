package dev.portablefn.logging;

import dev.portablefn.api.Context;

/**
 * The names one format gives the fields of a line. The MDC keys are the ones the runtime's logging-context middleware
 * fills around every invocation.
 *
 * @param timestamp    the instant the line was logged
 * @param level        the level, in the provider's words
 * @param stackTrace   the stack trace of an unexpected failure
 * @param stackAsLines whether the stack trace is an array of lines (Lambda's {@code stackTrace}) or one string
 */
record FieldNames(String timestamp, String level, String stackTrace, boolean stackAsLines) {

    static final String LOGGER = "logger";
    static final String MESSAGE = "message";
    static final String REQUEST_ID = Context.MDC_REQUEST_ID;
    static final String TRACE_ID = Context.MDC_TRACE_ID;
    static final String SPAN_ID = Context.MDC_SPAN_ID;
    static final String FUNCTION = "function";
    static final String ERROR_TYPE = "errorType";
    static final String ERROR_MESSAGE = "errorMessage";

    /** MDC key of the function name, written as {@link #FUNCTION}. */
    static final String MDC_FUNCTION_NAME = Context.MDC_FUNCTION_NAME;
    /** MDC key that is {@code "true"} while the trace is sampled (the runtime's {@code MDC_TRACE_SAMPLED}). */
    static final String MDC_TRACE_SAMPLED = "traceSampled";

    /** Lambda's JSON log format: {@code timestamp}, {@code level}, and an error's {@code stackTrace} as lines. */
    static final FieldNames AWS = new FieldNames("timestamp", "level", "stackTrace", true);
    /** Cloud Logging: {@code time}, {@code severity}, and {@code stack_trace}, which Error Reporting reads. */
    static final FieldNames GCP = new FieldNames("time", "severity", "stack_trace", false);
    /** Azure: the common names; Application Insights reads {@code operation_Id} and {@code operation_ParentId}. */
    static final FieldNames AZURE = new FieldNames("timestamp", "level", "stack_trace", false);
}
