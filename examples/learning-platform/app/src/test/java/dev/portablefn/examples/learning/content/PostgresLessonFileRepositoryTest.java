package dev.portablefn.examples.learning.content;

import dev.portablefn.examples.learning.database.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresLessonFileRepositoryTest extends LessonFileRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.migrated();

    @Override
    LessonFileRepository newRepository() throws SQLException {
        DATABASE.clear();
        return LessonFileRepository.onDatabase(DATABASE.dataSource());
    }
}
