package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class RegistrationTest {

    @Test
    void theModuleRegistersOnePublisherAndOneBlobStore() {
        assertThat(ServiceLoader.load(Publisher.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AzurePublisher.class);
        assertThat(ServiceLoader.load(BlobStore.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly(AzureBlobStore.class);
    }

    @Test
    void theRegisteredPortsReachTheAzureImplementations() {
        assertThatThrownBy(() -> Publisher.registered().publish("unmapped-azure-test", "x", Map.of()))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_DESTINATION_UNMAPPED_AZURE_TEST=servicebus:orders");
        assertThatThrownBy(() -> BlobStore.registered().get("unmapped-azure-test", "k"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_BUCKET_UNMAPPED_AZURE_TEST=uploads");
    }
}
