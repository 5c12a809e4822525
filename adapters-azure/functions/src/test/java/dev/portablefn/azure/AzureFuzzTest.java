package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.Decoded;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Seeded mutations of every recorded payload: each case must decode or fail with a classified
 * {@link PermanentFailure} (normally {@code EventDecodingException}) within a bound; HTTP requests that
 * decode must get a 2xx or 4xx answer, never a 5xx.
 */
class AzureFuzzTest {

    private static final long SEED = 0x5EED_A2E1L;
    private static final int CASES = 12_000;
    private static final JacksonCodec CODEC = JacksonCodec.standard();
    private static ExecutorService executor;

    private final AzureDecoder decoder = new AzureDecoder();
    private final FunctionRunner http = FunctionRunner.of(PortableFunction.http((request, ctx) -> {
        Map<?, ?> body = request.bodyLength() == 0 ? Map.of() : request.bodyAs(Map.class);
        return HttpResponse.ok().json(Map.of("fields", body.size(), "path", request.path()));
    }));

    @BeforeAll
    static void start() {
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "azure-fuzz");
            thread.setDaemon(true);
            return thread;
        });
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    @Test
    void everyMutatedPayloadDecodesOrFailsClassified() throws Exception {
        Random random = new Random(SEED);
        List<JsonNode> trees = new ArrayList<>();
        List<byte[]> raws = new ArrayList<>();
        for (String fixture : Fixtures.ALL) {
            raws.add(Fixtures.bytes(fixture));
            trees.add(CODEC.readTree(Fixtures.bytes(fixture)));
        }
        int decoded = 0;
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            int source = i % trees.size();
            byte[] payload = PayloadMutations.mutate(random, trees.get(source), raws.get(source));
            Future<String> outcome = executor.submit(() -> run(payload));
            String result;
            try {
                result = outcome.get(5, TimeUnit.SECONDS);
            } catch (TimeoutException hang) {
                outcome.cancel(true);
                fail("case %d (seed %d, fixture %s) did not finish within 5 s", i, SEED, Fixtures.ALL.get(source));
                return;
            } catch (ExecutionException unexpected) {
                throw new AssertionError("case " + i + " from " + Fixtures.ALL.get(source) + " failed unclassified on: "
                        + abbreviate(payload), unexpected.getCause());
            }
            if (result.equals("decoded")) {
                decoded++;
            } else {
                rejected++;
            }
        }
        assertThat(decoded + rejected).isEqualTo(CASES);
        assertThat(decoded).as("mutations that still decode").isGreaterThan(CASES / 10);
        assertThat(rejected).as("mutations that are rejected").isGreaterThan(CASES / 10);
    }

    private String run(byte[] payload) {
        Decoded result;
        try {
            result = decoder.decode(payload);
        } catch (PermanentFailure classified) {
            assertThat(classified.getMessage()).isNotBlank();
            return "rejected";
        }
        if (result instanceof Decoded.Http request) {
            HttpResponse response = http.http(request.request(), Context.builder().requestId("fuzz").functionName("fuzz")
                    .provider(Provider.AZURE).build());
            assertThat(response.status()).as("HTTP status for %s", request.request()).isBetween(200, 499);
        } else {
            assertThat(((Decoded.Events) result).events()).isNotEmpty();
        }
        return "decoded";
    }

    private static String abbreviate(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        return text.length() > 400 ? text.substring(0, 400) + "..." : text;
    }
}
