package dev.portablefn.cli.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpHeaders;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Problem;
import dev.portablefn.api.http.Redaction;
import dev.portablefn.runtime.internal.HttpProblems;
import dev.portablefn.runtime.internal.http.RequestLimits;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import dev.portablefn.testing.localcloud.InvocationRecord;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves an HTTP function on a local port with the JDK's {@link HttpServer}, so {@code curl} works
 * against it as it would in the cloud. The function runs inside a {@link LocalCloud} (reach it from the
 * function with {@code context.unwrap(LocalCloud.class)}); after each request the cloud delivers what
 * the function published. {@link #close()} stops accepting requests and lets running ones finish.
 *
 * <p>It listens on the loopback interface only, and answers 403 to a request whose {@code Host} is not a loopback
 * name or address ({@code localhost}, {@code *.localhost}, {@code 127.x.x.x}, {@code [::1]}), so a web page cannot
 * reach it through a DNS name rebound to 127.0.0.1. Bodies are read up to the function's body limit (413 over it,
 * as the adapters answer), and each request prints one access log line, as {@code sam local} and
 * {@code func start} do: method, path, status, duration and the invocation's request id.
 */
public final class DevServer implements AutoCloseable {

    /** The name the served function is deployed under in the cloud. */
    public static final String FUNCTION_NAME = "http";

    private static final int DRAIN_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalCloud cloud;
    private final String functionName;
    private final Limits limits;
    private final PrintStream accessLog;
    private final URI uri;
    private final Object drain = new Object();
    private int active;
    private boolean closing;

    private DevServer(HttpServer server, ExecutorService executor, LocalCloud cloud, String functionName, Limits limits,
                      PrintStream accessLog) {
        this.server = server;
        this.executor = executor;
        this.cloud = cloud;
        this.functionName = functionName;
        this.limits = limits;
        this.accessLog = accessLog;
        InetSocketAddress address = server.getAddress();
        this.uri = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /**
     * Starts serving a function in a fresh {@link LocalCloud}, printing the access log to standard output.
     *
     * @param function an {@code HttpFunction} or a {@code PortableFunction} wrapping one; its limits apply
     * @param port     the port; 0 picks a free one (see {@link #uri()})
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static DevServer start(Object function, int port) {
        return start(function, port, System.out);
    }

    /**
     * Starts serving a function in a fresh {@link LocalCloud}, printing the access log where the caller says.
     *
     * @param function  an {@code HttpFunction} or a {@code PortableFunction} wrapping one; its limits apply
     * @param port      the port; 0 picks a free one (see {@link #uri()})
     * @param accessLog where each request's line goes
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static DevServer start(Object function, int port, PrintStream accessLog) {
        LocalCloud cloud = LocalCloud.create();
        cloud.deploy(FUNCTION_NAME, function);
        return start(cloud, FUNCTION_NAME, port, PortableFunction.of(function).limits(), accessLog);
    }

    /**
     * Starts serving a function already deployed in a cloud, whose queues and topics it may use; bodies, query
     * parameters and headers are held to {@link Limits#defaults()}, and the access log goes to standard output.
     *
     * @param cloud        the cloud
     * @param functionName the deployed HTTP function
     * @param port         the port; 0 picks a free one
     * @return the running server
     * @throws IllegalArgumentException if the function is not an HTTP function
     * @throws UncheckedIOException     if the port cannot be bound
     */
    public static DevServer start(LocalCloud cloud, String functionName, int port) {
        return start(cloud, functionName, port, Limits.defaults(), System.out);
    }

    private static DevServer start(LocalCloud cloud, String functionName, int port, Limits limits, PrintStream accessLog) {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(accessLog, "accessLog");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535; use 0 for any free port");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port + ": " + e.getMessage()
                    + "; choose another with --port or use 0", e);
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "portablefn-dev-server-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        DevServer devServer = new DevServer(server, executor, cloud, functionName, limits, accessLog);
        server.createContext("/", devServer::handle);
        server.setExecutor(executor);
        server.start();
        return devServer;
    }

    /** @return the base URI, such as {@code http://127.0.0.1:49152/} */
    public URI uri() {
        return uri;
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** @return the cloud the function runs in */
    public LocalCloud cloud() {
        return cloud;
    }

    /** Stops accepting requests, waits briefly for running ones, and releases the port. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        synchronized (drain) {
            closing = true;
            try {
                long left;
                while (active > 0 && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(drain, left);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (drain) {
            if (closing) {
                exchange.getResponseHeaders().add("Connection", "close");
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            active++;
        }
        try {
            serve(exchange);
        } finally {
            synchronized (drain) {
                active--;
                drain.notifyAll();
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String[] requestId = {"-"};
        int status;
        try (exchange) {
            status = answer(exchange, requestId);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        URI requested = exchange.getRequestURI();
        String target = requested.getRawPath() + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
        accessLog.println(Redaction.forLog(exchange.getRequestMethod(), 32) + " " + Redaction.forLog(target, 2048)
                + " -> " + status + " in " + millis + " ms (request id " + requestId[0] + ")");
        accessLog.flush();
    }

    /** @return the status answered; {@code requestId[0]} is set when the function ran */
    private int answer(HttpExchange exchange, String[] requestId) throws IOException {
        String refusal = LoopbackHosts.refusal(exchange.getRequestHeaders().getFirst("Host"));
        if (refusal != null) {
            return problem(exchange, 403, refusal);
        }
        HttpResponse response;
        try {
            HttpRequest request = toRequest(exchange, limits);
            synchronized (cloud) {   // LocalCloud locks itself per call: the invocation and its record read as one step
                response = cloud.invokeHttp(functionName, request);
                List<InvocationRecord> records = cloud.invocations(functionName);
                requestId[0] = records.isEmpty() ? "-" : records.get(records.size() - 1).requestId();
            }
            cloud.awaitQuiescence();
        } catch (InvalidInputException rejected) {   // the body, query or headers over the function's limits
            write(exchange, HttpProblems.rejection(rejected));
            return rejected.status();
        } catch (RuntimeException failure) {
            System.err.println("portablefn dev server: " + Redaction.forLog(String.valueOf(failure), 2000));
            return problem(exchange, 500, "The dev server could not run the function");
        }
        write(exchange, response);
        return response.status();
    }

    private static int problem(HttpExchange exchange, int status, String detail) throws IOException {
        write(exchange, HttpResponse.problem(Problem.of(status, detail)));
        return status;
    }

    /**
     * Builds the portable request, reading at most one byte more than the body limit.
     *
     * @throws InvalidInputException 413 for a body over the limit (told by Content-Length or found reading), 400 or
     *                               431 for too many query parameters or headers
     */
    private static HttpRequest toRequest(HttpExchange exchange, Limits limits) throws IOException {
        URI requestUri = exchange.getRequestURI();
        HttpRequest.Builder builder = HttpRequest.builder()
                .method(exchange.getRequestMethod())
                .path(requestUri.getPath() == null || requestUri.getPath().isEmpty() ? "/" : requestUri.getPath())
                .rawPath(requestUri.getRawPath());
        if (requestUri.getRawQuery() != null) {
            builder.query(UrlDecoding.parseQuery(requestUri.getRawQuery()));
        }
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        builder.body(readBody(exchange, limits.maxBodyBytes()));
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            builder.remoteAddress(remote.getAddress().getHostAddress());
        }
        HttpRequest request = builder.nativeRequest(exchange).build();
        RequestLimits.check(request, limits);
        return request;
    }

    private static byte[] readBody(HttpExchange exchange, long maxBodyBytes) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null && declared.length() < 19 && declared.chars().allMatch(Character::isDigit)
                && Long.parseLong(declared) > maxBodyBytes) {
            throw tooLarge(Long.parseLong(declared) + " bytes", maxBodyBytes);
        }
        // Capped before adding one: a limit of Long.MAX_VALUE must not overflow.
        int readAtMost = (int) Math.min(maxBodyBytes, Integer.MAX_VALUE - 9) + 1;
        try (InputStream body = exchange.getRequestBody()) {
            byte[] bytes = body.readNBytes(readAtMost);
            if (bytes.length > maxBodyBytes) {
                throw tooLarge("more than " + maxBodyBytes + " bytes", maxBodyBytes);
            }
            return bytes;
        }
    }

    private static InvalidInputException tooLarge(String size, long maxBodyBytes) {
        return new InvalidInputException(413, "request body of " + size + " exceeds the limit of " + maxBodyBytes
                + " bytes", List.of(), null);
    }

    private static void write(HttpExchange exchange, HttpResponse response) throws IOException {
        HttpHeaders headers = response.headers();
        for (int i = 0; i < headers.size(); i++) {
            exchange.getResponseHeaders().add(headers.name(i), headers.value(i));
        }
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equalsIgnoreCase(exchange.getRequestMethod())
                || response.status() == 204 || response.status() == 304;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
