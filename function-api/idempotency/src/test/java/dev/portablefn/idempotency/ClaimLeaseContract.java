package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.idempotency.IdempotencyMiddlewareContract.Payment;
import dev.portablefn.idempotency.IdempotencyStore.Status;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Claims as leases: owner tokens, sizing from the deadline, renewal while the function runs, and waiting for a
 * held key on hosts that redeliver at once. Time is simulated, so a 20-minute invocation takes none.
 */
abstract class ClaimLeaseContract {

    static final Instant T0 = IdempotencyMiddlewareContract.T0;
    static final String FUNCTION = IdempotencyMiddlewareContract.FUNCTION;

    abstract IdempotencyStore store();

    private final SimulatedTime time = new SimulatedTime(T0);
    private final AtomicInteger runs = new AtomicInteger();

    /** An Azure context: the host tells no deadline. */
    Context azure() {
        return Context.builder().requestId("req-" + UUID.randomUUID()).functionName(FUNCTION).provider(Provider.AZURE)
                .clock(time).build();
    }

    Context withDeadline(Provider provider, Duration left) {
        return Context.builder().requestId("req-" + UUID.randomUUID()).functionName(FUNCTION).provider(provider)
                .clock(time).deadline(time.instant().plus(left)).build();
    }

    FunctionRunner runner(IdempotencyStore store, IdempotencyConfig config, dev.portablefn.api.EventFunction<Payment> fn) {
        return FunctionRunner.of(PortableFunction.event(Payment.class, fn)
                .with(new IdempotencyMiddleware(store, config, time, time)));
    }

    static Event<byte[]> event(String id) {
        return IdempotencyMiddlewareContract.paymentEvent(id, "p-" + id);
    }

    static String keyOf(String eventId) {
        return IdempotencyMiddleware.storageKey(FUNCTION, eventId);
    }

    @Test
    void serviceBusRunLongerThanItsLeaseKeepsTheClaimSoARedeliveryDoesNotRunBesideIt() {
        String id = "sb-" + UUID.randomUUID();
        AtomicReference<FunctionRunner> runner = new AtomicReference<>();
        List<Outcome> redeliveries = new ArrayList<>();
        runner.set(runner(store(), IdempotencyConfig.defaults(), (event, context) -> {
            if (runs.incrementAndGet() == 1) {
                time.advance(Duration.ofMinutes(16));   // past the old fixed 15-minute lease
                redeliveries.add(runner.get().event(event(id), azure()));
                time.advance(Duration.ofMinutes(4));
            }
        }));

        Outcome first = runner.get().event(event(id), azure());
        Outcome later = runner.get().event(event(id), azure());

        assertThat(first.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(redeliveries).singleElement().extracting(Outcome::status).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(later.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(runs).hasValue(1);
        assertThat(time.renewalsRun()).isGreaterThanOrEqualTo(20 * 60 / 40);
        assertThat(time.activeRenewals()).isZero();
    }

    @Test
    void failedRunsReleaseLeavesTheClaimARedeliveryTookOverAfterItLapsed() {
        String id = "sb-" + UUID.randomUUID();
        IdempotencyStore unreachableForRenewals = new ForwardingStore(store()) {
            @Override
            public boolean renew(String key, String owner, Instant now, Duration lease) {
                throw new IllegalStateException("store unreachable");
            }
        };
        List<Status> takeover = new ArrayList<>();
        FunctionRunner runner = runner(unreachableForRenewals, IdempotencyConfig.defaults(), (event, context) -> {
            time.advance(Duration.ofMinutes(3));   // every renewal failed, so the 2-minute claim lapsed
            takeover.add(store().tryStart(keyOf(id), "redelivery-elsewhere", time.instant(), Duration.ofMinutes(2)).status());
            throw new IllegalStateException("the first run fails after all");
        });

        Outcome first = runner.event(event(id), azure());

        assertThat(first.isSuccess()).isFalse();
        assertThat(takeover).containsExactly(Status.STARTED);
        assertThat(store().tryStart(keyOf(id), "third", time.instant().plusSeconds(1), Duration.ofMinutes(2)).status())
                .as("the redelivery's claim survives the first run's release").isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void leaseIsSizedFromTheDeadlineAndNotRenewedWhenTheDeadlineIsKnown() {
        LeaseRecordingStore recording = new LeaseRecordingStore(store());
        FunctionRunner runner = runner(recording, IdempotencyConfig.defaults(), (event, context) ->
                time.advance(Duration.ofSeconds(25)));

        runner.event(event("aws-" + UUID.randomUUID()), withDeadline(Provider.AWS, Duration.ofSeconds(30)));

        assertThat(recording.leases).containsExactly(Duration.ofSeconds(30).plus(IdempotencyConfig.IN_PROGRESS_GRACE));
        assertThat(time.renewalsRun()).isZero();
    }

    @Test
    void leaseWithoutADeadlineIsTheFallbackRenewedEveryThirdOfIt() {
        LeaseRecordingStore recording = new LeaseRecordingStore(store());
        FunctionRunner runner = runner(recording, IdempotencyConfig.defaults(), (event, context) ->
                time.advance(Duration.ofMinutes(2)));

        runner.event(event("gcp-" + UUID.randomUUID()), Context.builder().requestId("r").functionName(FUNCTION)
                .provider(Provider.GCP).clock(time).build());

        assertThat(recording.leases).containsExactly(IdempotencyConfig.FALLBACK_IN_PROGRESS_TTL);
        assertThat(recording.renewals).isEqualTo(3);
        assertThat(time.activeRenewals()).isZero();
    }

    @Test
    void azureQueueRetryWaitsForACrashedInstancesClaimToLapseInsteadOfBurningAnAttempt() {
        String id = "aq-" + UUID.randomUUID();
        store().tryStart(keyOf(id), "crashed-instance", T0, IdempotencyConfig.FALLBACK_IN_PROGRESS_TTL);
        time.advance(Duration.ofSeconds(10));
        FunctionRunner runner = runner(store(), IdempotencyConfig.defaults(), (event, context) -> runs.incrementAndGet());

        Outcome retry = runner.event(event(id), azure());

        assertThat(retry.status()).isEqualTo(Outcome.Status.SUCCEEDED);
        assertThat(runs).hasValue(1);
        assertThat(time.instant()).isAfterOrEqualTo(T0.plus(IdempotencyConfig.FALLBACK_IN_PROGRESS_TTL));
        assertThat(time.slept()).isLessThanOrEqualTo(IdempotencyConfig.FALLBACK_IN_PROGRESS_TTL);
        assertThat(time.sleeps()).first().isEqualTo(IdempotencyMiddleware.FIRST_PAUSE);
        assertThat(time.sleeps()).allMatch(pause -> pause.compareTo(IdempotencyMiddleware.LONGEST_PAUSE) <= 0);
    }

    @Test
    void azureWaitForALiveClaimIsBoundedByTheLeaseThenFailsRetryable() {
        String id = "aq-" + UUID.randomUUID();
        store().tryStart(keyOf(id), "long-runner", T0, Duration.ofHours(1));
        FunctionRunner runner = runner(store(), IdempotencyConfig.defaults(), (event, context) -> runs.incrementAndGet());

        Outcome retry = runner.event(event(id), azure());

        assertThat(retry.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(retry.failure()).isInstanceOf(RetryableException.class).hasMessageContaining("waited");
        assertThat(time.slept()).isEqualTo(IdempotencyConfig.FALLBACK_IN_PROGRESS_TTL);
        assertThat(runs).hasValue(0);
    }

    @Test
    void waitIsBoundedByTheDeadline() {
        String id = "w-" + UUID.randomUUID();
        store().tryStart(keyOf(id), "long-runner", T0, Duration.ofHours(1));
        FunctionRunner runner = runner(store(), IdempotencyConfig.defaults().withInProgressWait(Duration.ofMinutes(5)),
                (event, context) -> runs.incrementAndGet());

        Outcome retry = runner.event(event(id), withDeadline(Provider.AWS, Duration.ofSeconds(60)));

        assertThat(retry.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(60).minus(IdempotencyConfig.IN_PROGRESS_GRACE));
    }

    @Test
    void sqsDuplicateOfARunningInvocationFailsAtOnceBecauseSqsRedeliversLater() {
        String id = "sqs-" + UUID.randomUUID();
        store().tryStart(keyOf(id), "long-runner", T0, Duration.ofHours(1));
        FunctionRunner runner = runner(store(), IdempotencyConfig.defaults(), (event, context) -> runs.incrementAndGet());

        Outcome duplicate = runner.event(event(id), withDeadline(Provider.AWS, Duration.ofMinutes(5)));

        assertThat(duplicate.status()).isEqualTo(Outcome.Status.RETRYABLE_FAILURE);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void httpDuplicateOfARunningRequestGets503WithoutWaitingEvenOnAzure() {
        String key = UUID.randomUUID().toString();
        store().tryStart(IdempotencyMiddleware.storageKey(FUNCTION, java.util.Optional.empty(), key), "long-runner", T0,
                Duration.ofHours(1));
        FunctionRunner runner = FunctionRunner.of(PortableFunction.http((request, context) -> HttpResponse.ok())
                .with(new IdempotencyMiddleware(store(), IdempotencyConfig.defaults(), time, time)));

        HttpResponse response = runner.http(IdempotencyMiddlewareContract.postPayment(key, "{}"), azure());

        assertThat(response.status()).isEqualTo(503);
        assertThat(time.sleeps()).isEmpty();
    }

    /** Passes every call on; tests override the one they change. */
    static class ForwardingStore implements IdempotencyStore {
        private final IdempotencyStore delegate;

        ForwardingStore(IdempotencyStore delegate) {
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
            return delegate.complete(key, owner, result, now, ttl);
        }

        @Override
        public boolean release(String key, String owner) {
            return delegate.release(key, owner);
        }
    }

    /** Records the lease of each claim and counts renewals. */
    static final class LeaseRecordingStore extends ForwardingStore {
        final List<Duration> leases = new ArrayList<>();
        int renewals;

        LeaseRecordingStore(IdempotencyStore delegate) {
            super(delegate);
        }

        @Override
        public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
            leases.add(lease);
            return super.tryStart(key, owner, now, lease);
        }

        @Override
        public boolean renew(String key, String owner, Instant now, Duration lease) {
            renewals++;
            return super.renew(key, owner, now, lease);
        }
    }
}
