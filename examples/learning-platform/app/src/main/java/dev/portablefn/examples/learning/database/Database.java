package dev.portablefn.examples.learning.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portablefn.api.RetryableException;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The platform's PostgreSQL: a connection pool sized for functions, and the schema migrations
 * ({@code db/migration} on the class path) applied when a container starts.
 */
public final class Database {

    /** Where the migrations are, on the class path. */
    public static final String MIGRATIONS = "classpath:db/migration";

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    private Database() {
    }

    /**
     * Opens a pool; no connection is made until one is needed.
     *
     * <p>Why these numbers: a function container runs one invocation at a time on Lambda and a few at once on Cloud
     * Functions and Azure, and every container holds its own pool, so the database sees {@code containers × pool
     * size} connections; a small server (RDS {@code db.t4g.micro}, a shared-core Cloud SQL or a Burstable Azure
     * server) accepts around a hundred. Two connections per container (the default, and the least: the migrations at
     * start hold two) let one invocation's work overlap another's while fifty containers still fit. One connection is kept open between invocations, so a warm container
     * does not pay for TCP and TLS again; the second closes after {@code 60 s} idle. Waiting for a connection gives up
     * after the connect timeout (3 s by default) and the server cancels a statement after the statement timeout (5 s),
     * so one wait plus one statement (8 s) ends below the shortest function timeout in the descriptors (10 s, the HTTP
     * APIs): a slow or unreachable database fails the invocation with a {@code RetryableException} (a 503, or a
     * redelivery) instead of the platform killing it without a word. The socket timeout, their sum, catches a network
     * that drops without telling either side. A function with a longer timeout and heavier queries (the nightly
     * report's 300 s) can raise them in its settings. Behind a pooler that refuses startup options (PgBouncer in
     * transaction mode) set {@code statement_timeout} on the database role instead.
     *
     * @param settings where the database is and the limits
     * @return the pool; close it to close its connections
     */
    public static HikariDataSource pool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("learning-platform");
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(1);
        config.setIdleTimeout(IDLE_TIMEOUT.toMillis());
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setValidationTimeout(Math.min(Duration.ofSeconds(1).toMillis(), settings.connectTimeout().toMillis() / 2));
        config.setInitializationFailTimeout(-1);   // connect on first use: the migrations report an unreachable database
        long connectSeconds = settings.connectTimeout().toSeconds();
        long statementSeconds = settings.statementTimeout().toSeconds();
        config.addDataSourceProperty("connectTimeout", connectSeconds);
        config.addDataSourceProperty("loginTimeout", connectSeconds);
        config.addDataSourceProperty("socketTimeout", connectSeconds + statementSeconds);
        config.addDataSourceProperty("options", "-c statement_timeout=" + settings.statementTimeout().toMillis());
        config.addDataSourceProperty("ApplicationName", "portablefn-learning-platform");
        return new HikariDataSource(config);
    }

    /**
     * Brings the schema up to date: applies the migrations not applied yet, in version order, and does nothing when
     * every one is. Containers starting at once are safe: Flyway holds a PostgreSQL advisory lock while it migrates.
     *
     * @param dataSource the database
     * @return how many migrations were applied
     * @throws RetryableException    when the database cannot be reached or is busy
     * @throws IllegalStateException when a migration fails or was changed after it was applied
     */
    public static int migrate(DataSource dataSource) {
        try {
            return Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate().migrationsExecuted;
        } catch (FlywayException e) {
            String message = "could not migrate the learning platform's database: " + e.getMessage();
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql && Jdbc.isTransient(sql)) {
                    throw new RetryableException(message, e);
                }
            }
            throw new IllegalStateException(message, e);
        }
    }
}
