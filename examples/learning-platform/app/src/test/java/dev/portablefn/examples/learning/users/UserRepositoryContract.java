package dev.portablefn.examples.learning.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.examples.learning.database.Race;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} does, in memory or in a database. */
abstract class UserRepositoryContract {

    static final Instant T1 = Instant.parse("2026-03-14T09:26:53.123456Z");

    private UserRepository repository;

    /** @return an empty repository */
    abstract UserRepository newRepository() throws Exception;

    @BeforeEach
    void emptyRepository() throws Exception {
        repository = newRepository();
    }

    @Test
    void registeredUserIsFoundByIdWithEveryField() {
        User ada = new User("usr-1", "ada@example.org", "Ada Lovelace-Byron ✓", T1);

        assertThat(repository.saveIfEmailFree(ada)).isTrue();

        assertThat(repository.find("usr-1")).contains(ada);
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void secondUserWithTheSameEmailIsRefusedAndTheFirstKept() {
        User first = new User("usr-1", "ada@example.org", "Ada", T1);
        repository.saveIfEmailFree(first);

        boolean stored = repository.saveIfEmailFree(new User("usr-2", "ada@example.org", "Impostor", T1.plusSeconds(1)));

        assertThat(stored).isFalse();
        assertThat(repository.find("usr-1")).contains(first);
        assertThat(repository.find("usr-2")).isEmpty();
        assertThat(repository.count()).isEqualTo(1);
    }

    @Test
    void usersWithDifferentEmailsAreAllStoredAndCounted() {
        assertThat(repository.saveIfEmailFree(new User("usr-1", "ada@example.org", "Ada", T1))).isTrue();
        assertThat(repository.saveIfEmailFree(new User("usr-2", "bo@example.org", "Bo", T1))).isTrue();

        assertThat(repository.count()).isEqualTo(2);
    }

    @Test
    void unknownIdIsNotFoundAndNobodyIsCountedInAnEmptyRepository() {
        assertThat(repository.find("usr-1")).isEmpty();
        assertThat(repository.count()).isZero();
    }

    @Test
    void ofSimultaneousRegistrationsWithOneEmailExactlyOneIsStored() throws Exception {
        List<Boolean> stored = Race.of(8, thread ->
                repository.saveIfEmailFree(new User("usr-" + thread, "ada@example.org", "Ada " + thread, T1)));

        assertThat(stored).containsOnlyOnce(true);
        assertThat(repository.count()).isEqualTo(1);
    }
}
