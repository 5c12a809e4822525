package dev.portablefn.examples.minimal.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the deployable jar the package phase shaded, alone in a fresh JVM with only the library Lambda provides beside
 * it, as Lambda would: it answers an HTTP API request and writes one JSON access line per invocation in Lambda's JSON
 * log format; and it stays within the 4 MB the project holds the minimal deployable to.
 */
class LambdaJarIT {

    private static final Path JAR = Path.of(System.getProperty("lambda.jar",
            "target/portablefn-example-minimal-aws-lambda.jar"));
    private static final long FOUR_MEGABYTES = 4L * 1024 * 1024;

    @Test
    void theDeployableJarStaysWithinFourMegabytes() throws IOException {
        assertThat(Files.size(JAR)).isLessThanOrEqualTo(FOUR_MEGABYTES);
    }

    @Test
    void theJarAloneAnswersAndWritesOneJsonAccessLine() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(File.pathSeparator, JAR.toString(), lambdaCoreJar(), testClasses()),
                InvokeOnce.class.getName(), HelloHandler.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "hello");
        builder.environment().put("PORTABLEFN_ACCESS_LOG", "true");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the invocation ends within a minute").isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode response = json.readTree(lines.get(lines.size() - 1));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(json.readTree(response.get("body").asText()).get("message").asText()).isEqualTo("Hello, jar!");
        List<JsonNode> access = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            JsonNode logged = json.readTree(line);   // every log line is one JSON object
            if ("dev.portablefn.access".equals(logged.path("logger").asText())) {
                access.add(logged);
            }
        }
        assertThat(access).singleElement().satisfies(line -> {
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("requestId").asText()).isEqualTo("jar-request-1");
            assertThat(line.path("traceId").asText()).isEqualTo("5e9f0c651de4d666d4dd26aced652b6c");   // the X-Ray root as a W3C trace id
            assertThat(line.path("status").asInt()).isEqualTo(200);
            assertThat(line.path("path").asText()).isEqualTo("/hello");
        });
    }

    private static String lambdaCoreJar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("aws-lambda-java-core")).findFirst()
                .orElseThrow(() -> new AssertionError("aws-lambda-java-core is not on the test class path"));
    }

    private static String testClasses() throws Exception {
        return Path.of(InvokeOnce.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
