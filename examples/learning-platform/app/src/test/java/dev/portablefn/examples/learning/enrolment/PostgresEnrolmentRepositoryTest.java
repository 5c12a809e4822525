package dev.portablefn.examples.learning.enrolment;

import dev.portablefn.examples.learning.database.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresEnrolmentRepositoryTest extends EnrolmentRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.migrated();

    @Override
    EnrolmentRepository newRepository() throws SQLException {
        DATABASE.clear();
        return EnrolmentRepository.onDatabase(DATABASE.dataSource());
    }
}
