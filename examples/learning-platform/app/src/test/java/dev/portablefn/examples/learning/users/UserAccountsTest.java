package dev.portablefn.examples.learning.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.examples.learning.TestContexts;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import dev.portablefn.examples.learning.enrolment.EnrolmentRepository;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

@ExtendWith(MockitoExtension.class)
class UserAccountsTest {

    private static final Clock CLOCK = Clock.fixed(TestContexts.NOW, ZoneOffset.UTC);

    @Mock
    private UserRepository users;
    @Mock
    private EnrolmentRepository enrolments;

    @Test
    void registerNormalisesTheEmailAndStampsTheTime() {
        when(users.saveIfEmailFree(any())).thenReturn(true);

        User user = new UserAccounts(users, enrolments).register(new Registration(" Ada@Example.ORG ", " Ada "), CLOCK);

        assertThat(user.email()).isEqualTo("ada@example.org");
        assertThat(user.name()).isEqualTo("Ada");
        assertThat(user.id()).startsWith("usr-");
        assertThat(user.registeredAt()).isEqualTo(TestContexts.NOW);
    }

    @Test
    void registeringATakenEmailIs409() {
        when(users.saveIfEmailFree(any())).thenReturn(false);

        assertThatThrownBy(() -> new UserAccounts(users, enrolments).register(new Registration("ada@example.org", "Ada"), CLOCK))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.status()).isEqualTo(409))
                .hasMessage("ada@example.org is already registered; sign in instead");
    }

    @Test
    void profileListsTheCoursesTheUserIsEnrolledIn() {
        User ada = new User("usr-1", "ada@example.org", "Ada", TestContexts.NOW);
        when(users.find("usr-1")).thenReturn(Optional.of(ada));
        when(enrolments.byUser("usr-1")).thenReturn(List.of(
                new Enrolment("usr-1", "crs-a", "pay-1", 100, "EUR", TestContexts.NOW),
                new Enrolment("usr-1", "crs-b", "pay-2", 200, "EUR", TestContexts.NOW)));

        Profile profile = new UserAccounts(users, enrolments).profile("usr-1");

        assertThat(profile.user()).isEqualTo(ada);
        assertThat(profile.courseIds()).containsExactly("crs-a", "crs-b");
    }

    @Test
    void profileOfAnUnknownUserIs404() {
        when(users.find("usr-x")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> new UserAccounts(users, enrolments).profile("usr-x"))
                .isInstanceOfSatisfying(PermanentFailure.class, f -> assertThat(f.status()).isEqualTo(404));
    }
}
