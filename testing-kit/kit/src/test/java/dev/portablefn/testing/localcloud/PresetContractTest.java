package dev.portablefn.testing.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.testing.TestClock;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of LocalCloud's cloud presets, cell by cell: for every provider, trigger and outcome, the attempts
 * a message gets and where it ends equal the preset table of the testing kit's README (what the adapter answers
 * plus what the platform documents). The table is read from the README, so the two cannot drift apart.
 *
 * <p>Outcomes: success; a retryable failure; a permanent failure; a permanent failure with a dead-letter
 * destination of the function's own; a crash ({@link LocalCloud#crash()}, nothing reported); a timeout (the
 * invocation outlives the function's timeout on the virtual clock); an undecodable payload (data that does not bind
 * to the function's type). Every failure but the one with a dead-letter destination takes the row's attempts and
 * then goes to the row's dead-letter queue; the dead-letter destination takes the letter after one attempt.
 */
class PresetContractTest {

    private static final String FUNCTION = "consumer";
    private static final String SOURCE = "orders";
    private static final String OWN_DEAD_LETTER = "rejected";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static List<Row> table;

    /** A line of the README's preset table. */
    record Row(Provider provider, String sources, int maxAttempts, String deadLetterPattern) {

        boolean covers(Trigger trigger) {
            return sources.equals("every source") || trigger.words.stream().anyMatch(sources::contains);
        }

        String deadLetterQueue(String source) {
            return deadLetterPattern.replace("<source>", source);
        }
    }

    enum Trigger {
        QUEUE(List.of("queue")), FIFO_QUEUE(List.of("FIFO queue")), TOPIC(List.of("topic subscription")),
        STORAGE(List.of("bucket")), SCHEDULE(List.of("schedule")), STREAM(List.of("stream")),
        DATABASE_CHANGE(List.of("table"));

        final List<String> words;

        Trigger(List<String> words) {
            this.words = words;
        }
    }

    enum Outcome { SUCCESS, RETRYABLE, PERMANENT, PERMANENT_WITH_DEAD_LETTER, CRASH, TIMEOUT, UNDECODABLE }

    /** The order type the undecodable payloads fail to bind to or validate as. */
    record Order(@NotBlank String item, @Positive int quantity) {
    }

    @BeforeAll
    static void readThePresetTable() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String section = readme.substring(readme.indexOf("## Provider presets"));
        Pattern attempts = Pattern.compile("^(\\d+)\\b[^→]*→ `([^`]+)`");
        table = new ArrayList<>();
        for (String line : section.lines().takeWhile(line -> !line.startsWith("## Dev server")).toList()) {
            String[] cells = line.split("\\|", -1);
            if (cells.length < 9 || cells[1].isBlank() || cells[1].contains("preset") || cells[1].startsWith("---")) {
                continue;
            }
            Provider provider = Provider.valueOf(cells[1].trim());
            Matcher matched = attempts.matcher(cells[6].trim());
            if (provider == Provider.LOCAL || !matched.find()) {
                continue;   // LOCAL keeps the direct path; "function" rows carry no delivery policy
            }
            table.add(new Row(provider, cells[2].trim(), Integer.parseInt(matched.group(1)), matched.group(2)));
        }
        assertThat(table).as("preset rows read from the README").hasSizeGreaterThanOrEqualTo(6);
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Provider provider : List.of(Provider.AWS, Provider.GCP, Provider.AZURE)) {
            for (Trigger trigger : Trigger.values()) {
                for (Outcome outcome : Outcome.values()) {
                    cells.add(Arguments.of(provider, trigger, outcome));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cells")
    void everyProviderTriggerAndOutcomeEndsAsThePresetTableSays(Provider provider, Trigger trigger, Outcome outcome) {
        Row row = table.stream().filter(candidate -> candidate.provider() == provider && candidate.covers(trigger))
                .findFirst().orElseThrow(() -> new AssertionError("no preset row for " + provider + " " + trigger));
        Behaviour behaviour = new Behaviour(outcome);
        PortableFunction function = outcome == Outcome.UNDECODABLE
                ? PortableFunction.event(Order.class, (event, context) -> behaviour.attempts++)
                : PortableFunction.event(Object.class, behaviour);
        if (outcome == Outcome.PERMANENT_WITH_DEAD_LETTER) {
            function = function.withDeadLetter(OWN_DEAD_LETTER);
        }
        LocalCloud cloud = LocalCloud.like(provider);
        cloud.deploy(FUNCTION, function, cloud.preset().function().withTimeout(TIMEOUT)).createQueue(OWN_DEAD_LETTER);
        String source = start(cloud, trigger);

        assertThat(cloud.runUntilIdle(Duration.ofDays(3))).as("LocalCloud went idle").isTrue();

        if (outcome == Outcome.SUCCESS || outcome == Outcome.PERMANENT_WITH_DEAD_LETTER) {
            assertThat(behaviour.attempts).as("attempts").isEqualTo(1);
            assertThat(cloud.deadLetters()).as("platform dead letters").isEmpty();
            assertThat(cloud.messages(OWN_DEAD_LETTER)).as("letters in the function's destination")
                    .hasSize(outcome == Outcome.SUCCESS ? 0 : 1);
            return;
        }
        int expected = outcome == Outcome.UNDECODABLE ? 0 : row.maxAttempts();   // the function never sees it
        assertThat(behaviour.attempts).as("attempts the function saw").isEqualTo(expected);
        assertThat(cloud.deadLetters()).as("dead letters").singleElement().satisfies(dead -> {
            assertThat(dead.attempts()).as("attempts the platform counted").isEqualTo(row.maxAttempts());
            assertThat(dead.deadLetterQueue()).isEqualTo(row.deadLetterQueue(source));
        });
        assertThat(cloud.messages(OWN_DEAD_LETTER)).isEmpty();
    }

    /**
     * Creates the trigger's source, wires the function to it and starts one message.
     *
     * @return what the function consumes: the queue, stream or schedule, or {@code <topic>.<fn>} for a subscription
     */
    private static String start(LocalCloud cloud, Trigger trigger) {
        switch (trigger) {
            case QUEUE -> cloud.createQueue(SOURCE).subscribe(SOURCE, FUNCTION).send(SOURCE, "o-1");
            case FIFO_QUEUE -> cloud.createFifoQueue(SOURCE).subscribe(SOURCE, FUNCTION).sendToGroup(SOURCE, "g-1", "o-1");
            case TOPIC -> {
                cloud.createTopic(SOURCE).subscribe(SOURCE, FUNCTION).publish(SOURCE, "o-1");
                return SOURCE + "." + FUNCTION;
            }
            case STORAGE -> {
                cloud.createBucket(SOURCE).subscribe(SOURCE, FUNCTION);
                cloud.blobStore().put(SOURCE, "o-1.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json");
                return SOURCE + "." + FUNCTION;
            }
            case SCHEDULE -> {
                // One tick a year, so retries are over long before the next one.
                cloud.scheduleCron(SOURCE, "0 0 1 1 *", FUNCTION);
                cloud.advance(Duration.ofDays(366));
            }
            case STREAM -> cloud.createStream(SOURCE).subscribe(SOURCE, FUNCTION).putRecord(SOURCE, "p-1", "o-1");
            case DATABASE_CHANGE -> cloud.createTable(SOURCE).subscribe(SOURCE, FUNCTION)
                    .putDocument(SOURCE, "o-1", Map.of("status", "placed"));
        }
        return SOURCE;
    }

    /** What the function does on each delivery, per outcome; counts the attempts it sees. */
    static final class Behaviour implements EventFunction<Object> {
        private final Outcome outcome;
        int attempts;

        Behaviour(Outcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public void handle(Event<Object> event, Context context) {
            attempts++;
            switch (outcome) {
                case RETRYABLE -> throw new RetryableException("the warehouse is busy");
                case PERMANENT, PERMANENT_WITH_DEAD_LETTER -> throw new PermanentFailure("order has no lines");
                case CRASH -> throw LocalCloud.crash();
                case TIMEOUT -> ((TestClock) context.clock()).advance(TIMEOUT.plusSeconds(1));
                default -> {
                    // success
                }
            }
        }
    }
}
