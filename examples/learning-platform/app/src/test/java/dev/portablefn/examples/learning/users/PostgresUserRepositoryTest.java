package dev.portablefn.examples.learning.users;

import dev.portablefn.examples.learning.database.TestDatabase;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresUserRepositoryTest extends UserRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.migrated();

    @Override
    UserRepository newRepository() throws SQLException {
        DATABASE.clear();
        return UserRepository.onDatabase(DATABASE.dataSource());
    }
}
