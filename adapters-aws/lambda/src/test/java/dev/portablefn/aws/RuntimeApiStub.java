package dev.portablefn.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) as far as a runtime client uses it: hands out queued invocations
 * on {@code next} and records what comes back on {@code response}, {@code error} and {@code init/error}.
 */
final class RuntimeApiStub implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";
    static final String TRACE_HEADER = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    /** What the runtime reported for one invocation ({@code id} is null for init errors). */
    record Report(String kind, String id, String errorType, String body) {
    }

    private record Invocation(String id, byte[] payload, long deadlineMillis) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "runtime-api-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final BlockingQueue<Report> reports = new LinkedBlockingQueue<>();

    RuntimeApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext(PREFIX, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Waits for a report that belongs to no invocation: the runtime's {@code init/error}.
     *
     * @return the report, or {@code null} when none came within {@code timeoutSeconds}
     */
    Report initError(long timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            Report report = left <= 0 ? null : reports.poll(left, TimeUnit.NANOSECONDS);
            if (report == null || report.id() == null) {
                return report;
            }
        }
    }

    /** @return {@code host:port}, the value of {@code AWS_LAMBDA_RUNTIME_API} */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues an invocation with a minute to run, and waits for the runtime's report of it. */
    Report invoke(byte[] payload, long timeoutSeconds) throws InterruptedException {
        return invoke(payload, timeoutSeconds, Duration.ofMinutes(1));
    }

    /**
     * Queues an invocation and waits for the runtime's report of it.
     *
     * @param timeToRun how long before its deadline the runtime is handed the invocation ({@code Lambda-Runtime-Deadline-Ms})
     */
    Report invoke(byte[] payload, long timeoutSeconds, Duration timeToRun) throws InterruptedException {
        String id = UUID.randomUUID().toString();
        pending.add(new Invocation(id, payload, timeToRun.toMillis()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true) {
            long left = deadline - System.nanoTime();
            Report report = left <= 0 ? null : reports.poll(left, TimeUnit.NANOSECONDS);
            if (report == null) {
                return null;
            }
            if (report.id() == null || report.id().equals(id)) {
                return report;
            }
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
            if (path.equals("invocation/next") && exchange.getRequestMethod().equals("GET")) {
                next(exchange);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            if (path.equals("init/error")) {
                reports.add(new Report("init-error", null, errorType, text));
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                reports.add(new Report("response", idOf(path), null, text));
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                reports.add(new Report("error", idOf(path), errorType, text));
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] accepted = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, accepted.length);
            exchange.getResponseBody().write(accepted);
        }
    }

    private static String idOf(String path) {
        String rest = path.substring("invocation/".length());
        return rest.substring(0, rest.indexOf('/'));
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = pending.take();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
            return;
        }
        // The client's native code needs every one of these headers, even when empty.
        var headers = exchange.getResponseHeaders();
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.id());
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + invocation.deadlineMillis()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:portable");
        headers.set("Lambda-Runtime-Trace-Id", TRACE_HEADER);
        headers.set("Lambda-Runtime-Client-Context", "");
        headers.set("Lambda-Runtime-Cognito-Identity", "");
        headers.set("Lambda-Runtime-Aws-Tenant-Id", "");
        headers.set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, invocation.payload().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.payload());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
