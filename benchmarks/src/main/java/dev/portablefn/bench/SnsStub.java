package dev.portablefn.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loopback stand-in for SNS, for the cold-start variant {@code publish}: a JDK HTTP server on a free port of
 * 127.0.0.1 that answers every {@code Publish} request (AWS Query protocol: a form with {@code Action=Publish}) with
 * the {@code PublishResponse} SNS documents, and anything else with SNS's {@code InvalidAction} error. It records the
 * form of every {@code Publish}, so a test can check what each side sent.
 *
 * <p>{@code run.sh} starts it once as its own process ({@link #main}) and points both sides at it through the SDK's
 * standard endpoint setting {@code AWS_ENDPOINT_URL_SNS}; the measured JVMs then pay only for their own requests.
 */
public final class SnsStub implements AutoCloseable {

    private static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";

    private final HttpServer server;
    private final List<Map<String, String>> published = new ArrayList<>();
    private final boolean printEachPublish;

    private SnsStub(boolean printEachPublish) throws IOException {
        this.printEachPublish = printEachPublish;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /**
     * Starts a stub on a free loopback port.
     *
     * @return the running stub; close it to stop it
     * @throws IOException if no loopback port can be bound
     */
    public static SnsStub start() throws IOException {
        return new SnsStub(false);
    }

    /**
     * Runs a stub until the process is stopped, printing one line per {@code Publish} answered.
     *
     * @param args the file to write the port to once the stub listens (written whole, by a rename)
     * @throws IOException if no loopback port can be bound or the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: SnsStub PORT_FILE");
        }
        SnsStub stub = new SnsStub(true);
        Path portFile = Path.of(args[0]);
        Path written = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(written, Integer.toString(stub.server.getAddress().getPort()));
        Files.move(written, portFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the URL the SDK should call, {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** @return the decoded form fields of every {@code Publish} answered so far, in arrival order */
    public List<Map<String, String>> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    /** Stops the server. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String response;
        int status;
        if ("Publish".equals(form.get("Action"))) {
            int number;
            synchronized (published) {
                published.add(Collections.unmodifiableMap(form));
                number = published.size();
            }
            if (printEachPublish) {
                System.out.println("Publish " + number + " " + form.get("TopicArn") + " "
                        + form.getOrDefault("Message", "").length() + " chars");
            }
            status = 200;
            response = "<PublishResponse xmlns=\"" + NAMESPACE + "\"><PublishResult><MessageId>stub-message-" + number
                    + "</MessageId></PublishResult><ResponseMetadata><RequestId>stub-request-" + number
                    + "</RequestId></ResponseMetadata></PublishResponse>";
        } else {
            status = 400;
            response = "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                    + "<Message>the SNS stub answers Publish only, not " + form.get("Action") + "</Message></Error>"
                    + "<RequestId>stub-error</RequestId></ErrorResponse>";
        }
        byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/xml");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
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
}
