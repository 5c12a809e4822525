package dev.portablefn.examples.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import com.zaxxer.hikari.HikariDataSource;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.DatabaseSettings;
import dev.portablefn.examples.learning.database.TestDatabase;
import dev.portablefn.examples.learning.enrolment.Enrolment;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** How a deployed container chooses where the platform keeps its data. */
class CloudDeploymentTest {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.empty();

    private final Publisher publisher = mock(Publisher.class);
    private final BlobStore blobs = mock(BlobStore.class);
    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    private LearningPlatform platform(Map<String, String> settings) {
        return CloudDeployment.platform(settings::get, database -> {
            HikariDataSource pool = Database.pool(database);
            pools.add(pool);
            return pool;
        }, publisher, blobs);
    }

    @Test
    void withoutADatabaseUrlEachContainerKeepsItsOwnDataInMemory() {
        LearningPlatform first = platform(Map.of());
        LearningPlatform second = platform(Map.of());

        first.enrolments().enrolIfAbsent(new Enrolment("usr-1", "crs-1", "pay-1", 100, "EUR", Instant.EPOCH));

        assertThat(first.enrolments().all()).hasSize(1);
        assertThat(second.enrolments().all()).isEmpty();
        assertThat(pools).isEmpty();
    }

    @Test
    void withADatabaseUrlEveryContainerSharesThatDatabaseMigratedOnStart() {
        DatabaseSettings database = DATABASE.settings(2, Duration.ofSeconds(5));
        Map<String, String> settings = Map.of(DatabaseSettings.URL, database.url(), DatabaseSettings.USER, "postgres");

        LearningPlatform first = platform(settings);
        LearningPlatform second = platform(settings);
        first.enrolments().enrolIfAbsent(new Enrolment("usr-1", "crs-1", "pay-1", 100, "EUR", Instant.EPOCH));

        assertThat(second.enrolments().all()).extracting(Enrolment::paymentId).containsExactly("pay-1");
        assertThat(pools).hasSize(2).allSatisfy(pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(2));
    }

    @Test
    void malformedDatabaseUrlStopsTheStartNamingTheSetting() {
        Map<String, String> settings = Map.of(DatabaseSettings.URL, "postgres://learning@db.internal/learning");

        assertThatThrownBy(() -> platform(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(DatabaseSettings.URL);
        assertThat(pools).isEmpty();
    }
}
