package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The production renewals on their shared thread, with a short period and bounded awaits instead of sleeps. */
class SharedLeaseRenewalsTest {

    private static final Duration PERIOD = Duration.ofMillis(5);

    @Test
    void renewsOnADaemonThreadUntilTheRenewalAnswersFalse() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        AtomicReference<Thread> thread = new AtomicReference<>();
        CountDownLatch thirdRun = new CountDownLatch(1);
        SharedLeaseRenewals.INSTANCE.every(PERIOD, () -> {
            thread.set(Thread.currentThread());
            if (runs.incrementAndGet() == 3) {
                thirdRun.countDown();
                return false;
            }
            return true;
        });

        assertThat(thirdRun.await(10, TimeUnit.SECONDS)).isTrue();
        awaitTwoRunsOfAnotherRenewal();

        assertThat(runs).as("no renewal after it answered false").hasValue(3);
        assertThat(thread.get().isDaemon()).isTrue();
        assertThat(thread.get().getName()).isEqualTo("portablefn-idempotency-lease-renewal");
    }

    @Test
    void stopperEndsTheRenewals() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstRun = new CountDownLatch(1);
        Runnable stop = SharedLeaseRenewals.INSTANCE.every(PERIOD, () -> {
            runs.incrementAndGet();
            firstRun.countDown();
            return true;
        });
        assertThat(firstRun.await(10, TimeUnit.SECONDS)).isTrue();

        stop.run();
        awaitTwoRunsOfAnotherRenewal();   // a renewal already running when stopped has finished by now
        int afterStop = runs.get();
        awaitTwoRunsOfAnotherRenewal();

        assertThat(runs.get()).isEqualTo(afterStop);
    }

    /** One thread runs every renewal in turn, so a stopped one would have run again while another ran twice. */
    private static void awaitTwoRunsOfAnotherRenewal() throws InterruptedException {
        CountDownLatch twoRuns = new CountDownLatch(2);
        SharedLeaseRenewals.INSTANCE.every(PERIOD, () -> {
            twoRuns.countDown();
            return twoRuns.getCount() > 0;
        });
        assertThat(twoRuns.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
