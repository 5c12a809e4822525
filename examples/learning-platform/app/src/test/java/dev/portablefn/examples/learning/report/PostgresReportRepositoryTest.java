package dev.portablefn.examples.learning.report;

import dev.portablefn.examples.learning.database.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresReportRepositoryTest extends ReportRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.migrated();

    @Override
    ReportRepository newRepository() throws SQLException {
        DATABASE.clear();
        return ReportRepository.onDatabase(DATABASE.dataSource());
    }
}
