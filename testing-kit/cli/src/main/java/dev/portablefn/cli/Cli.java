package dev.portablefn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.cli.server.DevServer;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.ProviderDecoder;
import dev.portablefn.runtime.json.JacksonCodec;
import dev.portablefn.testing.CapturedLog;
import dev.portablefn.testing.FunctionTester;
import dev.portablefn.testing.InvocationResult;
import java.io.IOException;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;

/**
 * The {@code portablefn} command line ({@code java -jar portablefn-cli.jar COMMAND ...}):
 * <ul>
 *   <li>{@code decode --provider aws|gcp|azure --event FILE} prints the portable events a recorded
 *       provider payload decodes to, as a JSON array;</li>
 *   <li>{@code invoke --provider P --function CLASS [--classpath JARS] --event FILE} hands the raw payload to
 *       the provider's real adapter entry point in memory (through {@link FunctionTester}) and prints the raw
 *       provider response; function logs go to stderr; exit status 1 when the function failed;</li>
 *   <li>{@code serve --function CLASS [--classpath JARS] [--port N]} serves an HTTP function on a local
 *       port until Ctrl-C.</li>
 * </ul>
 * Wrong arguments, unreadable files and malformed input end with exit status 2 and one line on stderr.
 */
public final class Cli {

    /** Exit status of a successful command. */
    public static final int OK = 0;
    /** Exit status when the invoked function failed. */
    public static final int FUNCTION_FAILED = 1;
    /** Exit status for wrong arguments, unreadable files or malformed input. */
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = """
            Usage: portablefn COMMAND [OPTIONS]

            Commands:
              decode   print the portable events a provider payload decodes to
              invoke   run a function on a provider payload and print its result
              serve    serve an HTTP function on a local port
              event    print a provider payload (API Gateway, SQS, Pub/Sub, Queue Storage, ...) to invoke with

            Run 'portablefn COMMAND --help' for a command's options.
            """;
    private static final String DECODE_HELP = """
            Usage: portablefn decode --provider aws|gcp|azure --event FILE

            Prints a JSON array with one object per decoded event (trigger, id, source, type, subject,
            time, attributes, data) or, for HTTP, one object (trigger, method, path, query, headers, body).
            Exit status 2 with one line on stderr when the file is unreadable or not a known payload.
            """;
    private static final String INVOKE_HELP = """
            Usage: portablefn invoke --provider aws|gcp|azure --function CLASS [--classpath JARS] --event FILE

            Hands FILE, a raw provider payload, to the provider's adapter entry point running CLASS, found on
            JARS (separated by the path separator), and prints the raw provider response. CLASS is the entry
            class you deploy (a LambdaHandler or GCP entry subclass; an Azure class as CLASS#FIELD, naming
            its static AzureFunctions field) or a function class (HttpFunction,
            EventFunction, BatchFunction) built by its public static create() method if it has one (for
            collaborators such as a Publisher), else by its public no-arg constructor:
              aws    the handler's output (API Gateway/ALB response, batchItemFailures), or Lambda's
                     errorMessage/errorType JSON when the invocation threw
              gcp    FILE is an HTTP/1.1 request, a structured CloudEvent or a legacy background event;
                     prints the HTTP/1.1 response the Functions Framework sends
              azure  FILE is a Functions host invocation payload or an Event Grid event; prints the
                     Java worker's invocation response as JSON
            Function logs go to stderr. Exit status 1 when the function failed, 2 for bad input (a payload
            the adapter cannot decode, with the decoder's reason on stderr).
            """;
    private static final String SERVE_HELP = """
            Usage: portablefn serve --function CLASS [--classpath JARS] [--port N]

            Serves the HTTP function CLASS on 127.0.0.1:N (default 8080; 0 picks a free port) with a
            LocalCloud behind it, until Ctrl-C.
            """;

    private Cli() {
    }

    /**
     * Runs the CLI and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // A fat jar without an SLF4J binding would otherwise print a provider warning on stderr.
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        // Hibernate Validator logs its version banner through JBoss Logging, which falls back to java.util.logging
        // and prints it on stderr; sent to SLF4J, it follows the CLI's logging like every other library's lines.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
        int status = run(args, System.out, System.err);
        if (status != OK || args.length == 0 || !"serve".equals(args[0])) {
            System.exit(status);
        }
    }

    /**
     * Runs one command in-process; never calls {@code System.exit} and never throws for bad input.
     *
     * @param args the command line
     * @param out  where results go
     * @param err  where errors (one line) and function logs go
     * @return the exit status: {@value #OK}, {@value #FUNCTION_FAILED} or {@value #USAGE}
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        try {
            if (command.equals("event")) {
                return EventCommand.run(args, out);
            }
            Options options = Options.parse(command, args);
            if (options.help) {
                out.print(switch (command) {
                    case "decode" -> DECODE_HELP;
                    case "invoke" -> INVOKE_HELP;
                    default -> SERVE_HELP;
                });
                return OK;
            }
            return switch (command) {
                case "decode" -> decode(options, out);
                case "invoke" -> invoke(options, out, err);
                case "serve" -> serve(options, out, null);
                default -> throw new UsageException("unknown command '" + command + "'; use decode, invoke, serve or event");
            };
        } catch (UsageException e) {
            err.println("portablefn " + command + ": " + e.getMessage());
            return USAGE;
        }
    }

    private static int decode(Options options, PrintStream out) {
        Decoded decoded = decodeFile(options, Cli.class.getClassLoader());
        print(out, PortableJson.of(decoded));
        return OK;
    }

    private static int invoke(Options options, PrintStream out, PrintStream err) {
        ClassLoader loader = classLoader(options);
        PortableFunction function = loadFunction(options.require("--function"), loader);
        Provider provider = options.provider();
        Path file = Path.of(options.require("--event"));
        byte[] payload = readEvent(file);
        String kind = provider.name().toLowerCase(Locale.ROOT);
        if (provider != Provider.GCP) {
            // The adapter answers an HTTP payload it cannot read with a 400 like a real gateway would; the CLI says
            // what is wrong with the file instead. (GCP files are HTTP/1.1 requests or events, checked when read.)
            checkDecodes(provider, file, payload, loader);
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        InvocationResult result;
        try {
            result = FunctionTester.forProvider(provider, function).invoke(payload);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new UsageException(file + " is not a " + kind + " payload: " + oneLine(e));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        if (result.failure().orElse(null) instanceof dev.portablefn.api.EventDecodingException undecodable) {
            throw new UsageException(file + " is not a " + kind + " payload: " + oneLine(undecodable));
        }
        for (CapturedLog line : result.logs()) {
            err.println(line.level() + " " + line.message() + (line.failure() == null ? "" : " (" + line.failure() + ")"));
        }
        result.failure().ifPresent(failure -> err.println("invocation failed: " + oneLine(failure)));
        out.write(result.rawResponse(), 0, result.rawResponse().length);
        out.println();
        out.flush();
        return result.succeeded() ? OK : FUNCTION_FAILED;
    }

    private static byte[] readEvent(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot read event file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ').replace('\r', ' ');
    }

    /**
     * Serves until the JVM shuts down (Ctrl-C), or until {@code stop} counts down when tests call it.
     */
    static int serve(Options options, PrintStream out, CountDownLatch stop) {
        ClassLoader loader = classLoader(options);
        PortableFunction function = loadFunction(options.require("--function"), loader);
        if (function.kind() != PortableFunction.Kind.HTTP) {
            throw new UsageException(options.require("--function") + " is an " + function.kind()
                    + " function; serve runs HTTP functions only");
        }
        int port = options.port();
        DevServer server;
        try {
            server = DevServer.start(function, port, out);
        } catch (java.io.UncheckedIOException e) {
            throw new UsageException(e.getMessage());
        }
        out.println("Serving " + options.require("--function") + " at " + server.uri() + " (Ctrl-C to stop)");
        out.flush();
        if (stop == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "portablefn-dev-server-shutdown"));
            return OK;
        }
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
        return OK;
    }

    private static Decoded decodeFile(Options options, ClassLoader loader) {
        Provider provider = options.provider();
        Path file = Path.of(options.require("--event"));
        byte[] payload = readEvent(file);
        ProviderDecoder decoder = decoderFor(provider, loader);
        try {
            return decoder.decode(payload);
        } catch (RuntimeException | StackOverflowError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UsageException(file + " is not a " + provider.name().toLowerCase(Locale.ROOT) + " event: "
                    + message.replace('\n', ' ').replace('\r', ' '));
        }
    }

    private static void checkDecodes(Provider provider, Path file, byte[] payload, ClassLoader loader) {
        try {
            decoderFor(provider, loader).decode(payload);
        } catch (UsageException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new UsageException(file + " is not a " + provider.name().toLowerCase(Locale.ROOT) + " payload: "
                    + oneLine(e));
        }
    }

    private static ProviderDecoder decoderFor(Provider provider, ClassLoader loader) {
        List<Provider> found = new ArrayList<>();
        try {
            for (ProviderDecoder decoder : ServiceLoader.load(ProviderDecoder.class, loader)) {
                if (decoder.provider() == provider) {
                    return decoder;
                }
                found.add(decoder.provider());
            }
        } catch (ServiceConfigurationError e) {
            throw new UsageException("a provider decoder on the classpath is broken: " + e.getMessage());
        }
        String adapter = switch (provider) {
            case AWS -> "portablefn-aws-lambda";
            case GCP -> "portablefn-gcp-functions";
            default -> "portablefn-azure-functions";
        };
        throw new UsageException("no decoder for provider " + provider.name().toLowerCase(Locale.ROOT)
                + " on the classpath (found " + found + "); add the " + adapter + " jar");
    }

    private static ClassLoader classLoader(Options options) {
        String classpath = options.values.get("--classpath");
        ClassLoader parent = Cli.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry);
            if (!Files.isReadable(path)) {
                throw new UsageException("classpath entry " + entry + " does not exist or cannot be read");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new UsageException("classpath entry " + entry + " is not a valid path: " + e.getMessage());
            }
        }
        return new URLClassLoader(urls.toArray(URL[]::new), parent);
    }

    private static PortableFunction loadFunction(String className, ClassLoader loader) {
        return FunctionClasses.load(className, loader);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static void print(PrintStream out, JsonNode json) {
        try {
            out.println(JacksonCodec.standard().mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
        out.flush();
    }

    /** Parsed {@code --name value} options of one command. */
    static final class Options {
        private static final Map<String, List<String>> ALLOWED = Map.of(
                "decode", List.of("--provider", "--event"),
                "invoke", List.of("--provider", "--function", "--classpath", "--event"),
                "serve", List.of("--function", "--classpath", "--port"));

        final String command;
        final Map<String, String> values = new HashMap<>();
        boolean help;

        private Options(String command) {
            this.command = command;
        }

        static Options parse(String command, String[] args) {
            List<String> allowed = ALLOWED.get(command);
            if (allowed == null) {
                throw new UsageException("unknown command '" + command + "'; use decode, invoke, serve or event (see --help)");
            }
            Options options = new Options(command);
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    options.help = true;
                    continue;
                }
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                if (!allowed.contains(name)) {
                    throw new UsageException("unknown option '" + arg + "'; " + command + " takes " + allowed);
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (options.values.put(name, value) != null) {
                    throw new UsageException("option " + name + " is given twice");
                }
            }
            return options;
        }

        String require(String name) {
            String value = values.get(name);
            if (value == null || value.isBlank()) {
                throw new UsageException("missing " + name + "; see 'portablefn " + command + " --help'");
            }
            return value;
        }

        Provider provider() {
            String value = require("--provider");
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "aws" -> Provider.AWS;
                case "gcp" -> Provider.GCP;
                case "azure" -> Provider.AZURE;
                default -> throw new UsageException("unknown provider '" + value + "'; use aws, gcp or azure");
            };
        }

        int port() {
            String value = values.getOrDefault("--port", "8080");
            try {
                int port = Integer.parseInt(value);
                if (port < 0 || port > 65_535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new UsageException("--port " + value + " is not a port number 0..65535");
            }
        }
    }
}
