package dev.portablefn.cli.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 */
public final class DevServer implements AutoCloseable {

    /** The name the served function is deployed under in the cloud. */
    public static final String FUNCTION_NAME = "http";

    private static final int DRAIN_SECONDS = 2;

    private final HttpServer server;
    private final ExecutorService executor;
    private final LocalCloud cloud;
    private final String functionName;
    private final URI uri;
    private final Object drain = new Object();
    private int active;
    private boolean closing;

    private DevServer(HttpServer server, ExecutorService executor, LocalCloud cloud, String functionName) {
        this.server = server;
        this.executor = executor;
        this.cloud = cloud;
        this.functionName = functionName;
        InetSocketAddress address = server.getAddress();
        this.uri = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /**
     * Starts serving a function in a fresh {@link LocalCloud}.
     *
     * @param function an {@code HttpFunction} or a {@code PortableFunction} wrapping one
     * @param port     the port; 0 picks a free one (see {@link #uri()})
     * @return the running server
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static DevServer start(Object function, int port) {
        LocalCloud cloud = LocalCloud.create();
        cloud.deploy(FUNCTION_NAME, function);
        return start(cloud, FUNCTION_NAME, port);
    }

    /**
     * Starts serving a function already deployed in a cloud, whose queues and topics it may use.
     *
     * @param cloud        the cloud
     * @param functionName the deployed HTTP function
     * @param port         the port; 0 picks a free one
     * @return the running server
     * @throws IllegalArgumentException if the function is not an HTTP function
     * @throws UncheckedIOException     if the port cannot be bound
     */
    public static DevServer start(LocalCloud cloud, String functionName, int port) {
        Objects.requireNonNull(cloud, "cloud");
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
        DevServer devServer = new DevServer(server, executor, cloud, functionName);
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
        try (exchange) {
            HttpResponse response;
            try {
                response = cloud.invokeHttp(functionName, toRequest(exchange));
                cloud.awaitQuiescence();
            } catch (RuntimeException failure) {
                byte[] body = ("{\"title\":\"The dev server could not run the function\",\"status\":500}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
                System.err.println("portablefn dev server: " + failure);
                return;
            }
            write(exchange, response);
        }
    }

    private static HttpRequest toRequest(HttpExchange exchange) throws IOException {
        URI requestUri = exchange.getRequestURI();
        HttpRequest.Builder builder = HttpRequest.builder()
                .method(exchange.getRequestMethod())
                .path(requestUri.getPath() == null || requestUri.getPath().isEmpty() ? "/" : requestUri.getPath())
                .rawPath(requestUri.getRawPath());
        if (requestUri.getRawQuery() != null) {
            UrlDecoding.parseQuery(requestUri.getRawQuery()).asMap()
                    .forEach((name, values) -> values.forEach(value -> builder.queryParameter(name, value)));
        }
        for (Map.Entry<String, List<String>> header : exchange.getRequestHeaders().entrySet()) {
            for (String value : header.getValue()) {
                builder.header(header.getKey(), value);
            }
        }
        try (InputStream body = exchange.getRequestBody()) {
            builder.body(body.readAllBytes());
        }
        InetSocketAddress remote = exchange.getRemoteAddress();
        if (remote != null && remote.getAddress() != null) {
            builder.remoteAddress(remote.getAddress().getHostAddress());
        }
        return builder.nativeRequest(exchange).build();
    }

    private static void write(HttpExchange exchange, HttpResponse response) throws IOException {
        response.headers().asMap().forEach((name, values) -> values.forEach(
                value -> exchange.getResponseHeaders().add(name, value)));
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
