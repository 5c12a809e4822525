package dev.portablefn.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.testing.localcloud.InvocationRecord;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesAnHttpFunctionOnAFreePortAndDeliversWhatItPublishes() throws Exception {
        List<String> published = new ArrayList<>();
        LocalCloud cloud = LocalCloud.create().createTopic("greetings")
                .deploy("audit", PortableFunction.event(String.class, (event, context) -> published.add(event.data())))
                .subscribe("greetings", "audit");
        HttpFunction greeter = (request, context) -> {
            String name = request.queryParameter("name").orElse("nobody");
            context.unwrap(LocalCloud.class).publisher().publish("greetings", name, Map.of());
            context.logger().info("greeted {}", name);
            return HttpResponse.status(201).header("X-Echo", request.header("X-Custom").orElse("-"))
                    .json(Map.of("greeting", "hello " + name, "body", request.bodyAsString()));
        };
        cloud.deploy("greeter", greeter);

        try (DevServer server = DevServer.start(cloud, "greeter", 0)) {
            assertThat(server.port()).isPositive();
            java.net.http.HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            server.uri().resolve("/hello?name=Ada%20L"))
                    .header("X-Custom", "c1").POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.headers().firstValue("x-echo")).hasValue("c1");
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.body()).contains("\"greeting\":\"hello Ada L\"").contains("\"body\":\"hi\"");
        }
        assertThat(published).containsExactly("Ada L");
        InvocationRecord invocation = cloud.invocations("greeter").get(0);
        assertThat(invocation.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED);
        assertThat(invocation.logs()).extracting(line -> line.message()).containsExactly("greeted Ada L");
    }

    @Test
    void failingFunctionGivesAProblemWithoutTheExceptionMessage() throws Exception {
        HttpFunction failing = (request, context) -> {
            throw new IllegalStateException("secret database password in message");
        };
        try (DevServer server = DevServer.start(failing, 0)) {
            java.net.http.HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(server.uri()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/problem+json");
            assertThat(response.body()).doesNotContain("secret");
            assertThat(server.cloud().invocations()).singleElement().extracting(InvocationRecord::outcome)
                    .isEqualTo(InvocationRecord.Outcome.FAILED);
        }
    }
}
