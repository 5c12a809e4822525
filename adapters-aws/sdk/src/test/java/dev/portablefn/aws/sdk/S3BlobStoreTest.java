package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Stores in a real S3 protocol server: Adobe's S3Mock (a Spring Boot app, started in-process on a free loopback
 * port over plain HTTP, its files in a temporary directory) with one bucket. Proves that an object put is read back
 * with its bytes, that a missing key reads as empty, that delete reports whether an object was there, and that a
 * bucket S3 does not have is a permanent failure naming the logical bucket, for every operation.
 */
class S3BlobStoreTest {

    private static final String BUCKET = "lessons-bucket";

    @TempDir
    static Path root;

    private static S3MockApplication s3Mock;
    private static URI endpoint;

    private AwsBlobStore store;

    @BeforeAll
    static void startS3Mock() {
        // S3Mock removes entries from the map it is given, so it gets a mutable copy.
        s3Mock = S3MockApplication.start(new HashMap<>(Map.of(
                S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET,
                S3MockApplication.PROP_ROOT_DIRECTORY, root.toString(),
                S3MockApplication.PROP_SILENT, true,
                "server.address", "127.0.0.1")));
        endpoint = URI.create("http://127.0.0.1:" + s3Mock.getHttpPort());
    }

    @AfterAll
    static void stopS3Mock() {
        s3Mock.stop();
    }

    @BeforeEach
    void createStore() {
        store = new AwsBlobStore(LogicalNames.from(Map.of(
                "PORTABLEFN_BUCKET_LESSONS", BUCKET,
                "PORTABLEFN_BUCKET_ARCHIVE", "no-such-bucket")::get),
                AwsClients.at(endpoint, Region.US_EAST_1,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void putObjectReadsBackWithItsBytes() {
        byte[] content = "{\"title\":\"Lesson 1\"}".getBytes(StandardCharsets.UTF_8);

        store.put("lessons", "courses/1/lesson 1.json", content, "application/json");

        assertThat(store.get("lessons", "courses/1/lesson 1.json")).hasValueSatisfying(read ->
                assertThat(read).isEqualTo(content));
    }

    @Test
    void putReplacesTheObjectWithTheSameKey() {
        store.put("lessons", "replaced", new byte[] {1}, "application/octet-stream");
        store.put("lessons", "replaced", new byte[] {2, 3}, "application/octet-stream");

        assertThat(store.get("lessons", "replaced")).hasValueSatisfying(read ->
                assertThat(read).containsExactly(2, 3));
    }

    @Test
    void missingKeyReadsAsEmpty() {
        assertThat(store.get("lessons", "never-written")).isEmpty();
    }

    @Test
    void deleteReportsWhetherAnObjectWasThere() {
        store.put("lessons", "to-delete", new byte[] {1}, "application/octet-stream");

        assertThat(store.delete("lessons", "to-delete")).isTrue();
        assertThat(store.get("lessons", "to-delete")).isEmpty();
        assertThat(store.delete("lessons", "to-delete")).isFalse();
    }

    @Test
    void missingBucketIsAPermanentFailureNamingTheLogicalBucketForEveryOperation() {
        assertThatThrownBy(() -> store.put("archive", "k", new byte[] {1}, "application/octet-stream"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("S3").hasMessageContaining("'archive'")
                .hasMessageContaining("NoSuchBucket");
        assertThatThrownBy(() -> store.get("archive", "k"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'archive'")
                .hasMessageContaining("NoSuchBucket");
        assertThatThrownBy(() -> store.delete("archive", "k"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'archive'");
    }

    @Test
    void unmappedBucketNamesTheSettingToAdd() {
        assertThatThrownBy(() -> store.get("photos", "k"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("PORTABLEFN_BUCKET_PHOTOS");
    }
}
