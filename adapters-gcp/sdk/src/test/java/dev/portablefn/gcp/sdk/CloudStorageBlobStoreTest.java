package dev.portablefn.gcp.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Cloud Storage store: reads and writes against the client library's in-memory Storage, and classifies the
 * failures a mocked client throws (the in-memory Storage has no notion of a missing bucket or refused access).
 */
class CloudStorageBlobStoreTest {

    private static final LogicalNames NAMES = LogicalNames.from(Map.of("PORTABLEFN_BUCKET_LESSONS", "demo-lessons")::get);

    private final Storage local = LocalStorageHelper.getOptions().getService();
    private final CloudStorageBlobStore store = new CloudStorageBlobStore(NAMES, () -> local);

    @AfterEach
    void close() throws Exception {
        store.close();
    }

    @Test
    void putThenGetGivesTheBytesInTheMappedBucket() {
        byte[] content = "{\"title\":\"Intro\"}".getBytes(StandardCharsets.UTF_8);

        store.put("lessons", "intro/1.json", content, "application/json");

        assertThat(store.get("lessons", "intro/1.json")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
        assertThat(local.get(BlobId.of("demo-lessons", "intro/1.json")).getContentType()).isEqualTo("application/json");
    }

    @Test
    void putReplacesAnExistingObject() {
        store.put("lessons", "k", new byte[] {1}, null);
        store.put("lessons", "k", new byte[] {2, 3}, null);

        assertThat(store.get("lessons", "k")).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(2, 3));
    }

    @Test
    void missingObjectIsEmpty() {
        assertThat(store.get("lessons", "nothing-here")).isEmpty();
    }

    @Test
    void deleteTellsWhetherAnObjectWasDeleted() {
        store.put("lessons", "k", new byte[] {1}, "application/octet-stream");

        assertThat(store.delete("lessons", "k")).isTrue();
        assertThat(store.delete("lessons", "k")).isFalse();
        assertThat(store.get("lessons", "k")).isEmpty();
    }

    @Test
    void unmappedBucketIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> store.get("videos", "k"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_BUCKET_VIDEOS");
    }

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "404, permanent, The specified bucket does not exist.",
            "403, permanent, caller does not have storage.objects.create access",
            "401, permanent, Anonymous caller",
            "400, permanent, Invalid object name",
            "429, retryable, rate limit exceeded",
            "500, retryable, Backend Error",
            "503, retryable, Service Unavailable",
            "0, retryable, Connection reset"})
    void writeFailuresAreClassifiedNamingTheLogicalBucket(int code, String kind, String message) {
        Storage failing = mock(Storage.class);
        when(failing.create(any(BlobInfo.class), any(byte[].class))).thenThrow(new StorageException(code, message));
        CloudStorageBlobStore refusing = new CloudStorageBlobStore(NAMES, () -> failing);

        assertThatThrownBy(() -> refusing.put("lessons", "k", new byte[] {1}, null))
                .isInstanceOf(kind.equals("permanent") ? PermanentFailure.class : RetryableException.class)
                .hasMessageContaining("'lessons'")
                .hasMessageContaining("demo-lessons")
                .hasMessageContaining(message);
    }

    @Test
    void missingBucketOnWriteSaysWhichSettingToFix() {
        assertThatThrownBy(() -> failingWith(404, "The specified bucket does not exist.",
                s -> s.put("lessons", "k", new byte[] {1}, null)))
                .hasMessageContaining("PORTABLEFN_BUCKET_LESSONS");
    }

    @Test
    void readAndDeleteFailuresAreClassifiedToo() {
        Storage failing = mock(Storage.class);
        when(failing.readAllBytes(any(BlobId.class))).thenThrow(new StorageException(404,
                "The specified bucket does not exist."));
        when(failing.delete(any(BlobId.class))).thenThrow(new StorageException(503, "Service Unavailable"));
        CloudStorageBlobStore refusing = new CloudStorageBlobStore(NAMES, () -> failing);

        assertThatThrownBy(() -> refusing.get("lessons", "k")).isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("'lessons'");
        assertThatThrownBy(() -> refusing.delete("lessons", "k")).isInstanceOf(RetryableException.class)
                .hasMessageContaining("'lessons'");
    }

    @Test
    void readRefusedAccessIsPermanentButNoSuchObjectIsEmpty() {
        Storage failing = mock(Storage.class);
        when(failing.readAllBytes(BlobId.of("demo-lessons", "secret"))).thenThrow(new StorageException(403,
                "caller does not have storage.objects.get access"));
        when(failing.readAllBytes(BlobId.of("demo-lessons", "gone"))).thenThrow(new StorageException(404,
                "No such object: demo-lessons/gone"));
        CloudStorageBlobStore refusing = new CloudStorageBlobStore(NAMES, () -> failing);

        assertThatThrownBy(() -> refusing.get("lessons", "secret")).isInstanceOf(PermanentFailure.class);
        assertThat(refusing.get("lessons", "gone")).isEmpty();
    }

    @Test
    void providerMessagesAreRedacted() {
        assertThatThrownBy(() -> failingWith(403, "denied for https://storage.googleapis.com/x?access_token=ya29.secret",
                s -> s.put("lessons", "k", new byte[] {1}, null)))
                .isInstanceOf(PermanentFailure.class)
                .message().doesNotContain("ya29.secret");
    }

    @Test
    void invocationWithNoTimeLeftMakesNoCall() {
        Storage untouched = mock(Storage.class);
        CloudStorageBlobStore late = new CloudStorageBlobStore(NAMES, () -> untouched);

        assertThatThrownBy(() -> PubSubPublisherTest.inside(PubSubPublisherTest.invocation(Duration.ofMillis(50)),
                () -> late.get("lessons", "k")))
                .isInstanceOf(RetryableException.class);
        verifyNoInteractions(untouched);
    }

    private static void failingWith(int code, String message, Consumer<CloudStorageBlobStore> call) {
        Storage failing = mock(Storage.class);
        when(failing.create(any(BlobInfo.class), any(byte[].class))).thenThrow(new StorageException(code, message));
        call.accept(new CloudStorageBlobStore(NAMES, () -> failing));
    }
}
