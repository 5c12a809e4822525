package dev.portablefn.aws.sdk;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A JDK HTTP server on a free loopback port that stands in for an AWS service without an emulator (SNS,
 * EventBridge): it records each request the SDK really sends (headers and body) and answers with the responses a
 * test queued, as the service documents them. With no answer queued it holds the request until it is closed, as a
 * service that does not answer.
 */
final class LoopbackAwsServer implements AutoCloseable {

    /** One request as it arrived. */
    record Request(Map<String, String> headers, String body) {

        /** @return the form fields of an AWS Query request body, decoded */
        Map<String, String> form() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            return fields;
        }

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** One answer: status, content type and body. */
    record Answer(int status, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);

    LoopbackAwsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(",", values)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Request request = new Request(headers, body);
            requests.add(request);
            Answer answer = answers.poll();
            if (answer == null) {
                try {
                    closed.await();
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            String text = answer.body().replace("${authorization}", request.header("Authorization"));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + requests.size());
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * Queues an answer; {@code ${authorization}} in the body is replaced by the request's Authorization header.
     *
     * @return this server
     */
    LoopbackAwsServer answer(int status, String contentType, String body) {
        answers.add(new Answer(status, contentType, body));
        return this;
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
