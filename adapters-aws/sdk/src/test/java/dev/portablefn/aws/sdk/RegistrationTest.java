package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Deploying the module is all a function needs: each port finds this module's one implementation. */
class RegistrationTest {

    @Test
    void serviceLoaderFindsExactlyThisModulesPublisherAndBlobStore() {
        assertThat(ServiceLoader.load(Publisher.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AwsPublisher.class);
        assertThat(ServiceLoader.load(BlobStore.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AwsBlobStore.class);
    }

    @Test
    void constructingWithTheDefaultChainsBuildsNoClient() {
        // No region or credentials are read until the first call: none is set here, and nothing fails.
        try (AwsPublisher publisher = new AwsPublisher(); AwsBlobStore store = new AwsBlobStore()) {
            assertThat(publisher.toString()).contains("default endpoints");
            assertThat(store.toString()).contains("default endpoints");
        }
    }
}
