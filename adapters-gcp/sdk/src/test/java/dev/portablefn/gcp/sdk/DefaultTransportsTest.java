package dev.portablefn.gcp.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.NoCredentials;
import com.google.cloud.pubsub.v1.stub.PublisherStubSettings;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The transports a deployment uses, on loopback servers: Pub/Sub through the client library's own channel provider
 * over Netty, and Cloud Storage through its JSON API over HTTP. They prove the client libraries still work with the
 * jars this module excludes (DirectPath, xDS, Storage's gRPC metrics, the XML API), and that what a real HTTP answer
 * becomes is classified as the mocked exceptions are.
 */
class DefaultTransportsTest {

    @Test
    void bothPortsAreRegisteredWithServiceLoader() {
        assertThat(ServiceLoader.load(Publisher.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(PubSubPublisher.class);
        assertThat(ServiceLoader.load(BlobStore.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(CloudStorageBlobStore.class);
    }

    @Test
    void pubSubPublishesOverNettyThroughTheLibrarysChannelProvider() throws Exception {
        RecordingPublisherService service = new RecordingPublisherService();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .addService(service).build().start();
        try (PubSubPublisher publisher = new PubSubPublisher(
                LogicalNames.from(Map.of("PORTABLEFN_DESTINATION_ORDERS", PubSubPublisherTest.TOPIC)::get),
                PublisherStubSettings.defaultGrpcTransportProviderBuilder()
                        .setEndpoint(InetAddress.getLoopbackAddress().getHostAddress() + ":" + server.getPort())
                        .setChannelConfigurator(channel -> channel.usePlaintext())
                        .build(),
                NoCredentialsProvider.create())) {

            assertThat(publisher.publish("orders", "hello", Map.of("origin", "web"))).isEqualTo("message-1");
            assertThat(service.onlyMessage().getAttributesMap()).containsEntry("origin", "web");
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void cloudStorageSpeaksTheJsonApiOverHttp() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requests.add(exchange.getRequestMethod() + " " + path);
            exchange.getRequestBody().readAllBytes();
            if (path.contains("/b/missing-bucket/")) {
                error(exchange, 404, "The specified bucket does not exist.");
            } else if (path.endsWith("/o/secret")) {
                error(exchange, 403, "caller does not have storage.objects.get access to the Google Cloud Storage"
                        + " object.");
            } else if (path.endsWith("/o/gone")) {
                error(exchange, 404, "No such object: demo-lessons/gone");
            } else if (exchange.getRequestMethod().equals("DELETE")) {
                exchange.sendResponseHeaders(204, -1);
            } else {
                answer(exchange, 200, "application/octet-stream", "lesson one".getBytes(StandardCharsets.UTF_8));
            }
            exchange.close();
        });
        server.start();
        LogicalNames names = LogicalNames.from(Map.of("PORTABLEFN_BUCKET_LESSONS", "demo-lessons",
                "PORTABLEFN_BUCKET_ARCHIVE", "missing-bucket")::get);
        try (CloudStorageBlobStore store = new CloudStorageBlobStore(names, () -> CloudStorageBlobStore.options()
                .setHost("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":"
                        + server.getAddress().getPort())
                .setProjectId("demo").setCredentials(NoCredentials.getInstance()).build().getService())) {

            assertThat(store.get("lessons", "intro")).hasValueSatisfying(bytes ->
                    assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("lesson one"));
            assertThat(store.get("lessons", "gone")).isEmpty();
            assertThat(store.delete("lessons", "intro")).isTrue();
            assertThatThrownBy(() -> store.get("lessons", "secret")).isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("'lessons'").hasMessageContaining("403");
            assertThatThrownBy(() -> store.put("archive", "k", new byte[] {1}, "text/plain"))
                    .isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("'archive'")
                    .hasMessageContaining("PORTABLEFN_BUCKET_ARCHIVE");
            assertThatThrownBy(() -> store.get("archive", "k")).as("the answer names the bucket")
                    .isInstanceOf(PermanentFailure.class);
        } finally {
            server.stop(0);
        }
        assertThat(requests).contains("GET /download/storage/v1/b/demo-lessons/o/intro",
                "DELETE /storage/v1/b/demo-lessons/o/intro", "POST /upload/storage/v1/b/missing-bucket/o");
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        String reason = status == 404 ? "notFound" : "forbidden";
        String json = "{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                + message + "\",\"domain\":\"global\",\"reason\":\"" + reason + "\"}]}}";
        answer(exchange, status, "application/json; charset=UTF-8", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void answer(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
