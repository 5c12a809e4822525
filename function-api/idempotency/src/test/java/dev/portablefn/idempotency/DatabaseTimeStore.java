package dev.portablefn.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * The JDBC store with the database's clock replaced by a one-row table that each call first sets to the caller's
 * {@code now}: every statement of the store still runs, but on a time the test controls. For tests whose calls at
 * any one moment share one {@code now}.
 */
final class DatabaseTimeStore extends ClaimLeaseContract.ForwardingStore {

    private static final String CLOCK_TABLE = "portablefn_test_clock";

    private final DataSource dataSource;

    private DatabaseTimeStore(DataSource dataSource, JdbcIdempotencyStore store) {
        super(store);
        this.dataSource = dataSource;
    }

    static DatabaseTimeStore on(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS " + CLOCK_TABLE + " (now_millis BIGINT NOT NULL)");
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + CLOCK_TABLE)) {
                rows.next();
                if (rows.getInt(1) == 0) {
                    statement.execute("INSERT INTO " + CLOCK_TABLE + " VALUES (0)");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        JdbcIdempotencyStore store = JdbcIdempotencyStore.of(dataSource)
                .withDatabaseTime("(SELECT now_millis FROM " + CLOCK_TABLE + ")").createTableIfMissing();
        return new DatabaseTimeStore(dataSource, store);
    }

    private void setTime(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + CLOCK_TABLE + " SET now_millis = ?")) {
            update.setLong(1, now.toEpochMilli());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public StartResult tryStart(String key, String owner, Instant now, Duration lease) {
        setTime(now);
        return super.tryStart(key, owner, now, lease);
    }

    @Override
    public boolean renew(String key, String owner, Instant now, Duration lease) {
        setTime(now);
        return super.renew(key, owner, now, lease);
    }

    @Override
    public boolean complete(String key, String owner, byte[] result, Instant now, Duration ttl) {
        setTime(now);
        return super.complete(key, owner, result, now, ttl);
    }
}
