package dev.portablefn.idempotency;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An {@link IdempotencyStore} in one relational table, shared by every instance of a function, on PostgreSQL,
 * MySQL or MariaDB, SQL Server, Oracle or H2 (told apart by {@code DatabaseMetaData.getDatabaseProductName()}).
 *
 * <p>The table, in PostgreSQL's words ({@link #ddl()} gives each database's, with a binary collation for the key
 * where the default one ignores case, and an index on {@code expires_at}):
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS portablefn_idempotency (
 *     idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
 *     status          VARCHAR(16)  NOT NULL,   -- IN_PROGRESS or COMPLETED
 *     owner_token     VARCHAR(64),             -- the claim's owner; renew, complete and release match it
 *     expires_at      BIGINT       NOT NULL,   -- epoch milliseconds of the database's clock
 *     result          BYTEA                    -- LONGBLOB, VARBINARY(MAX) or BLOB elsewhere
 * );
 * CREATE INDEX IF NOT EXISTS portablefn_idempotency_expires_at ON portablefn_idempotency (expires_at);
 * }</pre>
 * <ul>
 *   <li>Claims are atomic: an {@code INSERT} that loses to an existing key (PostgreSQL's {@code ON CONFLICT DO
 *       NOTHING}, elsewhere a unique-key violation, SQL state class 23), then a conditional {@code UPDATE ... WHERE
 *       expires_at <= now} that only one caller can win takes over a lapsed claim.</li>
 *   <li>Expiry is judged by the database's clock ({@code CURRENT_TIMESTAMP} in the SQL; {@code SYSUTCDATETIME()} on
 *       SQL Server, {@code UNIX_TIMESTAMP()} on MySQL), so instances whose clocks disagree still agree on which
 *       claims lapsed; the {@code now} the middleware passes is not used.</li>
 *   <li>Keys longer than 255 characters (the key column) are stored as {@code sha256:} and the
 *       hex digest of their UTF-8 bytes.</li>
 *   <li>Before its first claim the store checks the table: it must exist with every column, and
 *       {@code idempotency_key} must be its primary key or alone in a unique index, or claims would not be
 *       exclusive. A table that fails the check is reported on every call, naming the statement that fixes it,
 *       until it is fixed.</li>
 * </ul>
 * Each call borrows a connection from the {@link DataSource} and runs in auto-commit, so use a pool of its own:
 * a connection handed out with auto-commit off is switched on for the call (which, as JDBC defines it, commits the
 * connection's pending work) and switched back off before it is returned. Database errors are thrown as
 * {@link IllegalStateException}s naming the table and key.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

    /** The default table name. */
    public static final String DEFAULT_TABLE = "portablefn_idempotency";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");
    private static final List<String> COLUMNS = List.of("idempotency_key", "status", "owner_token", "expires_at", "result");
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String COMPLETED = "COMPLETED";

    private final DataSource dataSource;
    private final String table;
    private final String clockOverride;
    private volatile SqlDialect dialect;
    private volatile boolean tableChecked;

    private JdbcIdempotencyStore(DataSource dataSource, String table, String clockOverride) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("idempotency table name '" + table
                    + "' is not a plain SQL identifier (letters, digits, '_', optionally schema-qualified)");
        }
        this.table = table;
        this.clockOverride = clockOverride;
    }

    /**
     * Gives a store on the {@value #DEFAULT_TABLE} table; nothing is read from the database yet.
     *
     * @param dataSource where the table lives
     * @return a store using the {@value #DEFAULT_TABLE} table
     * @throws NullPointerException if {@code dataSource} is {@code null}
     */
    public static JdbcIdempotencyStore of(DataSource dataSource) {
        return new JdbcIdempotencyStore(dataSource, DEFAULT_TABLE, null);
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
        return new JdbcIdempotencyStore(dataSource, table, null);
    }

    /** A copy that reads "now" in epoch milliseconds from an SQL expression of the test's own, not the clock. */
    JdbcIdempotencyStore withDatabaseTime(String nowMillisSql) {
        return new JdbcIdempotencyStore(dataSource, table, nowMillisSql);
    }

    /**
     * Gives the statements that create this store's table and its index on {@code expires_at} in the database's
     * dialect, for migrations; each does nothing when its object exists.
     *
     * @return the statements, to run in order
     * @throws IllegalStateException if the database cannot be reached or is not a supported product
     */
    public List<String> ddl() {
        return run("could not connect to find the database product", false, (connection, sql) ->
                sql.createStatements(table));
    }

    /**
     * Creates the table and its index when they do not exist, then checks the table; prefer a migration tool in
     * production.
     *
     * @return this store
     * @throws IllegalStateException if a statement fails, or the existing table fails the check
     */
    public JdbcIdempotencyStore createTableIfMissing() {
        return run("could not create the idempotency table", false, (connection, sql) -> {
            try (Statement statement = connection.createStatement()) {
                for (String ddl : sql.createStatements(table)) {
                    statement.execute(ddl);
                }
            }
            checkTable(connection, sql);
            return this;
        });
    }

    @Override
    public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
        String stored = columnKey(key);
        Objects.requireNonNull(owner, "owner");
        long leaseMillis = lease.toMillis();
        return run("could not claim idempotency key '" + key + "'", true, (connection, sql) -> {
            // A record may be released between our statements; a few rounds settle it.
            for (int round = 0; round < 3; round++) {
                if (insert(connection, sql, stored, IN_PROGRESS, owner, leaseMillis, null)) {
                    return StartResult.started();
                }
                if (takeOverLapsed(connection, stored, IN_PROGRESS, owner, leaseMillis, null)) {
                    return StartResult.started();
                }
                StartResult live = readLive(connection, stored);
                if (live != null) {
                    return live;
                }
            }
            return StartResult.inProgress();
        });
    }

    @Override
    public boolean renew(String key, String owner, Instant now, Duration lease) {
        String stored = columnKey(key);
        return run("could not renew the claim on idempotency key '" + key + "'", true, (connection, sql) -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET expires_at = "
                    + now() + " + ? WHERE idempotency_key = ? AND owner_token = ? AND status = ?")) {
                update.setLong(1, lease.toMillis());
                update.setString(2, stored);
                update.setString(3, owner);
                update.setString(4, IN_PROGRESS);
                return update.executeUpdate() > 0;
            }
        });
    }

    @Override
    public boolean complete(String key, String owner, byte[] result, Instant now, Duration ttl) {
        String stored = columnKey(key);
        byte[] bytes = result == null ? new byte[0] : result;
        long ttlMillis = ttl.toMillis();
        return run("could not record idempotency key '" + key + "' as completed", true, (connection, sql) -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET status = ?, expires_at = "
                    + now() + " + ?, result = ? WHERE idempotency_key = ? AND owner_token = ?")) {
                update.setString(1, COMPLETED);
                update.setLong(2, ttlMillis);
                update.setBytes(3, bytes);
                update.setString(4, stored);
                update.setString(5, owner);
                if (update.executeUpdate() > 0) {
                    return true;
                }
            }
            // The claim vanished (purged) or lapsed; record the result anyway so duplicates see it, unless
            // another owner holds the key now.
            return insert(connection, sql, stored, COMPLETED, owner, ttlMillis, bytes)
                    || takeOverLapsed(connection, stored, COMPLETED, owner, ttlMillis, bytes);
        });
    }

    @Override
    public boolean release(String key, String owner) {
        String stored = columnKey(key);
        return run("could not release idempotency key '" + key + "'", true, (connection, sql) -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE idempotency_key = ? AND owner_token = ? AND status = ?")) {
                delete.setString(1, stored);
                delete.setString(2, owner);
                delete.setString(3, IN_PROGRESS);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /**
     * Deletes records that expired by the database's clock; schedule it to keep the table small (the index on
     * {@code expires_at} keeps it cheap).
     *
     * @return how many records were deleted
     * @throws IllegalStateException if the database fails
     */
    public int purgeExpired() {
        return run("could not purge expired idempotency records", true, (connection, sql) -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                    + " WHERE expires_at <= " + now())) {
                return delete.executeUpdate();
            }
        });
    }

    /** The key as the key column holds it: itself, or its digest when longer than the column. */
    static String columnKey(String key) {
        Objects.requireNonNull(key, "key");
        return key.length() <= SqlDialect.KEY_COLUMN_LENGTH ? key : "sha256:" + Digests.sha256Hex(key);
    }

    private boolean insert(Connection connection, SqlDialect sql, String key, String status, String owner,
                           long lifeMillis, byte[] result) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql.insertIgnoringConflict("INSERT INTO " + table
                + " (idempotency_key, status, owner_token, expires_at, result) VALUES (?, ?, ?, " + now() + " + ?, ?)"))) {
            insert.setString(1, key);
            insert.setString(2, status);
            insert.setString(3, owner);
            insert.setLong(4, lifeMillis);
            insert.setBytes(5, result);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private boolean takeOverLapsed(Connection connection, String key, String status, String owner, long lifeMillis,
                                   byte[] result) throws SQLException {
        String now = now();
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET status = ?, owner_token = ?,"
                + " expires_at = " + now + " + ?, result = ? WHERE idempotency_key = ? AND expires_at <= " + now)) {
            update.setString(1, status);
            update.setString(2, owner);
            update.setLong(3, lifeMillis);
            update.setBytes(4, result);
            update.setString(5, key);
            return update.executeUpdate() == 1;
        }
    }

    private StartResult readLive(Connection connection, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT status, result FROM " + table
                + " WHERE idempotency_key = ? AND expires_at > " + now())) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                return COMPLETED.equals(row.getString(1)) ? StartResult.completed(row.getBytes(2)) : StartResult.inProgress();
            }
        }
    }

    private String now() {
        return clockOverride != null ? clockOverride : dialect.nowMillis();
    }

    /** Runs one unit of work in auto-commit, restoring the connection's own auto-commit mode afterwards. */
    private <T> T run(String what, boolean needsCheckedTable, SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            if (!autoCommit) {
                connection.setAutoCommit(true);
            }
            try {
                SqlDialect sql = dialect(connection);
                if (needsCheckedTable && !tableChecked) {
                    checkTable(connection, sql);
                }
                return work.run(connection, sql);
            } finally {
                if (!autoCommit) {
                    connection.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " in table " + table + ": " + e.getMessage()
                    + " (SQL state " + e.getSQLState() + ")", e);
        } catch (TableProblem problem) {
            throw new IllegalStateException(what + ": idempotency table " + table + " " + problem.getMessage());
        }
    }

    private SqlDialect dialect(Connection connection) throws SQLException {
        SqlDialect known = dialect;
        if (known == null) {
            known = SqlDialect.forProduct(connection.getMetaData().getDatabaseProductName());
            dialect = known;
        }
        return known;
    }

    /** Checks once that the table exists with every column and a unique key, so claims are exclusive. */
    private void checkTable(Connection connection, SqlDialect sql) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        TableName name = TableName.of(table, meta, sql, connection);
        Set<String> columns = columns(meta, name);
        if (columns.isEmpty() && table.indexOf('.') < 0 && name.schema() != null) {
            name = new TableName(name.catalog(), null, name.table());   // on the search path, not in the first schema
            columns = columns(meta, name);
        }
        if (columns.isEmpty()) {
            throw new TableProblem("does not exist; create it with createTableIfMissing() or with: "
                    + String.join(";\n", sql.createStatements(table)));
        }
        List<String> fixes = new ArrayList<>();
        for (String column : COLUMNS) {
            if (!columns.contains(column)) {
                fixes.add(sql.addColumn(table, column));
            }
        }
        if (!fixes.isEmpty()) {
            throw new TableProblem("lacks columns this version needs; add them with: " + String.join(";\n", fixes));
        }
        if (!keyIsUnique(meta, name)) {
            throw new TableProblem("has no primary key or unique index on idempotency_key alone, so two instances could"
                    + " both claim a key; add one with: ALTER TABLE " + table + " ADD PRIMARY KEY (idempotency_key)");
        }
        tableChecked = true;
    }

    private static Set<String> columns(DatabaseMetaData meta, TableName name) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet rows = meta.getColumns(name.catalog(), name.schema(), name.table(), null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return columns;
    }

    private static boolean keyIsUnique(DatabaseMetaData meta, TableName name) throws SQLException {
        Set<String> primaryKey = new HashSet<>();
        try (ResultSet rows = meta.getPrimaryKeys(name.catalog(), name.schema(), name.table())) {
            while (rows.next()) {
                primaryKey.add(rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        if (primaryKey.equals(Set.of("idempotency_key"))) {
            return true;
        }
        Map<String, Set<String>> uniqueIndexes = new HashMap<>();
        try (ResultSet rows = meta.getIndexInfo(name.catalog(), name.schema(), name.table(), true, true)) {
            while (rows.next()) {
                String index = rows.getString("INDEX_NAME");
                String column = rows.getString("COLUMN_NAME");
                if (index != null && column != null && !rows.getBoolean("NON_UNIQUE")) {
                    uniqueIndexes.computeIfAbsent(index, i -> new HashSet<>()).add(column.toLowerCase(Locale.ROOT));
                }
            }
        }
        return uniqueIndexes.containsValue(Set.of("idempotency_key"));
    }

    /** One unit of work on a borrowed connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection connection, SqlDialect sql) throws SQLException;
    }

    /** What is wrong with the table, in words that end a sentence starting with its name. */
    private static final class TableProblem extends RuntimeException {
        TableProblem(String message) {
            super(message, null, false, false);
        }
    }

    /** The table's name split and cased the way the driver's metadata wants it. */
    private record TableName(String catalog, String schema, String table) {

        static TableName of(String qualified, DatabaseMetaData meta, SqlDialect sql, Connection connection)
                throws SQLException {
            int dot = qualified.indexOf('.');
            String table = cased(qualified.substring(dot + 1), meta);
            String qualifier = dot < 0 ? null : cased(qualified.substring(0, dot), meta);
            if (sql.schemasAreCatalogs()) {
                return new TableName(qualifier != null ? qualifier : connection.getCatalog(), null, table);
            }
            return new TableName(null, qualifier != null ? qualifier : currentSchema(connection), table);
        }

        private static String currentSchema(Connection connection) {
            try {
                return connection.getSchema();
            } catch (SQLException | AbstractMethodError e) {
                return null;   // a driver older than JDBC 4.1: search every schema
            }
        }

        private static String cased(String identifier, DatabaseMetaData meta) throws SQLException {
            if (meta.storesUpperCaseIdentifiers()) {
                return identifier.toUpperCase(Locale.ROOT);
            }
            return meta.storesLowerCaseIdentifiers() ? identifier.toLowerCase(Locale.ROOT) : identifier;
        }
    }
}
