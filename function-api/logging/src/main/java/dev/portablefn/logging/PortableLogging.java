package dev.portablefn.logging;

import java.io.OutputStream;
import java.util.function.UnaryOperator;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The SLF4J provider of a deployed function, found by SLF4J through {@code ServiceLoader}: one line per log call on
 * standard output, shaped for the provider the process runs on.
 * <ul>
 *   <li>AWS Lambda: Lambda's JSON log format ({@code timestamp}, {@code level}, {@code message}, {@code logger},
 *       {@code requestId}; a failure's {@code errorType}, {@code errorMessage}, {@code stackTrace});</li>
 *   <li>Google Cloud: Cloud Logging's structured logging ({@code time}, {@code severity}, {@code message},
 *       {@code logging.googleapis.com/trace} as {@code projects/<project>/traces/<trace id>} with the project from
 *       {@code GOOGLE_CLOUD_PROJECT} or {@code GCP_PROJECT}, {@code logging.googleapis.com/spanId},
 *       {@code logging.googleapis.com/trace_sampled}; a failure's {@code stack_trace});</li>
 *   <li>Azure Functions: the common fields plus {@code operation_Id} (the trace id) and {@code operation_ParentId}
 *       (the span id), which Application Insights correlates on;</li>
 *   <li>anywhere else: readable text.</li>
 * </ul>
 * Every JSON line also carries {@code logger}, {@code requestId}, {@code traceId}, {@code spanId}, {@code function},
 * {@code provider}, {@code eventId} while an event is handled, other MDC entries, and the line's key-values
 * ({@code logger.atInfo().addKeyValue(..)}) as fields. Messages have credentials hidden
 * ({@link dev.portablefn.api.http.Redaction#hideSecrets}); a stack trace is written only for an unexpected failure.
 *
 * <p>The provider is recognised from the variables its runtime sets; {@code PORTABLEFN_LOG_FORMAT} ({@code aws},
 * {@code gcp}, {@code azure} or {@code text}) overrides it. {@code PORTABLEFN_LOG_LEVEL} sets the levels (see
 * {@link LogLevels}); INFO by default, or Lambda's {@code AWS_LAMBDA_LOG_LEVEL} when that is set.
 *
 * <p>It is an SLF4J provider of its own rather than a logback configuration because logback's start-up (its
 * configurator discovery, version checks and status reporting) cost a realistic function about 35–55 ms of cold
 * start, and writing one line to standard output needs none of it. An application that wants logback uses logback
 * instead of this module.
 */
public final class PortableLogging implements SLF4JServiceProvider {

    /** The SLF4J API version this provider is written against. */
    private static final String REQUESTED_API_VERSION = "2.0.99";

    private final ThreadMdc mdc = new ThreadMdc();
    private final LineLoggers loggers = new LineLoggers(mdc);
    private final IMarkerFactory markers = new BasicMarkerFactory();

    /** Called by SLF4J's {@code ServiceLoader} lookup. */
    public PortableLogging() {
    }

    @Override
    public void initialize() {
        loggers.configure(LogOutput.of(System::getenv, System.out));
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return REQUESTED_API_VERSION;
    }

    /**
     * Sends every logger's lines to {@code out}, shaped and filtered as {@code environment} asks; for tests.
     *
     * @return the format chosen
     * @throws IllegalStateException if SLF4J chose another provider in this JVM
     */
    static LogFormat install(UnaryOperator<String> environment, OutputStream out) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LineLoggers active)) {
            throw new IllegalStateException("SLF4J logs through " + LoggerFactory.getILoggerFactory().getClass().getName()
                    + ", not portablefn-logging: another provider is on the class path");
        }
        LogOutput output = LogOutput.of(environment, out);
        active.configure(output);
        return output.format();
    }
}
