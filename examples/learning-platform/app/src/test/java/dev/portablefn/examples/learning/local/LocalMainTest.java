package dev.portablefn.examples.learning.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Provider;
import dev.portablefn.cli.server.DevServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@link LocalMain} prints works: its three curl commands, run against the dev server, enrol the demo user. */
class LocalMainTest {

    private static final Pattern CURL = Pattern.compile(
            "^  curl -s (?:-X (\\w+) )?(\\S+)(?: -H 'Content-Type: application/json' -d '(.*)')?$");

    @Test
    void thePrintedCurlCommandsTakeAPaymentAndShowTheEnrolment() throws Exception {
        LocalPlatform local = LocalPlatform.start(Provider.AWS);
        LocalMain.Demo demo = LocalMain.Demo.seed(local);
        HttpClient client = HttpClient.newHttpClient();
        try (DevServer server = DevServer.start(local.cloud(), LocalPlatform.API, 0)) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            LocalMain.printWelcome(new PrintStream(printed, true, StandardCharsets.UTF_8), server.uri().toString(), demo);
            String output = printed.toString(StandardCharsets.UTF_8);
            assertThat(output).startsWith("learning platform running at " + server.uri());

            List<HttpResponse<String>> responses = new ArrayList<>();
            for (String line : output.lines().filter(l -> l.startsWith("  curl")).toList()) {
                Matcher curl = CURL.matcher(line);
                assertThat(curl.matches()).as(line).isTrue();
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(curl.group(2)));
                if (curl.group(3) != null) {
                    request.header("Content-Type", "application/json")
                            .method(curl.group(1), HttpRequest.BodyPublishers.ofString(curl.group(3)));
                }
                responses.add(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            }

            assertThat(responses).extracting(HttpResponse::statusCode).containsExactly(200, 202, 200);
            assertThat(responses.get(0).body()).contains("\"id\":\"" + demo.courseId() + "\"");
            assertThat(responses.get(1).body()).contains("\"status\":\"COMPLETED\"");
            assertThat(responses.get(2).body()).contains("\"courseIds\":[\"" + demo.courseId() + "\"]");
        }
    }
}
