package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.http.Cookie;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The idempotency guarantees, proven through {@link FunctionRunner}; subclasses supply the store. */
abstract class IdempotencyMiddlewareContract {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final String FUNCTION = "payments";

    /** An event payload the function binds. */
    record Payment(String paymentId, long cents) {
    }

    abstract IdempotencyStore store();

    private final AtomicInteger invocations = new AtomicInteger();

    static Context contextAt(Instant now) {
        return Context.builder().requestId("req-" + UUID.randomUUID()).functionName(FUNCTION).provider(Provider.AWS)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).deadline(now.plusSeconds(30)).build();
    }

    static Event<byte[]> paymentEvent(String eventId, String paymentId) {
        return Event.<byte[]>builder().id(eventId).source("queue:payments").type("aws:sqs").trigger(Trigger.QUEUE)
                .data(("{\"paymentId\":\"" + paymentId + "\",\"cents\":1250}").getBytes(StandardCharsets.UTF_8)).build();
    }

    static HttpRequest postPayment(String idempotencyKey, String body) {
        HttpRequest.Builder builder = HttpRequest.builder("POST", "/payments").header("Content-Type", "application/json")
                .body(body);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return builder.build();
    }

    FunctionRunner eventRunner(IdempotencyConfig config) {
        return FunctionRunner.of(PortableFunction.event(Payment.class, (event, context) -> invocations.incrementAndGet())
                .with(Idempotency.middleware(store(), config)));
    }

    FunctionRunner httpRunner(IdempotencyConfig config) {
        return FunctionRunner.of(PortableFunction.http((request, context) -> {
            int run = invocations.incrementAndGet();
            return HttpResponse.status(201).header("X-Run", String.valueOf(run)).json(request.bodyAs(Payment.class));
        }).with(Idempotency.middleware(store(), config)));
    }

    @Test
    void duplicateEventIsAcknowledgedWithoutRunningAgain() {
        FunctionRunner runner = eventRunner(IdempotencyConfig.defaults());
        Event<byte[]> event = paymentEvent("evt-" + UUID.randomUUID(), "p-1");

        Outcome first = runner.event(event, contextAt(T0));
        Outcome duplicate = runner.event(event, contextAt(T0.plusSeconds(60)));

        assertThat(first.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(duplicate.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(invocations).hasValue(1);
    }

    @Test
    void duplicateHttpRequestGetsTheStoredResponseWithoutRunningAgain() {
        FunctionRunner runner = httpRunner(IdempotencyConfig.defaults());
        String key = UUID.randomUUID().toString();
        String body = "{\"paymentId\":\"p-2\",\"cents\":990}";

        HttpResponse first = runner.http(postPayment(key, body), contextAt(T0));
        HttpResponse duplicate = runner.http(postPayment(key, body), contextAt(T0.plusSeconds(60)));

        assertThat(invocations).hasValue(1);
        assertThat(first.status()).isEqualTo(201);
        assertThat(duplicate.status()).isEqualTo(201);
        assertThat(duplicate.bodyAsString()).isEqualTo(first.bodyAsString()).contains("\"paymentId\":\"p-2\"");
        assertThat(duplicate.contentType()).isEqualTo(first.contentType());
        assertThat(duplicate.header("X-Run")).contains("1");
        assertThat(duplicate.header("Idempotent-Replayed")).contains("true");
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void reusingAnHttpKeyForADifferentRequestIsRejectedWith422() {
        FunctionRunner runner = httpRunner(IdempotencyConfig.defaults());
        String key = UUID.randomUUID().toString();
        runner.http(postPayment(key, "{\"paymentId\":\"p-3\",\"cents\":1}"), contextAt(T0));

        HttpResponse reused = runner.http(postPayment(key, "{\"paymentId\":\"p-3\",\"cents\":2}"), contextAt(T0.plusSeconds(1)));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.bodyAsString()).contains("Idempotency-Key");
        assertThat(invocations).hasValue(1);
    }

    @Test
    void httpRequestWithoutKeyIsRejectedWith400ByDefault() {
        HttpResponse response = httpRunner(IdempotencyConfig.defaults())
                .http(postPayment(null, "{\"paymentId\":\"p\",\"cents\":1}"), contextAt(T0));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyAsString()).contains("Idempotency-Key");
        assertThat(invocations).hasValue(0);
    }

    @Test
    void httpRequestWithoutKeyRunsEveryTimeWhenAllowed() {
        FunctionRunner runner = httpRunner(IdempotencyConfig.defaults().allowingMissingKey());
        String body = "{\"paymentId\":\"p\",\"cents\":1}";

        runner.http(postPayment(null, body), contextAt(T0));
        HttpResponse second = runner.http(postPayment(null, body), contextAt(T0));

        assertThat(second.status()).isEqualTo(201);
        assertThat(invocations).hasValue(2);
    }

    @Test
    void serverErrorResponseIsNotStoredSoARetryRuns() {
        AtomicInteger runs = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) ->
                        runs.incrementAndGet() == 1 ? HttpResponse.status(502) : HttpResponse.ok().text("done"))
                .with(Idempotency.middleware(store())));
        String key = UUID.randomUUID().toString();

        HttpResponse first = runner.http(postPayment(key, "{}"), contextAt(T0));
        HttpResponse retry = runner.http(postPayment(key, "{}"), contextAt(T0.plusSeconds(1)));

        assertThat(first.status()).isEqualTo(502);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.bodyAsString()).isEqualTo("done");
        assertThat(runs).hasValue(2);
    }

    static List<Supplier<RuntimeException>> failures() {
        return List.of(() -> new RetryableException("dependency down"), () -> new PermanentFailure("bad payment"),
                () -> new IllegalStateException("bug"));
    }

    @ParameterizedTest
    @MethodSource("failures")
    void failedInvocationReleasesTheKeySoTheRetryRuns(Supplier<RuntimeException> failure) {
        AtomicInteger runs = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.event(Payment.class, (event, context) -> {
            if (runs.incrementAndGet() == 1) {
                throw failure.get();
            }
        }).with(Idempotency.middleware(store())));
        Event<byte[]> event = paymentEvent("evt-" + UUID.randomUUID(), "p-4");

        Outcome first = runner.event(event, contextAt(T0));
        Outcome retry = runner.event(event, contextAt(T0.plusSeconds(1)));
        Outcome duplicate = runner.event(event, contextAt(T0.plusSeconds(2)));

        assertThat(first.isSuccess()).isFalse();
        assertThat(first.failure()).isInstanceOf(failure.get().getClass());
        assertThat(retry.isSuccess()).isTrue();
        assertThat(duplicate.isSuccess()).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void concurrentDeliveriesOfTheSameEventRunTheFunctionOnce() throws Exception {
        CountDownLatch bothClaimed = new CountDownLatch(2);
        IdempotencyStore lined = new ArrivalSignallingStore(store(), bothClaimed);
        AtomicInteger runs = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.event(Payment.class, (event, context) -> {
            runs.incrementAndGet();
            // Hold the first delivery inside the function until the duplicate has been to the store.
            assertThat(bothClaimed.await(10, TimeUnit.SECONDS)).isTrue();
        }).with(Idempotency.middleware(lined)));
        Event<byte[]> event = paymentEvent("evt-" + UUID.randomUUID(), "p-5");

        List<Outcome> outcomes = deliverSimultaneously(() -> runner.event(event, contextAt(T0)));

        assertThat(runs).hasValue(1);
        assertThat(outcomes).extracting(Outcome::status)
                .containsExactlyInAnyOrder(Outcome.Status.SUCCEEDED, Outcome.Status.RETRYABLE_FAILURE);
        assertThat(outcomes).filteredOn(o -> !o.isSuccess()).first()
                .extracting(Outcome::failure).isInstanceOf(RetryableException.class);
    }

    @Test
    void concurrentDuplicateHttpRequestGets503AndTheFunctionRunsOnce() throws Exception {
        CountDownLatch bothClaimed = new CountDownLatch(2);
        IdempotencyStore lined = new ArrivalSignallingStore(store(), bothClaimed);
        AtomicInteger runs = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> {
            runs.incrementAndGet();
            assertThat(bothClaimed.await(10, TimeUnit.SECONDS)).isTrue();
            return HttpResponse.ok().text("charged");
        }).with(Idempotency.middleware(lined)));
        String key = UUID.randomUUID().toString();

        List<HttpResponse> responses = deliverSimultaneously(() -> runner.http(postPayment(key, "{}"), contextAt(T0)));

        assertThat(runs).hasValue(1);
        assertThat(responses).extracting(HttpResponse::status).containsExactlyInAnyOrder(200, 503);
    }

    @Test
    void crashedInvocationBlocksDuplicatesOnlyUntilItsInProgressTtlPasses() {
        Duration ttl = Duration.ofSeconds(40);
        FunctionRunner runner = eventRunner(IdempotencyConfig.defaults().withInProgressTtl(ttl));
        String eventId = "evt-" + UUID.randomUUID();
        // A delivery claimed the key and then the container died: nothing completed or released it.
        store().tryStart(IdempotencyMiddleware.storageKey(FUNCTION, eventId), "crashed-instance", T0, ttl);

        Outcome whileClaimed = runner.event(paymentEvent(eventId, "p-6"), contextAt(T0.plusSeconds(10)));
        Outcome afterTtl = runner.event(paymentEvent(eventId, "p-6"), contextAt(T0.plus(ttl).plusSeconds(1)));

        assertThat(whileClaimed.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(whileClaimed.failure()).isInstanceOf(RetryableException.class).hasMessageContaining(eventId);
        assertThat(afterTtl.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(invocations).hasValue(1);
    }

    @Test
    void completedResultIsForgottenAfterTheCompletedTtl() {
        FunctionRunner runner = eventRunner(IdempotencyConfig.defaults().withCompletedTtl(Duration.ofMinutes(5)));
        Event<byte[]> event = paymentEvent("evt-" + UUID.randomUUID(), "p-7");

        runner.event(event, contextAt(T0));
        runner.event(event, contextAt(T0.plus(Duration.ofMinutes(4))));
        runner.event(event, contextAt(T0.plus(Duration.ofMinutes(6))));

        assertThat(invocations).hasValue(2);
    }

    @Test
    void jsonFieldKeyDeduplicatesRedeliveriesThatCarryNewEventIds() {
        FunctionRunner runner = eventRunner(Idempotency.key(KeyExtractors.jsonField("paymentId")));
        String paymentId = "pay-" + UUID.randomUUID();

        runner.event(paymentEvent("evt-a-" + UUID.randomUUID(), paymentId), contextAt(T0));
        runner.event(paymentEvent("evt-b-" + UUID.randomUUID(), paymentId), contextAt(T0.plusSeconds(1)));
        runner.event(paymentEvent("evt-c-" + UUID.randomUUID(), "other-" + paymentId), contextAt(T0.plusSeconds(2)));

        assertThat(invocations).hasValue(2);
    }

    @Test
    void eventWithoutTheConfiguredFieldFailsPermanently() {
        FunctionRunner runner = eventRunner(Idempotency.key(KeyExtractors.jsonField("orderId")));

        Outcome outcome = runner.event(paymentEvent("evt-" + UUID.randomUUID(), "p-8"), contextAt(T0));

        assertThat(outcome.status()).isEqualTo(Outcome.Status.PERMANENT_FAILURE);
        assertThat(outcome.failure()).hasMessageContaining("JSON field orderId");
        assertThat(invocations).hasValue(0);
    }

    @Test
    void twoFunctionsFedTheSameEventEachRunIt() {
        AtomicInteger other = new AtomicInteger();
        FunctionRunner first = eventRunner(IdempotencyConfig.defaults());
        FunctionRunner second = FunctionRunner.of(PortableFunction.event(Payment.class, (e, c) -> other.incrementAndGet())
                .with(Idempotency.middleware(store())));
        Event<byte[]> event = paymentEvent("evt-" + UUID.randomUUID(), "p-9");
        Context secondContext = Context.builder().requestId("r").functionName("ledger").provider(Provider.AWS)
                .clock(Clock.fixed(T0, ZoneOffset.UTC)).build();

        first.event(event, contextAt(T0));
        second.event(event, secondContext);
        second.event(event, secondContext);

        assertThat(invocations).hasValue(1);
        assertThat(other).hasValue(1);
    }

    static HttpRequest postPayment(String idempotencyKey, String authorization, String body, String... query) {
        HttpRequest.Builder builder = postPayment(idempotencyKey, body).toBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i < query.length; i += 2) {
            builder.queryParameter(query[i], query[i + 1]);
        }
        return builder.build();
    }

    /** Answers 201 with a session cookie named after the caller, so a leaked replay shows whose it was. */
    FunctionRunner cookieRunner(IdempotencyConfig config) {
        return FunctionRunner.of(PortableFunction.http((request, context) -> {
            int run = invocations.incrementAndGet();
            String caller = request.header("Authorization").orElse("anonymous");
            return HttpResponse.status(201).header("X-Run", String.valueOf(run))
                    .cookie(Cookie.of("session", "session-of-" + caller.replace(' ', '-')))
                    .json(java.util.Map.of("caller", caller));
        }).with(Idempotency.middleware(store(), config)));
    }

    @Test
    void callerReusingAnotherCallersKeyRunsAsItsOwnRequestAndGetsNoneOfItsResponse() {
        FunctionRunner runner = cookieRunner(IdempotencyConfig.defaults());
        String key = UUID.randomUUID().toString();
        String body = "{\"paymentId\":\"p-10\",\"cents\":100}";

        HttpResponse callerA = runner.http(postPayment(key, "Bearer token-a", body), contextAt(T0));
        HttpResponse callerB = runner.http(postPayment(key, "Bearer token-b", body), contextAt(T0.plusSeconds(1)));

        assertThat(invocations).hasValue(2);
        assertThat(callerB.header("Idempotent-Replayed")).isEmpty();
        assertThat(callerB.bodyAsString()).contains("token-b").doesNotContain("token-a");
        assertThat(callerB.cookies()).noneMatch(cookie -> cookie.contains("token-a"));
        assertThat(callerA.cookies()).singleElement().asString().contains("session-of-Bearer-token-a");
    }

    @Test
    void replayNeverCarriesSetCookieAndTheStoreNeverHoldsIt() {
        RecordingStore recording = new RecordingStore(store());
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> {
            invocations.incrementAndGet();
            return HttpResponse.status(201).cookie(Cookie.of("session", "s3cr3t-session")).text("created");
        }).with(Idempotency.middleware(recording)));
        String key = UUID.randomUUID().toString();

        HttpResponse first = runner.http(postPayment(key, "Bearer a", "{}"), contextAt(T0));
        HttpResponse replay = runner.http(postPayment(key, "Bearer a", "{}"), contextAt(T0.plusSeconds(1)));

        assertThat(invocations).hasValue(1);
        assertThat(first.cookies()).singleElement().asString().contains("s3cr3t-session");
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(replay.bodyAsString()).isEqualTo("created");
        assertThat(replay.cookies()).isEmpty();
        assertThat(new String(recording.lastCompleted, StandardCharsets.UTF_8)).doesNotContainIgnoringCase("cookie")
                .doesNotContain("s3cr3t-session");
    }

    @Test
    void sameKeyWithADifferentQueryIsRejectedWith422() {
        FunctionRunner runner = httpRunner(IdempotencyConfig.defaults());
        String key = UUID.randomUUID().toString();
        String body = "{\"paymentId\":\"p-11\",\"cents\":1}";

        HttpResponse first = runner.http(postPayment(key, "Bearer a", body, "amount", "100"), contextAt(T0));
        HttpResponse other = runner.http(postPayment(key, "Bearer a", body, "amount", "5000"), contextAt(T0.plusSeconds(1)));
        HttpResponse same = runner.http(postPayment(key, "Bearer a", body, "amount", "100"), contextAt(T0.plusSeconds(2)));

        assertThat(first.status()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(same.status()).isEqualTo(201);
        assertThat(same.header("Idempotent-Replayed")).contains("true");
        assertThat(invocations).hasValue(1);
    }

    @Test
    void configuredPrincipalLetsACallerWithARefreshedTokenGetItsOwnStoredResponse() {
        FunctionRunner runner = httpRunner(IdempotencyConfig.defaults()
                .withPrincipal(request -> request.header("X-User")));
        String key = UUID.randomUUID().toString();
        String body = "{\"paymentId\":\"p-12\",\"cents\":1}";

        runner.http(postPayment(key, "Bearer old", body).toBuilder().header("X-User", "ada").build(), contextAt(T0));
        HttpResponse refreshed = runner.http(postPayment(key, "Bearer new", body).toBuilder().header("X-User", "ada")
                .build(), contextAt(T0.plusSeconds(1)));
        HttpResponse otherUser = runner.http(postPayment(key, "Bearer new", body).toBuilder().header("X-User", "bob")
                .build(), contextAt(T0.plusSeconds(2)));

        assertThat(refreshed.header("Idempotent-Replayed")).contains("true");
        assertThat(otherUser.header("Idempotent-Replayed")).isEmpty();
        assertThat(invocations).hasValue(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 401, 403, 404, 409, 429})
    void responseOutsideTwoHundredsIsNotStoredSoTheRetryRuns(int status) {
        AtomicInteger runs = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) ->
                        runs.incrementAndGet() == 1 ? HttpResponse.status(status) : HttpResponse.ok().text("done"))
                .with(Idempotency.middleware(store())));
        String key = UUID.randomUUID().toString();

        HttpResponse first = runner.http(postPayment(key, "{}"), contextAt(T0));
        HttpResponse retry = runner.http(postPayment(key, "{}"), contextAt(T0.plusSeconds(1)));

        assertThat(first.status()).isEqualTo(status);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEmpty();
        assertThat(runs).hasValue(2);
    }

    @Test
    void allowListedStatusIsStoredAndReplayed() {
        AtomicInteger runs = new AtomicInteger();
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> {
            runs.incrementAndGet();
            return HttpResponse.status(409).text("already enrolled");
        }).with(Idempotency.middleware(store(), IdempotencyConfig.defaults().alsoStoring(409))));
        String key = UUID.randomUUID().toString();

        runner.http(postPayment(key, "{}"), contextAt(T0));
        HttpResponse replay = runner.http(postPayment(key, "{}"), contextAt(T0.plusSeconds(1)));

        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.bodyAsString()).isEqualTo("already enrolled");
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(runs).hasValue(1);
    }

    @Test
    void responseOverTheStoredSizeCapIsStoredAsItsStatusAlone() {
        RecordingStore recording = new RecordingStore(store());
        String large = "x".repeat(5_000);
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> {
            invocations.incrementAndGet();
            return HttpResponse.status(201).header("Location", "/payments/1").text(large);
        }).with(Idempotency.middleware(recording, IdempotencyConfig.defaults().withMaxStoredResponseBytes(1_000))));
        String key = UUID.randomUUID().toString();

        HttpResponse first = runner.http(postPayment(key, "{\"n\":1}"), contextAt(T0));
        HttpResponse replay = runner.http(postPayment(key, "{\"n\":1}"), contextAt(T0.plusSeconds(1)));
        HttpResponse different = runner.http(postPayment(key, "{\"n\":2}"), contextAt(T0.plusSeconds(2)));

        assertThat(first.bodyAsString()).isEqualTo(large);
        assertThat(recording.lastCompleted.length).isLessThanOrEqualTo(1_000);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEmpty();
        assertThat(replay.header("Idempotent-Replayed")).contains("true");
        assertThat(different.status()).isEqualTo(422);
        assertThat(invocations).hasValue(1);
    }

    private static <R> List<R> deliverSimultaneously(java.util.concurrent.Callable<R> delivery) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Callable<R> lined = () -> {
                start.await(10, TimeUnit.SECONDS);
                return delivery.call();
            };
            Future<R> a = pool.submit(lined);
            Future<R> b = pool.submit(lined);
            start.countDown();
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Keeps the last result handed to {@code complete}, so a test can look at what the store holds. */
    static final class RecordingStore implements IdempotencyStore {
        private final IdempotencyStore delegate;
        volatile byte[] lastCompleted;

        RecordingStore(IdempotencyStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
            return delegate.tryStart(key, owner, now, lease);
        }

        @Override
        public boolean renew(String key, String owner, Instant now, Duration lease) {
            return delegate.renew(key, owner, now, lease);
        }

        @Override
        public boolean complete(String key, String owner, byte[] result, Instant now, Duration ttl) {
            lastCompleted = result.clone();
            return delegate.complete(key, owner, result, now, ttl);
        }

        @Override
        public boolean release(String key, String owner) {
            return delegate.release(key, owner);
        }
    }

    /** Counts a latch down each time a claim has been answered, so a test can line deliveries up. */
    private static final class ArrivalSignallingStore implements IdempotencyStore {
        private final IdempotencyStore delegate;
        private final CountDownLatch claimed;

        ArrivalSignallingStore(IdempotencyStore delegate, CountDownLatch claimed) {
            this.delegate = delegate;
            this.claimed = claimed;
        }

        @Override
        public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
            StartResult result = delegate.tryStart(key, owner, now, lease);
            claimed.countDown();
            return result;
        }

        @Override
        public boolean renew(String key, String owner, Instant now, Duration lease) {
            return delegate.renew(key, owner, now, lease);
        }

        @Override
        public boolean complete(String key, String owner, byte[] result, Instant now, Duration ttl) {
            return delegate.complete(key, owner, result, now, ttl);
        }

        @Override
        public boolean release(String key, String owner) {
            return delegate.release(key, owner);
        }
    }
}
