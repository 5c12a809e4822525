package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import dev.portablefn.api.PermanentFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link AzureBlobStore} against Azurite's Blob service (started by {@link Azurite}; skipped when not installed). */
class AzureBlobStoreAzuriteTest {

    private static Azurite azurite;
    private static String container;
    private static AzureBlobStore store;

    @BeforeAll
    static void startAzurite() throws IOException {
        azurite = Azurite.start();
        if (!azurite.running()) {
            return;
        }
        container = "uploads-" + UUID.randomUUID().toString().substring(0, 8);
        new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .createBlobContainer(container);
        Map<String, String> settings = Map.of(
                "PORTABLEFN_STORAGE_CONNECTION_SETTING", "AzureWebJobsStorage",
                "AzureWebJobsStorage", azurite.connectionString(),
                "PORTABLEFN_BUCKET_UPLOADS", container,
                "PORTABLEFN_BUCKET_NOWHERE", "no-such-container");
        store = new AzureBlobStore(settings::get);
    }

    @BeforeEach
    void requireAzurite() {
        azurite.assumeRunning();
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Test
    void putThenGetGivesTheBytesBackWithTheContentType() {
        byte[] content = "{\"course\":\"java\"}".getBytes(StandardCharsets.UTF_8);

        store.put("uploads", "lessons/1.json", content, "application/json");

        assertThat(store.get("uploads", "lessons/1.json")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        BlobProperties properties = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().getBlobContainerClient(container).getBlobClient("lessons/1.json").getProperties();
        assertThat(properties.getContentType()).isEqualTo("application/json");
    }

    @Test
    void putReplacesAnExistingBlob() {
        store.put("uploads", "replaced.txt", "first".getBytes(StandardCharsets.UTF_8), "text/plain");
        store.put("uploads", "replaced.txt", "second".getBytes(StandardCharsets.UTF_8), "text/plain");

        assertThat(store.get("uploads", "replaced.txt")).hasValueSatisfying(
                bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("second"));
    }

    @Test
    void getOfAMissingBlobIsEmpty() {
        assertThat(store.get("uploads", "never-written")).isEmpty();
    }

    @Test
    void deleteTellsWhetherThereWasABlob() {
        store.put("uploads", "to-delete", new byte[] {1, 2, 3}, "application/octet-stream");

        assertThat(store.delete("uploads", "to-delete")).isTrue();
        assertThat(store.get("uploads", "to-delete")).isEmpty();
        assertThat(store.delete("uploads", "to-delete")).isFalse();
    }

    @Test
    void aMissingContainerIsAPermanentFailureNamingTheBucketWithoutTheKey() {
        for (Runnable call : new Runnable[] {
            () -> store.get("nowhere", "a"), () -> store.delete("nowhere", "a"),
            () -> store.put("nowhere", "a", new byte[0], "text/plain")}) {
            assertThatThrownBy(call::run).isInstanceOf(PermanentFailure.class)
                    .hasMessageContaining("'nowhere'").hasMessageContaining("no-such-container")
                    .hasMessageNotContaining(Azurite.KEY).hasNoCause();
        }
    }

    @Test
    void anUnmappedBucketNamesTheSettingToAdd() {
        assertThatThrownBy(() -> store.get("reports", "a")).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_BUCKET_REPORTS");
    }
}
