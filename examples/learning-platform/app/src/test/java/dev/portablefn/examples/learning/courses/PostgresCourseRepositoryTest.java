package dev.portablefn.examples.learning.courses;

import dev.portablefn.examples.learning.database.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresCourseRepositoryTest extends CourseRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.migrated();

    @Override
    CourseRepository newRepository() throws SQLException {
        DATABASE.clear();
        return CourseRepository.onDatabase(DATABASE.dataSource());
    }
}
