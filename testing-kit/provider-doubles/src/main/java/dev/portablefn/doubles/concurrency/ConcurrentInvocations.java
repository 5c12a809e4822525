package dev.portablefn.doubles.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs invocations on several threads at once, as a platform's worker pool does with one function instance: all
 * threads are released together by a barrier, and each runs its share of invocations back to back. Invocations are
 * numbered {@code 0} to {@code threads × perThread - 1}, so each can carry ids of its own and be checked against
 * them afterwards.
 */
public final class ConcurrentInvocations {

    private static final long BOUND_SECONDS = 120;

    private ConcurrentInvocations() {
    }

    /** One numbered invocation. */
    @FunctionalInterface
    public interface Invocation {
        /**
         * Runs invocation {@code number}.
         *
         * @param number the invocation's number, unique across all threads
         * @throws Exception when the invocation fails; {@link #run} rethrows the first failure
         */
        void run(int number) throws Exception;
    }

    /**
     * Runs {@code threads × perThread} invocations on {@code threads} threads started together, and waits for them.
     *
     * @param threads    how many threads run at once
     * @param perThread  how many invocations each thread runs
     * @param invocation what one invocation does
     * @throws AssertionError if an invocation failed (with its failure as the cause) or the threads did not finish
     *                        within two minutes
     */
    public static void run(int threads, int perThread, Invocation invocation) {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>(threads);
            for (int t = 0; t < threads; t++) {
                int first = t * perThread;
                running.add(pool.submit(() -> {
                    start.await(BOUND_SECONDS, TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        invocation.run(first + i);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get(BOUND_SECONDS, TimeUnit.SECONDS);
            }
        } catch (ExecutionException failed) {
            throw new AssertionError("a concurrent invocation failed: " + failed.getCause(), failed.getCause());
        } catch (TimeoutException | InterruptedException stuck) {
            throw new AssertionError("the concurrent invocations did not finish within " + BOUND_SECONDS + " s", stuck);
        } finally {
            pool.shutdownNow();
        }
    }
}
