package dev.portablefn.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An {@link IdempotencyStore} in one relational table, shared by every instance of a function.
 * Each call borrows a connection from the {@link DataSource} and runs in auto-commit, so use a pool.
 *
 * <p>The table (PostgreSQL shown; {@link #createTableIfMissing()} runs it):
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS portablefn_idempotency (
 *     idempotency_key VARCHAR(255) PRIMARY KEY,
 *     status          VARCHAR(16)  NOT NULL,   -- IN_PROGRESS or COMPLETED
 *     expires_at      BIGINT       NOT NULL,   -- epoch milliseconds, from the invocation's clock
 *     result          BYTEA                    -- BLOB / VARBINARY elsewhere
 * )
 * }</pre>
 * Claims are atomic: an {@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL (elsewhere a plain
 * {@code INSERT} whose unique-key violation, SQL state class 23, means "taken"), then a conditional
 * {@code UPDATE ... WHERE expires_at <= now} that only one caller can win takes over expired records.
 * Database errors are thrown as {@link IllegalStateException}s naming the table and key.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "portablefn_idempotency";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DataSource dataSource;
    private final String table;
    private volatile Boolean postgres;

    private JdbcIdempotencyStore(DataSource dataSource, String table) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("idempotency table name '" + table
                    + "' is not a plain SQL identifier (letters, digits, '_', optionally schema-qualified)");
        }
        this.table = table;
    }

    /**
     * Gives a store on the {@value #DEFAULT_TABLE} table; nothing is read from the database yet.
     *
     * @param dataSource where the table lives
     * @return a store using the {@value #DEFAULT_TABLE} table
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    public static JdbcIdempotencyStore of(DataSource dataSource) {
        return new JdbcIdempotencyStore(dataSource, DEFAULT_TABLE);
    }

    /**
     * Gives a store on a table of the application's choosing; nothing is read from the database yet.
     *
     * @param dataSource where the table lives
     * @param table      the table name, optionally schema-qualified
     * @return a store using that table
     * @throws IllegalArgumentException if the name is not a plain SQL identifier
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    public static JdbcIdempotencyStore of(DataSource dataSource, String table) {
        return new JdbcIdempotencyStore(dataSource, table);
    }

    /**
     * Gives the statement that creates this store's table, for migrations, in the database's dialect
     * ({@code BYTEA} results on PostgreSQL, {@code BLOB} elsewhere).
     *
     * @return the {@code CREATE TABLE IF NOT EXISTS} statement
     * @throws IllegalStateException if the database cannot be reached to learn which product it is
     */
    public String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + table + " ("
                + "idempotency_key VARCHAR(255) PRIMARY KEY, "
                + "status VARCHAR(16) NOT NULL, "
                + "expires_at BIGINT NOT NULL, "
                + "result " + (isPostgres() ? "BYTEA" : "BLOB") + ")";
    }

    /**
     * Creates the table when it does not exist; prefer a migration tool in production.
     *
     * @return this store
     * @throws IllegalStateException if the DDL fails
     */
    public JdbcIdempotencyStore createTableIfMissing() {
        String ddl = ddl();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw failure("could not create the idempotency table with: " + ddl, e);
        }
        return this;
    }

    @Override
    public StartResult tryStart(String key, Instant now, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            // A record may be released between our statements; a few rounds settle it.
            for (int round = 0; round < 3; round++) {
                if (insert(connection, key, expiresAt)) {
                    return StartResult.started();
                }
                if (takeOverExpired(connection, key, now, expiresAt)) {
                    return StartResult.started();
                }
                StartResult existing = read(connection, key, now);
                if (existing != null) {
                    return existing;
                }
            }
            return StartResult.inProgress();
        } catch (SQLException e) {
            throw failure("could not claim idempotency key '" + key + "'", e);
        }
    }

    @Override
    public void complete(String key, byte[] result, Instant expiresAt) {
        Objects.requireNonNull(key, "key");
        byte[] bytes = result == null ? new byte[0] : result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET status = ?, expires_at = ?, result = ? WHERE idempotency_key = ?")) {
                update.setString(1, COMPLETED);
                update.setLong(2, expiresAt.toEpochMilli());
                update.setBytes(3, bytes);
                update.setString(4, key);
                if (update.executeUpdate() > 0) {
                    return;
                }
            }
            // The claim vanished (released or purged); record the result anyway so duplicates see it.
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table
                    + " (idempotency_key, status, expires_at, result) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, COMPLETED);
                insert.setLong(3, expiresAt.toEpochMilli());
                insert.setBytes(4, bytes);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("could not record idempotency key '" + key + "' as completed", e);
        }
    }

    @Override
    public void release(String key) {
        Objects.requireNonNull(key, "key");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                     + " WHERE idempotency_key = ? AND status = ?")) {
            connection.setAutoCommit(true);
            delete.setString(1, key);
            delete.setString(2, IN_PROGRESS);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not release idempotency key '" + key + "'", e);
        }
    }

    /**
     * Deletes records that expired at or before {@code now}; schedule it to keep the table small.
     *
     * @param now the current time
     * @return how many records were deleted
     */
    public int purgeExpired(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE expires_at <= ?")) {
            connection.setAutoCommit(true);
            delete.setLong(1, now.toEpochMilli());
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw failure("could not purge expired idempotency records", e);
        }
    }

    private boolean insert(Connection connection, String key, Instant expiresAt) throws SQLException {
        String sql = "INSERT INTO " + table + " (idempotency_key, status, expires_at, result) VALUES (?, ?, ?, NULL)"
                + (isPostgres(connection) ? " ON CONFLICT (idempotency_key) DO NOTHING" : "");
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, key);
            insert.setString(2, IN_PROGRESS);
            insert.setLong(3, expiresAt.toEpochMilli());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private boolean takeOverExpired(Connection connection, String key, Instant now, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                + " SET status = ?, expires_at = ?, result = NULL WHERE idempotency_key = ? AND expires_at <= ?")) {
            update.setString(1, IN_PROGRESS);
            update.setLong(2, expiresAt.toEpochMilli());
            update.setString(3, key);
            update.setLong(4, now.toEpochMilli());
            return update.executeUpdate() == 1;
        }
    }

    private StartResult read(Connection connection, String key, Instant now) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT status, expires_at, result FROM " + table
                + " WHERE idempotency_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (row.getLong(2) <= now.toEpochMilli()) {
                    return null;
                }
                return COMPLETED.equals(row.getString(1)) ? StartResult.completed(row.getBytes(3)) : StartResult.inProgress();
            }
        }
    }

    private boolean isPostgres() {
        try (Connection connection = dataSource.getConnection()) {
            return isPostgres(connection);
        } catch (SQLException e) {
            throw failure("could not connect to find the database product", e);
        }
    }

    private boolean isPostgres(Connection connection) throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            postgres = known;
        }
        return known;
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException(what + " in table " + table + ": " + e.getMessage()
                + " (SQL state " + e.getSQLState() + ")", e);
    }
}
