package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.idempotency.IdempotencyStore.Status;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JDBC store on an in-memory H2 database: its own dialect, DDL and clock, run for real. */
class H2IdempotencyStoreTest {

    private final JdbcDataSource database = new JdbcDataSource();
    private final JdbcIdempotencyStore store;
    private final DatabaseTimeStore simulatedClockStore;

    H2IdempotencyStoreTest() {
        // A database per test instance, kept while any connection is open; DB_CLOSE_DELAY keeps it between calls.
        database.setURL("jdbc:h2:mem:idempotency-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = JdbcIdempotencyStore.of(database).createTableIfMissing();
        simulatedClockStore = DatabaseTimeStore.on(database);
    }

    @Nested
    class Contract extends IdempotencyStoreContract {
        @Override
        IdempotencyStore store() {
            return simulatedClockStore;
        }
    }

    @Nested
    class ClaimLeases extends ClaimLeaseContract {
        @Override
        IdempotencyStore store() {
            return simulatedClockStore;
        }
    }

    @Test
    void onlyOneOfManySimultaneousClaimsStarts() throws Exception {
        assertThat(InMemoryIdempotencyStoreTest.StoreRaces.startsAmongSimultaneousClaims(store, 8)).isEqualTo(1);
    }

    @Test
    void claimLivesByTheDatabaseClock() throws Exception {
        String key = IdempotencyStoreContract.uniqueKey();

        store.tryStart(key, "o", Instant.parse("2000-01-01T00:00:00Z"), Duration.ofMinutes(1));

        assertThat(store.tryStart(key, "p", Instant.parse("2100-01-01T00:00:00Z"), Duration.ofMinutes(1)).status())
                .isEqualTo(Status.IN_PROGRESS);
        long now = System.currentTimeMillis();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + SqlDialect.H2.nowMillis())) {
            row.next();
            assertThat(row.getLong(1)).isBetween(now - 60_000, now + 60_000);
        }
    }

    @Test
    void createTableIfMissingIsRepeatableAndIndexesExpiry() throws Exception {
        store.createTableIfMissing();

        try (Connection connection = database.getConnection();
             ResultSet indexes = connection.getMetaData().getIndexInfo(null, "PUBLIC", "PORTABLEFN_IDEMPOTENCY", false, true)) {
            java.util.List<String> indexed = new java.util.ArrayList<>();
            while (indexes.next()) {
                indexed.add(indexes.getString("COLUMN_NAME"));
            }
            assertThat(indexed).contains("EXPIRES_AT");
        }
    }
}
