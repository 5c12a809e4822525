package dev.portablefn.doubles.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentInvocationsTest {

    @Test
    void runsEveryNumberOnceOnAsManyThreadsAsAsked() {
        Set<Integer> numbers = ConcurrentHashMap.newKeySet();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();

        ConcurrentInvocations.run(4, 50, number -> {
            calls.incrementAndGet();
            numbers.add(number);
            threads.add(Thread.currentThread());
        });

        assertThat(calls).hasValue(200);
        assertThat(numbers).hasSize(200).allSatisfy(number -> assertThat(number).isBetween(0, 199));
        assertThat(threads).hasSize(4);
    }

    @Test
    void aFailedInvocationIsRethrownAsAnAssertionErrorWithItsCause() {
        IllegalStateException failure = new IllegalStateException("invocation 7 saw another's id");

        assertThatThrownBy(() -> ConcurrentInvocations.run(2, 10, number -> {
            if (number == 7) {
                throw failure;
            }
        })).isInstanceOf(AssertionError.class).hasCause(failure).hasMessageContaining("invocation 7 saw another's id");
    }
}
