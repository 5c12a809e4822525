package dev.portablefn.examples.learning.local;

import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.cli.server.DevServer;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the learning platform on this machine: every HTTP route on one local port through the dev
 * server, the payments topic, lesson bucket and nightly schedule in a LocalCloud, all in memory.
 * Prints the URL and curl commands for payment → enrolment, and stops cleanly on Ctrl-C.
 *
 * <p>Run it with {@code ./mvnw -q -f examples/learning-platform/pom.xml test-compile exec:java}; pass a port
 * with {@code -Dexec.args=8080} (default 8080; 0 picks a free one).
 */
public final class LocalMain {

    private static final int DEFAULT_PORT = 8080;
    private static final Duration TICK = Duration.ofSeconds(1);

    private LocalMain() {
    }

    /**
     * @param args an optional port
     * @throws InterruptedException if interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? parsePort(args[0]) : DEFAULT_PORT;
        LocalPlatform local = LocalPlatform.start(Provider.AWS, Instant.now());
        Demo demo = Demo.seed(local);
        DevServer server = DevServer.start(local.cloud(), LocalPlatform.API, port);
        // Virtual time follows the wall clock, so retries, backoff and the nightly schedule happen while you watch.
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "learning-platform-clock");
            thread.setDaemon(true);
            return thread;
        });
        clock.scheduleAtFixedRate(() -> local.cloud().advance(TICK), TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            clock.shutdownNow();
            server.close();
            System.out.println("learning platform stopped");
            stopped.countDown();
        }, "learning-platform-shutdown"));
        printWelcome(System.out, server.uri().toString(), demo);
        stopped.await();
    }

    static void printWelcome(PrintStream out, String uri, Demo demo) {
        String base = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
        out.println("learning platform running at " + base + "/ (LocalCloud, in-memory stores; Ctrl-C to stop)");
        out.println("demo user " + demo.userId() + " and course " + demo.courseId() + " are ready; try:");
        out.println();
        out.println("  curl -s " + base + "/courses/" + demo.courseId());
        out.println("  curl -s -X POST " + base + "/payments -H 'Content-Type: application/json' -d '{\"userId\":\""
                + demo.userId() + "\",\"courseId\":\"" + demo.courseId() + "\",\"amountCents\":" + demo.priceCents()
                + ",\"currency\":\"EUR\",\"cardToken\":\"tok_visa\"}'");
        out.println("  curl -s " + base + "/users/" + demo.userId());
        out.println();
        out.println("the payment answers 202; its PaymentCompleted goes through the 'payments' topic to the enrolment");
        out.println("subscriber, so the profile then lists the course.");
        out.flush();
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port '" + text + "' is not a number; pass e.g. -Dexec.args=8080", e);
        }
    }

    /** The demo user and course the platform starts with, created through its own HTTP API. */
    record Demo(String userId, String courseId, long priceCents) {

        static Demo seed(LocalPlatform local) {
            String user = idOf(local.cloud().invokeHttp("users", json("/users",
                    "{\"email\":\"ada@example.org\",\"name\":\"Ada Lovelace\"}")));
            long price = 4900;
            String course = idOf(local.cloud().invokeHttp("courses", json("/courses",
                    "{\"title\":\"Serverless Java\",\"description\":\"One function, three clouds\",\"priceCents\":"
                            + price + ",\"currency\":\"EUR\"}")));
            return new Demo(user, course, price);
        }

        private static HttpRequest json(String path, String body) {
            return HttpRequest.builder("POST", path).header("Content-Type", "application/json").body(body).build();
        }

        private static String idOf(HttpResponse response) {
            if (response.status() != 201) {
                throw new IllegalStateException("seeding the demo data failed: " + response.status() + " "
                        + response.bodyAsString());
            }
            try {
                return JacksonCodec.standard().readTree(response.bodyAsString().getBytes(StandardCharsets.UTF_8))
                        .get("id").asText();
            } catch (IOException e) {
                throw new IllegalStateException("seeding the demo data gave unreadable JSON: " + response.bodyAsString(), e);
            }
        }
    }
}
