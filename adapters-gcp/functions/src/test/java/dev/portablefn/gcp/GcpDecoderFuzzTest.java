package dev.portablefn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.Decoded;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutates every recorded GCP event (wrapped as CloudEvents and as legacy events) with a fixed seed —
 * truncation, type swaps, huge strings and numbers, deep nesting, invalid UTF-8 and base64, missing
 * fields — and checks each case ends, within a bound, in a decoded event or a classified permanent error:
 * never a NullPointerException, ClassCastException, StackOverflowError or hang.
 */
class GcpDecoderFuzzTest {

    private static final int CASES = 12_000;
    private static final long SEED = Long.getLong("gcp.fuzz.seed", 0x5EED_2026L);
    private static final long CASE_TIMEOUT_SECONDS = 10;

    private static ExecutorService worker;

    @BeforeAll
    static void startWorker() {
        worker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "gcp-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stopWorker() {
        worker.shutdownNow();
    }

    @Test
    void everyMutatedFixtureDecodesOrFailsWithAClassifiedError() throws InterruptedException {
        Random random = new Random(SEED);
        List<JsonNode> seeds = GcpEventMutations.seeds();
        GcpDecoder decoder = new GcpDecoder();
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            JsonNode seed = seeds.get(random.nextInt(seeds.size()));
            byte[] payload = GcpEventMutations.mutate(seed, random);
            Future<Decoded> result = worker.submit(() -> decoder.decode(payload));
            try {
                Decoded value = result.get(CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                assertThat(value).isInstanceOf(Decoded.Events.class);
                decoded++;
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (!(cause instanceof PermanentFailure)) {
                    fail("case " + i + " (seed " + SEED + ") threw " + cause + " for " + preview(payload), cause);
                }
                assertThat(cause.getMessage()).as("error message of case %d", i).isNotBlank();
                rejected++;
            } catch (TimeoutException hung) {
                result.cancel(true);
                fail("case " + i + " (seed " + SEED + ") did not finish in " + CASE_TIMEOUT_SECONDS + " s: " + preview(payload));
            }
        }
        assertThat(decoded + rejected).isEqualTo(CASES);
        assertThat(decoded).as("mutations that still decode").isGreaterThan(CASES / 20);
        assertThat(rejected).as("mutations that are rejected").isGreaterThan(CASES / 20);
    }

    private static String preview(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "... (" + payload.length + " bytes)" : text;
    }
}
