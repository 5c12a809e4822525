package dev.portablefn.examples.learning.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs the same kind of call from several threads released at once, to prove a guard holds under a race. */
public final class Race {

    private Race() {
    }

    /**
     * @param threads how many threads race
     * @param call    the call each thread makes, given its number
     * @return each thread's result, in thread order
     */
    public static <T> List<T> of(int threads, IntFunction<T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int thread = i;
                Callable<T> racer = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return call.apply(thread);
                };
                futures.add(pool.submit(racer));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
