package dev.portablefn.examples.learning.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DatabaseMigrationTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.empty();
    @RegisterExtension
    static final TestDatabase ANOTHER = TestDatabase.empty();

    @Test
    void migrationsApplyOnAnEmptyDatabaseAndASecondStartAppliesNone() throws SQLException {
        assertThat(tables()).as("an empty database").isEmpty();

        int first = Database.migrate(DATABASE.dataSource());
        List<String> afterFirst = tables();
        int second = Database.migrate(DATABASE.dataSource());

        assertThat(first).isEqualTo(1);
        assertThat(afterFirst).contains("courses", "users", "enrolments", "lesson_files", "nightly_reports",
                "nightly_report_course_enrolments", "nightly_report_revenue", "portablefn_idempotency",
                "flyway_schema_history");
        assertThat(second).isZero();
        assertThat(tables()).isEqualTo(afterFirst);
    }

    @Test
    void aContainerWithTheSmallestPoolMigratesToo() {
        try (HikariDataSource pool = Database.pool(ANOTHER.settings(DatabaseSettings.MIN_POOL_SIZE, Duration.ofSeconds(5)))) {
            assertThat(Database.migrate(pool)).isEqualTo(1);
            assertThat(Database.migrate(pool)).isZero();
        }
    }

    private static List<String> tables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = DATABASE.dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }
}
