/**
 * Structured log lines in each provider's own shape. Adding {@code portablefn-logging} to a deployable instead of an
 * SLF4J binding is all a function does: {@link dev.portablefn.logging.PortableLogging}, found by SLF4J through
 * {@code ServiceLoader}, writes one JSON object per line to standard output, named the way the platform's log service
 * reads it (Lambda's JSON log format, Cloud Logging's structured logging, Application Insights' operation fields), or
 * readable text when run locally.
 */
package dev.portablefn.logging;
