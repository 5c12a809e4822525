package dev.portablefn.gcp.sdk;

import com.google.cloud.ServiceOptions;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpStorageOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.StorageOptions;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads and writes Google Cloud Storage objects. {@code PORTABLEFN_BUCKET_<NAME>} holds the bucket name
 * ({@code my-project-lessons}); credentials come from Application Default Credentials. The client speaks the JSON
 * API over HTTP, is built on first use and reused; {@link #close()} releases it.
 */
public final class CloudStorageBlobStore implements BlobStore, AutoCloseable {

    /** The longest one call may take, retries included. */
    static final Duration CALL_CAP = Duration.ofSeconds(30);

    private static final String EXAMPLE = "my-project-lessons";

    private final LogicalNames names;
    private final Supplier<Storage> factory;
    private volatile Storage storage;

    /** Creates a store that maps buckets through the environment and authenticates as the function. */
    public CloudStorageBlobStore() {
        this(LogicalNames.fromEnvironment(), CloudStorageBlobStore::defaultStorage);
    }

    /**
     * Creates a store with explicit settings, for tests and emulators.
     *
     * @param names   the logical-name mapping
     * @param factory builds the client on first use
     */
    CloudStorageBlobStore(LogicalNames names, Supplier<Storage> factory) {
        this.names = Objects.requireNonNull(names, "names");
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * Stores an object, replacing any object with the same key.
     *
     * @param bucket      the logical bucket
     * @param key         the object name
     * @param content     the bytes
     * @param contentType the media type, or {@code null}
     * @throws PermanentFailure   when the bucket is not configured or does not exist, or access is refused
     * @throws RetryableException when Cloud Storage is unavailable or throttles
     */
    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        String name = bucketFor(bucket, key);
        Objects.requireNonNull(content, "content");
        try {
            storage().create(BlobInfo.newBuilder(name, key).setContentType(contentType).build(), content);
        } catch (StorageException failed) {
            throw GcpFailures.storage(bucket, name, "writing '" + key + "'", failed);
        }
    }

    /**
     * Reads an object whole.
     *
     * @param bucket the logical bucket
     * @param key    the object name
     * @return the bytes, or empty when there is no such object
     * @throws PermanentFailure   when the bucket is not configured or does not exist, or access is refused
     * @throws RetryableException when Cloud Storage is unavailable or throttles
     */
    @Override
    public Optional<byte[]> get(String bucket, String key) {
        String name = bucketFor(bucket, key);
        try {
            return Optional.of(storage().readAllBytes(BlobId.of(name, key)));
        } catch (StorageException failed) {
            if (failed.getCode() == 404 && !GcpFailures.missingBucket(failed)) {
                return Optional.empty();
            }
            throw GcpFailures.storage(bucket, name, "reading '" + key + "'", failed);
        }
    }

    /**
     * Deletes an object.
     *
     * @param bucket the logical bucket
     * @param key    the object name
     * @return whether an object was deleted; {@code false} when there was none (the client library answers a
     *         missing bucket the same way)
     * @throws PermanentFailure   when the bucket is not configured, or access is refused
     * @throws RetryableException when Cloud Storage is unavailable or throttles
     */
    @Override
    public boolean delete(String bucket, String key) {
        String name = bucketFor(bucket, key);
        try {
            return storage().delete(BlobId.of(name, key));
        } catch (StorageException failed) {
            throw GcpFailures.storage(bucket, name, "deleting '" + key + "'", failed);
        }
    }

    /** Releases the client, if one was built. */
    @Override
    public void close() {
        Storage built = storage;
        if (built == null) {
            return;
        }
        storage = null;
        try {
            built.close();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            throw new IllegalStateException("closing the Cloud Storage client failed", failed);
        }
    }

    @Override
    public String toString() {
        return "CloudStorageBlobStore" + (storage == null ? "[not connected]" : "[connected]");
    }

    /** Resolves the bucket, and refuses a call the invocation has no time left for before making it. */
    private String bucketFor(String bucket, String key) {
        String name = names.bucket(bucket, EXAMPLE);
        if (key == null || key.isEmpty()) {
            throw new PermanentFailure("an object key is required for bucket '" + bucket + "'");
        }
        // The synchronous client takes no per-call deadline: its retries are bounded by CALL_CAP instead.
        OutboundCalls.callTimeout(bucket, CALL_CAP);
        return name;
    }

    private Storage storage() {
        Storage built = storage;
        if (built == null) {
            synchronized (this) {
                built = storage;
                if (built == null) {
                    built = factory.get();
                    storage = built;
                }
            }
        }
        return built;
    }

    private static Storage defaultStorage() {
        return options().build().getService();
    }

    /** The client's settings: the JSON API over HTTP, with retries bounded by {@link #CALL_CAP}. */
    static HttpStorageOptions.Builder options() {
        return StorageOptions.http()
                .setRetrySettings(ServiceOptions.getDefaultRetrySettings().toBuilder()
                        .setTotalTimeoutDuration(CALL_CAP)
                        .setInitialRpcTimeoutDuration(CALL_CAP)
                        .setMaxRpcTimeoutDuration(CALL_CAP)
                        .build());
    }
}
