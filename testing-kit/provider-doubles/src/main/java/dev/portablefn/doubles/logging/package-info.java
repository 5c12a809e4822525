/**
 * A double of the SLF4J binding a deployed function logs through: {@link
 * dev.portablefn.doubles.logging.RecordingLoggingProvider} keeps an MDC (as logback does on every platform) and
 * records what was logged, so tests can prove which logging context an invocation saw and which log line told two
 * outcomes apart.
 */
package dev.portablefn.doubles.logging;
