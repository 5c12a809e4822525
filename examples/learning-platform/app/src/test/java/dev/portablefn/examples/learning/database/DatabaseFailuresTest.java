package dev.portablefn.examples.learning.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.portablefn.api.RetryableException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How the platform's database calls fail: what is worth retrying says so, and nothing waits past its timeout. */
class DatabaseFailuresTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.empty();

    @Test
    void statementRunningPastTheStatementTimeoutIsCancelledAsRetryableAndTheConnectionStaysUsable() {
        try (HikariDataSource pool = Database.pool(DATABASE.settings(2, Duration.ofSeconds(1)))) {
            Jdbc jdbc = new Jdbc(pool);
            Instant start = Instant.now();

            assertThatThrownBy(() -> jdbc.list("SELECT pg_sleep(30)", row -> row.getString(1)))
                    .isInstanceOf(RetryableException.class)
                    .hasMessageContaining("57014")
                    .hasMessageContaining("SELECT pg_sleep(30)");

            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(jdbc.one("SELECT 1", row -> row.getInt(1))).contains(1);
        }
    }

    @Test
    void unreachableDatabaseIsRetryableOnceTheConnectTimeoutPasses() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DatabaseSettings nowhere = new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + closedPort + "/learning",
                "learning", "secret", 2, Duration.ofSeconds(1), Duration.ofSeconds(1));
        Instant start = Instant.now();

        try (HikariDataSource pool = Database.pool(nowhere)) {
            assertThatThrownBy(() -> Database.migrate(pool))
                    .isInstanceOf(RetryableException.class)
                    .hasMessageContaining("could not migrate the learning platform's database");
        }
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void statementTheDatabaseRefusesIsNotRetryableAndNamesTheStatement() {
        Jdbc jdbc = new Jdbc(DATABASE.dataSource());

        assertThatThrownBy(() -> jdbc.update("INSERT INTO no_such_table VALUES (?)", "secret-value"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("42P01")
                .hasMessageContaining("INSERT INTO no_such_table VALUES (?)")
                .hasMessageNotContaining("secret-value");
    }

    @Test
    void transactionThatFailsLeavesNothingBehind() throws Exception {
        DATABASE.execute("CREATE TABLE half_done (n INTEGER PRIMARY KEY)");
        Jdbc jdbc = new Jdbc(DATABASE.dataSource());

        assertThatThrownBy(() -> jdbc.transaction(sql -> {
            sql.update("INSERT INTO half_done VALUES (?)", 1);
            return sql.update("INSERT INTO half_done VALUES (?)", 1);
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("23505");

        assertThat(jdbc.one("SELECT count(*) FROM half_done", row -> row.getInt(1))).contains(0);
    }
}
