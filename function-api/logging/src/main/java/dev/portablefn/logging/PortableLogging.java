package dev.portablefn.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import net.logstash.logback.composite.JsonProviders;
import net.logstash.logback.composite.loggingevent.LoggerNameJsonProvider;
import net.logstash.logback.composite.loggingevent.LoggingEventFormattedTimestampJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Configures logback for a deployed function, found by logback through {@code ServiceLoader}: one line per log call
 * on standard output, shaped for the provider the process runs on.
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
 * {@code gcp}, {@code azure} or {@code text}) overrides it. A {@code logback.xml} or {@code logback-test.xml} on the
 * class path, or the {@code logback.configurationFile} system property, takes precedence: this configurator then
 * leaves the configuration to logback.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class PortableLogging extends ContextAwareBase implements Configurator {

    /** Local runs: time, level, logger, request id, the message and its key-values, then any stack trace. */
    static final String TEXT_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} %X{requestId} - %redactedMessage %kvp%n";

    /** Called by logback's {@code ServiceLoader} lookup. */
    public PortableLogging() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null || hasResource("logback-test.xml")
                || hasResource("logback.xml")) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        install(context, console, System::getenv);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * Sends the root logger's lines to {@code appender}, encoded in the format {@code environment} asks for.
     *
     * @return the format chosen
     */
    static LogFormat install(LoggerContext context, OutputStreamAppender<ILoggingEvent> appender,
                             UnaryOperator<String> environment) {
        LogFormat format = LogFormat.of(environment);
        appender.setContext(context);
        appender.setName(format == LogFormat.TEXT ? "text" : "json");
        appender.setEncoder(encoder(context, format, environment));
        appender.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(appender);
        return format;
    }

    /** Sends lines to {@code out}; for tests. */
    static LogFormat install(LoggerContext context, OutputStream out, UnaryOperator<String> environment) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setOutputStream(out);
        appender.setImmediateFlush(true);
        return install(context, appender, environment);
    }

    static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format, UnaryOperator<String> environment) {
        if (format == LogFormat.TEXT) {
            PatternLayout layout = new PatternLayout();
            layout.setContext(context);
            layout.getInstanceConverterMap().put("redactedMessage", RedactedMessageConverter::new);
            layout.setPattern(TEXT_PATTERN);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> text = new LayoutWrappingEncoder<>();
            text.setContext(context);
            text.setLayout(layout);
            text.start();
            return text;
        }
        FieldNames names = format == LogFormat.AWS ? FieldNames.AWS : format == LogFormat.GCP ? FieldNames.GCP
                : FieldNames.AZURE;
        JsonProviders<ILoggingEvent> providers = new JsonProviders<>();
        LoggingEventFormattedTimestampJsonProvider timestamp = new LoggingEventFormattedTimestampJsonProvider();
        timestamp.setFieldName(names.timestamp());
        timestamp.setPattern("[ISO_INSTANT]");
        timestamp.setTimeZone("UTC");
        providers.addProvider(timestamp);
        providers.addProvider(new MessageProvider(names));
        LoggerNameJsonProvider logger = new LoggerNameJsonProvider();
        logger.setFieldName(FieldNames.LOGGER);
        providers.addProvider(logger);
        String project = format == LogFormat.GCP ? gcpProject(environment) : null;
        providers.addProvider(new InvocationFieldsProvider(format, project));
        providers.addProvider(new FailureProvider(names));
        LoggingEventCompositeJsonEncoder json = new LoggingEventCompositeJsonEncoder();
        json.setContext(context);
        json.setProviders(providers);
        json.setFindAndRegisterJacksonModules(false);   // a ServiceLoader scan of Jackson modules nobody logs with
        json.start();
        return json;
    }

    private static String gcpProject(UnaryOperator<String> environment) {
        String project = environment.apply("GOOGLE_CLOUD_PROJECT");
        return project != null && !project.isBlank() ? project : environment.apply("GCP_PROJECT");
    }

    private static boolean hasResource(String name) {
        ClassLoader loader = PortableLogging.class.getClassLoader();
        return loader != null && loader.getResource(name) != null;
    }
}
