package dev.portablefn.examples.learning.database;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.postgresql.Driver;

/**
 * Where the platform's PostgreSQL is and how long a function may wait for it, read from the deployment's settings.
 * RDS and Aurora, Cloud SQL and Azure Database for PostgreSQL all take the same settings:
 * <ul>
 *   <li>{@value #URL}: {@code jdbc:postgresql://host:5432/database}, with any driver parameters
 *       ({@code ?sslmode=require}); when it is not set the platform stays in memory;</li>
 *   <li>{@value #USER} and {@value #PASSWORD}: the credentials, unless the URL carries them;</li>
 *   <li>{@value #POOL_SIZE}: connections per container, {@value #DEFAULT_POOL_SIZE} by default and at least
 *       {@value #MIN_POOL_SIZE};</li>
 *   <li>{@value #CONNECT_TIMEOUT}: seconds to wait for a connection, {@value #DEFAULT_CONNECT_TIMEOUT_SECONDS} by
 *       default;</li>
 *   <li>{@value #STATEMENT_TIMEOUT}: seconds one statement may run, {@value #DEFAULT_STATEMENT_TIMEOUT_SECONDS} by
 *       default.</li>
 * </ul>
 * {@link Database#pool} explains the defaults.
 *
 * @param url              the JDBC URL, {@code jdbc:postgresql:} followed by the server and database
 * @param user             the user, or {@code null} when the URL names it
 * @param password         the password, or {@code null} when the URL carries it or none is needed
 * @param poolSize         the most connections this container opens, at least {@value #MIN_POOL_SIZE}
 * @param connectTimeout   the longest wait for a connection, at least one second
 * @param statementTimeout the longest one statement may run, at least one second
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration connectTimeout,
                               Duration statementTimeout) {

    /** The setting naming the database; the platform is in memory without it. */
    public static final String URL = "PORTABLEFN_DATABASE_URL";
    /** The setting naming the database user. */
    public static final String USER = "PORTABLEFN_DATABASE_USER";
    /** The setting holding the database password. */
    public static final String PASSWORD = "PORTABLEFN_DATABASE_PASSWORD";
    /** The setting sizing the pool. */
    public static final String POOL_SIZE = "PORTABLEFN_DATABASE_POOL_SIZE";
    /** The setting bounding the wait for a connection, in seconds. */
    public static final String CONNECT_TIMEOUT = "PORTABLEFN_DATABASE_CONNECT_TIMEOUT_SECONDS";
    /** The setting bounding one statement, in seconds. */
    public static final String STATEMENT_TIMEOUT = "PORTABLEFN_DATABASE_STATEMENT_TIMEOUT_SECONDS";

    /** Connections per container unless {@value #POOL_SIZE} says otherwise. */
    public static final int DEFAULT_POOL_SIZE = 2;
    /** The smallest pool: the migrations a container runs at start hold two connections at once. */
    public static final int MIN_POOL_SIZE = 2;
    /** Seconds to wait for a connection unless {@value #CONNECT_TIMEOUT} says otherwise. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 3;
    /** Seconds one statement may run unless {@value #STATEMENT_TIMEOUT} says otherwise. */
    public static final int DEFAULT_STATEMENT_TIMEOUT_SECONDS = 5;

    /**
     * Checks the settings.
     *
     * @throws IllegalArgumentException naming the setting, when the URL is not a PostgreSQL JDBC URL, the pool is
     *                                  smaller than {@value #MIN_POOL_SIZE} or a timeout is under a second
     */
    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (Driver.parseURL(url, new Properties()) == null) {   // the driver's own reading: null unless it is its URL
            throw new IllegalArgumentException(URL + " must be a PostgreSQL JDBC URL such as"
                    + " jdbc:postgresql://host:5432/learning, not '" + withoutCredentials(url) + "'");
        }
        if (poolSize < MIN_POOL_SIZE) {
            throw new IllegalArgumentException(POOL_SIZE + " must be at least " + MIN_POOL_SIZE
                    + " (the migrations at start hold two connections: Flyway's lock and its work), not " + poolSize);
        }
        atLeastASecond(connectTimeout, CONNECT_TIMEOUT);
        atLeastASecond(statementTimeout, STATEMENT_TIMEOUT);
    }

    /**
     * @param url      the JDBC URL
     * @param user     the user, or {@code null}
     * @param password the password, or {@code null}
     * @return settings with the default pool size and timeouts
     * @throws IllegalArgumentException when the URL is not a PostgreSQL JDBC URL
     */
    public static DatabaseSettings of(String url, String user, String password) {
        return new DatabaseSettings(url, user, password, DEFAULT_POOL_SIZE,
                Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS), Duration.ofSeconds(DEFAULT_STATEMENT_TIMEOUT_SECONDS));
    }

    /**
     * Reads the settings, such as {@code System::getenv}.
     *
     * @param settings the deployment's settings by name
     * @return the database settings, or empty when {@value #URL} is not set (or blank)
     * @throws IllegalArgumentException naming the setting, when one is malformed
     */
    public static Optional<DatabaseSettings> from(Function<String, String> settings) {
        String url = settings.apply(URL);
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new DatabaseSettings(url.strip(), settings.apply(USER), settings.apply(PASSWORD),
                number(settings, POOL_SIZE, DEFAULT_POOL_SIZE),
                Duration.ofSeconds(number(settings, CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT_SECONDS)),
                Duration.ofSeconds(number(settings, STATEMENT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT_SECONDS))));
    }

    /** Never shows the password, which a URL may carry. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + withoutCredentials(url) + ", user=" + user + ", poolSize=" + poolSize
                + ", connectTimeout=" + connectTimeout + ", statementTimeout=" + statementTimeout + "]";
    }

    private static int number(Function<String, String> settings, String name, int defaultValue) {
        String value = settings.apply(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static void atLeastASecond(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least 1 second, not " + timeout);
        }
    }

    /** The URL up to its parameters, which may hold a password. */
    private static String withoutCredentials(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }
}
