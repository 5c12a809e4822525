/**
 * Internal: reads the trace headers each provider sends (W3C {@code traceparent}, AWS X-Ray, Google's
 * {@code X-Cloud-Trace-Context}) into a portable {@code TraceContext}. Used by the adapters, not for functions to
 * call; functions get the result from {@code Context}.
 */
package dev.portablefn.runtime.internal.trace;
