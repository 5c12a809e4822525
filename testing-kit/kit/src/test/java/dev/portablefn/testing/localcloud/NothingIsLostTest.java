package dev.portablefn.testing.localcloud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.idempotency.Idempotency;
import dev.portablefn.idempotency.InMemoryIdempotencyStore;
import dev.portablefn.testing.TestClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "nothing is lost": 10,000 messages through an at-least-once queue to a function that fails at random
 * (seeded) by throwing, by outliving its timeout after its side effect, and by crashing so the whole in-flight
 * batch reports nothing. With the idempotency middleware every message takes effect exactly once or sits in the
 * dead-letter queue after its last attempt; nothing stays behind and nothing takes effect twice. A control run
 * without the middleware shows the same faults do produce duplicates, so the assertions have teeth.
 *
 * <p>Faults strike before the record's side effect (exceptions, crashes) or after it (timeouts), never between
 * the side effect and the middleware recording completion: closing that window needs the side effect and the
 * completion record in one transaction, which no middleware can provide.
 */
class NothingIsLostTest {

    private static final int MESSAGES = 10_000;
    private static final long SEED = 20_240_501L;

    record Job(int n, String group) {
    }

    /** The side effect: how many times each message took effect, and in what order per group. */
    static final class Ledger {
        final Map<String, Integer> effects = new HashMap<>();
        final Map<String, List<Integer>> orderByGroup = new LinkedHashMap<>();
        int timeouts;
        int crashes;
        int exceptions;
    }

    /** Fails per (message, attempt) from a seeded random, so every run is the same. */
    static final class FlakyFunction implements EventFunction<Job> {
        private final Ledger ledger;
        private final Set<Integer> poison;

        FlakyFunction(Ledger ledger, Set<Integer> poison) {
            this.ledger = ledger;
            this.poison = poison;
        }

        @Override
        public void handle(Event<Job> event, Context context) {
            Job job = event.data();
            if (poison.contains(job.n())) {
                throw new IllegalStateException("job " + job.n() + " can never succeed");
            }
            SplittableRandom random = new SplittableRandom(SEED * 31 + job.n() * 1_000L + event.deliveryAttempt().orElse(1));
            double roll = random.nextDouble();
            if (roll < 0.08) {
                ledger.exceptions++;
                throw new RetryableException("downstream refused job " + job.n());
            }
            if (roll < 0.09) {
                ledger.crashes++;
                throw LocalCloud.crash();
            }
            ledger.effects.merge(event.id(), 1, Integer::sum);
            ledger.orderByGroup.computeIfAbsent(job.group(), g -> new ArrayList<>()).add(job.n());
            if (roll < 0.12) {
                // Outlives the 3 s Lambda timeout after the side effect: the provider sees a failure and redelivers.
                ledger.timeouts++;
                ((TestClock) context.clock()).advance(Duration.ofSeconds(5));
            }
        }
    }

    private record Run(LocalCloud cloud, Ledger ledger, Map<String, Job> sent) {
    }

    private static Run run(boolean fifo, boolean idempotent, int count) {
        Ledger ledger = new Ledger();
        SplittableRandom random = new SplittableRandom(SEED);
        Set<Integer> poison = new HashSet<>();
        for (int n = 0; n < count; n++) {
            if (random.nextDouble() < 0.005) {
                poison.add(n);
            }
        }
        PortableFunction function = PortableFunction.event(Job.class, new FlakyFunction(ledger, poison));
        if (idempotent) {
            function = function.with(Idempotency.middleware(new InMemoryIdempotencyStore()));
        }
        LocalCloud cloud = LocalCloud.create(Preset.of(Provider.AWS), SEED).deploy("worker", function);
        if (fifo) {
            cloud.createFifoQueue("jobs.fifo").subscribe("jobs.fifo", "worker");
        } else {
            cloud.createQueue("jobs").subscribe("jobs", "worker");
        }
        Map<String, Job> sent = new LinkedHashMap<>();
        for (int n = 0; n < count; n++) {
            Job job = new Job(n, "g-" + (n % 50));
            sent.put(fifo ? cloud.sendToGroup("jobs.fifo", job.group(), job) : cloud.send("jobs", job), job);
        }
        assertThat(cloud.runUntilIdle(Duration.ofDays(2))).as("the queue drains").isTrue();
        return new Run(cloud, ledger, sent);
    }

    private static void assertNothingLostNothingTwice(Run run, String queue) {
        Map<String, Integer> effects = run.ledger().effects;
        Map<String, DeadLetter> deadLettered = new HashMap<>();
        run.cloud().deadLetters(queue).forEach(letter -> deadLettered.put(letter.messageId(), letter));

        assertThat(run.cloud().messages(queue)).as("nothing left in the queue").isEmpty();
        assertThat(effects.values()).as("no message took effect twice").allMatch(count -> count == 1);
        List<String> lost = run.sent().keySet().stream()
                .filter(id -> !effects.containsKey(id) && !deadLettered.containsKey(id)).toList();
        assertThat(lost).as("every message took effect or is dead-lettered").isEmpty();
        assertThat(deadLettered.values()).as("dead-lettered only after the last attempt")
                .allSatisfy(letter -> assertThat(letter.attempts()).isEqualTo(3));
        assertThat(run.cloud().messages(queue + "-dlq")).hasSize(deadLettered.size());
        assertThat(deadLettered.keySet()).as("poison jobs are dead-lettered").isNotEmpty();
        assertThat(run.ledger().timeouts).as("timeouts happened").isPositive();
        assertThat(run.ledger().crashes).as("crashes happened").isPositive();
        assertThat(run.ledger().exceptions).as("exceptions happened").isPositive();
    }

    @Test
    void tenThousandMessagesTakeEffectExactlyOnceOrAreDeadLetteredUnderFaults() {
        Run run = run(false, true, MESSAGES);

        assertNothingLostNothingTwice(run, "jobs");
        assertThat(run.ledger().effects.size() + run.cloud().deadLetters("jobs").size())
                .isGreaterThanOrEqualTo(MESSAGES);
    }

    @Test
    void tenThousandFifoMessagesTakeEffectOnceInOrderPerGroupUnderFaults() {
        Run run = run(true, true, MESSAGES);

        assertNothingLostNothingTwice(run, "jobs.fifo");
        assertThat(run.ledger().orderByGroup).hasSize(50);
        run.ledger().orderByGroup.forEach((group, order) ->
                assertThat(order).as("group %s in send order", group).isSorted().doesNotHaveDuplicates());
    }

    @Test
    void withoutIdempotencyTheSameFaultsMakeDuplicateEffects() {
        Run run = run(false, false, 2_000);

        assertThat(run.ledger().effects.values()).as("timeouts and lost batches redeliver work that took effect")
                .anyMatch(count -> count > 1);
        assertThat(run.cloud().messages("jobs")).isEmpty();
    }
}
