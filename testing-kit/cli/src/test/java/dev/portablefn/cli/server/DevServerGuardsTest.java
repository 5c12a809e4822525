package dev.portablefn.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dev server's guards: loopback Host values only, bounded bodies, one access log line per request. */
class DevServerGuardsTest {

    private final AtomicInteger runs = new AtomicInteger();
    private final HttpFunction counting = (request, context) -> {
        runs.incrementAndGet();
        return HttpResponse.status(201).text("ran " + request.bodyLength());
    };

    /** Collects printed lines so a test can await one with a bound. */
    private static final class Lines extends OutputStream {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8).strip());
                current.reset();
            } else {
                current.write(b);
            }
        }
    }

    /** Sends a raw HTTP/1.1 request, so the Host header is whatever the test says, and gives the status line. */
    private static String send(DevServer server, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    private static String get(DevServer server, String host) throws IOException {
        return send(server, "GET /hello HTTP/1.1\r\nHost: " + host + "\r\n", new byte[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example", "attacker.example:%d", "127.0.0.1.nip.io:%d", "localhost.attacker.example",
        "10.0.0.1:%d", "0.0.0.0:%d"})
    void requestAddressedToAnotherHostIsRefusedWith403WithoutRunningTheFunction(String host) throws Exception {
        try (DevServer server = DevServer.start(counting, 0, new PrintStream(new Lines(), true))) {
            String status = get(server, host.formatted(server.port()));

            assertThat(status).isEqualTo("HTTP/1.1 403 Forbidden");
            assertThat(runs).hasValue(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:%d", "LOCALHOST", "127.0.0.1:%d", "127.1.2.3", "[::1]:%d", "app.localhost:%d"})
    void requestAddressedToALoopbackHostIsServed(String host) throws Exception {
        try (DevServer server = DevServer.start(counting, 0, new PrintStream(new Lines(), true))) {
            assertThat(get(server, host.formatted(server.port()))).startsWith("HTTP/1.1 201");
        }
    }

    @Test
    void bodyOverTheFunctionsLimitIsRejectedWith413WithoutRunningTheFunction() throws Exception {
        PortableFunction small = PortableFunction.http(counting).withLimits(Limits.defaults().withMaxBodyBytes(16));
        try (DevServer server = DevServer.start(small, 0, new PrintStream(new Lines(), true))) {
            String host = "Host: localhost:" + server.port() + "\r\n";

            String declared = send(server, "POST /upload HTTP/1.1\r\n" + host + "Content-Length: 1000\r\n", new byte[1000]);
            String chunked = send(server, "POST /upload HTTP/1.1\r\n" + host + "Transfer-Encoding: chunked\r\n",
                    ("3e8\r\n" + "x".repeat(1000) + "\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String fits = send(server, "POST /upload HTTP/1.1\r\n" + host + "Content-Length: 16\r\n", new byte[16]);

            assertThat(declared).startsWith("HTTP/1.1 413");
            assertThat(chunked).startsWith("HTTP/1.1 413");
            assertThat(fits).startsWith("HTTP/1.1 201");
            assertThat(runs).hasValue(1);
        }
    }

    @Test
    void eachRequestPrintsOneAccessLogLineWithMethodPathStatusDurationAndRequestId() throws Exception {
        Lines log = new Lines();
        try (DevServer server = DevServer.start(counting, 0, new PrintStream(log, true))) {
            send(server, "GET /hello?name=ada HTTP/1.1\r\nHost: localhost\r\n", new byte[0]);
            send(server, "GET /a%0Aforged HTTP/1.1\r\nHost: attacker.example\r\n", new byte[0]);

            String served = log.lines.poll(10, TimeUnit.SECONDS);
            String refused = log.lines.poll(10, TimeUnit.SECONDS);

            String requestId = server.cloud().invocations().get(0).requestId();
            assertThat(served).matches("GET /hello\\?name=ada -> 201 in \\d+ ms \\(request id \\Q" + requestId + "\\E\\)");
            assertThat(refused).startsWith("GET /a%0Aforged -> 403 in ").endsWith("(request id -)");
            assertThat(log.lines).isEmpty();
        }
    }

    @Test
    void onlyLoopbackNamesAndAddressesAreAccepted() {
        assertThat(LoopbackHosts.refusal("localhost:3000")).isNull();
        assertThat(LoopbackHosts.refusal("127.0.0.1")).isNull();
        assertThat(LoopbackHosts.refusal("[::1]:8080")).isNull();
        assertThat(LoopbackHosts.refusal(null)).contains("missing");
        assertThat(LoopbackHosts.refusal("127.0.0.1.evil.example")).contains("'127.0.0.1.evil.example'");
        assertThat(LoopbackHosts.refusal("127.0.0.256")).isNotNull();
        assertThat(LoopbackHosts.refusal("[::2]:80")).isNotNull();
        assertThat(LoopbackHosts.refusal("evil\nexample")).doesNotContain("\n");
    }
}
