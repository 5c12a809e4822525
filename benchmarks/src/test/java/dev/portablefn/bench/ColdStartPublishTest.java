package dev.portablefn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cold-start variant {@code publish} as {@code run.sh} runs it: a fresh JVM per side, configured only through
 * its environment (the SDK's {@code AWS_ENDPOINT_URL_SNS}, region and credentials; the topic setting of each side),
 * publishes exactly one message to the {@link SnsStub} and prints its timing line.
 */
class ColdStartPublishTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:orders";

    @ParameterizedTest
    @ValueSource(strings = {"portable", "baseline"})
    void eachSidePublishesOnceToTheEndpointItsEnvironmentNames(String side, @TempDir Path output) throws Exception {
        try (SnsStub stub = SnsStub.start()) {
            Path stdout = output.resolve("stdout.txt");
            Path stderr = output.resolve("stderr.txt");
            ProcessBuilder coldStart = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), side, "--publish")
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            coldStart.environment().putAll(Map.of(
                    "AWS_ENDPOINT_URL_SNS", stub.endpoint().toString(),
                    "AWS_REGION", "eu-west-1",
                    "AWS_ACCESS_KEY_ID", "AKIDCOLDSTART",
                    "AWS_SECRET_ACCESS_KEY", "cold-start-secret",
                    "PORTABLEFN_DESTINATION_ORDERS", TOPIC,
                    "ORDERS_TOPIC_ARN", TOPIC));
            Process process = coldStart.start();

            boolean exited = process.waitFor(2, TimeUnit.MINUTES);
            if (!exited) {
                process.destroyForcibly();
            }
            assertThat(exited).as("ColdStart %s --publish exited within 2 minutes", side).isTrue();
            assertThat(process.exitValue()).as("exit code; stderr: %s", text(stderr)).isZero();
            assertThat(text(stdout)).matches("init_ms=[0-9.]+ first_invoke_ms=[0-9.]+ response_bytes=[0-9]+\\R?");
            List<Map<String, String>> published = stub.published();
            assertThat(published).hasSize(1);
            assertThat(published.get(0)).containsEntry("TopicArn", TOPIC).containsKey("Message");
        }
    }

    private static String text(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
