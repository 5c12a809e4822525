package dev.portablefn.examples.learning;

import com.zaxxer.hikari.HikariDataSource;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.learning.database.Database;
import dev.portablefn.examples.learning.database.DatabaseSettings;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform as a deployed function sees it: one {@link LearningPlatform} per container, built on
 * first use, publishing through the provider {@link Publisher} and reading lesson files through the provider
 * {@link BlobStore} the deployment carries ({@link Publisher#registered()}, {@link BlobStore#registered()}: the
 * {@code portablefn-aws-sdk}, {@code portablefn-gcp-sdk} or {@code portablefn-azure-sdk} that the learning platform's
 * {@code aws}, {@code gcp} or {@code azure} module packages). The deployment descriptors map the logical names
 * {@value LearningPlatform#PAYMENTS_TOPIC} and {@value LearningPlatform#LESSONS_BUCKET} to the provider's topic and
 * bucket ({@code PORTABLEFN_DESTINATION_PAYMENTS}, {@code PORTABLEFN_BUCKET_LESSON_FILES}).
 *
 * <p>With {@value DatabaseSettings#URL} set, the data is in that PostgreSQL (RDS or Aurora, Cloud SQL, Azure
 * Database for PostgreSQL), reached through one small pool per container and migrated when the container starts
 * ({@link DatabaseSettings} lists the settings). Without it the repositories are in memory, so each container keeps
 * its own state: enough to try a deployment, not to run a business.
 */
public final class CloudDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(CloudDeployment.class);
    private static volatile LearningPlatform platform;

    private CloudDeployment() {
    }

    /**
     * @return this container's platform
     * @throws IllegalArgumentException naming the setting, when a database setting is malformed
     * @throws dev.portablefn.api.RetryableException when the database cannot be reached (the next call tries again)
     * @throws IllegalStateException    when a migration fails
     */
    public static LearningPlatform platform() {
        // Not a holder class: a database unreachable at start fails this call, not the class for the container's life.
        LearningPlatform built = platform;
        if (built == null) {
            synchronized (CloudDeployment.class) {
                built = platform;
                if (built == null) {
                    built = platform(System::getenv, Database::pool, Publisher.registered(), BlobStore.registered());
                    platform = built;
                }
            }
        }
        return built;
    }

    /**
     * Builds a platform from settings such as {@code System::getenv}.
     *
     * @param settings  the deployment's settings by name
     * @param pools     opens the pool on the configured database ({@link Database#pool} in a deployment)
     * @param publisher where payments are published
     * @param blobs     where lesson files are read
     * @return the platform on the configured database, or in memory when none is configured
     */
    static LearningPlatform platform(Function<String, String> settings,
                                     Function<DatabaseSettings, HikariDataSource> pools, Publisher publisher,
                                     BlobStore blobs) {
        Optional<DatabaseSettings> database = DatabaseSettings.from(settings);
        if (database.isEmpty()) {
            LOG.info("{} is not set: the learning platform keeps its data in memory, per container, lost when the"
                    + " container stops", DatabaseSettings.URL);
            return LearningPlatform.inMemory(publisher, blobs);
        }
        LOG.info("the learning platform keeps its data in {}", database.get());
        HikariDataSource pool = pools.apply(database.get());
        try {
            return LearningPlatform.onDatabase(pool, publisher, blobs);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }
}
