package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.idempotency.IdempotencyStore.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InMemoryIdempotencyStoreTest {

    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Nested
    class Contract extends IdempotencyStoreContract {
        @Override
        IdempotencyStore store() {
            return store;
        }
    }

    @Nested
    class ThroughTheRunner extends IdempotencyMiddlewareContract {
        @Override
        IdempotencyStore store() {
            return store;
        }
    }

    @Nested
    class ClaimLeases extends ClaimLeaseContract {
        @Override
        IdempotencyStore store() {
            return store;
        }
    }

    @Test
    void onlyOneOfManySimultaneousClaimsStarts() throws Exception {
        assertThat(StoreRaces.startsAmongSimultaneousClaims(store, 16)).isEqualTo(1);
    }

    @Test
    void purgeRemovesOnlyExpiredRecords() {
        store.tryStart("old", "a", IdempotencyStoreContract.T0, Duration.ofSeconds(1));
        store.tryStart("new", "b", IdempotencyStoreContract.T0, Duration.ofHours(1));

        int purged = store.purgeExpired(IdempotencyStoreContract.T0.plusSeconds(2));

        assertThat(purged).isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
    }

    /** Lines up threads on one key and counts how many were told to start. */
    static final class StoreRaces {
        private StoreRaces() {
        }

        static long startsAmongSimultaneousClaims(IdempotencyStore store, int threads) throws Exception {
            String key = IdempotencyStoreContract.uniqueKey();
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Status>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<Status> claim = () -> {
                        ready.countDown();
                        go.await(10, TimeUnit.SECONDS);
                        return store.tryStart(key, IdempotencyStoreContract.owner(), IdempotencyStoreContract.T0,
                                IdempotencyStoreContract.TTL).status();
                    };
                    results.add(pool.submit(claim));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                long started = 0;
                for (Future<Status> result : results) {
                    Status status = result.get(30, TimeUnit.SECONDS);
                    assertThat(status).isIn(Status.STARTED, Status.IN_PROGRESS);
                    if (status == Status.STARTED) {
                        started++;
                    }
                }
                return started;
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
