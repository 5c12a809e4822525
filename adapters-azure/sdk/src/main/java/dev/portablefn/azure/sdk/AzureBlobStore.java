package dev.portablefn.azure.sdk;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Reads and writes Blob Storage on the Azure SDK. Each logical bucket is a container, mapped by its
 * {@code PORTABLEFN_BUCKET_<NAME>} setting; the account is {@code PORTABLEFN_STORAGE_ACCOUNT} with the managed
 * identity, or the connection string a {@code PORTABLEFN_STORAGE_CONNECTION_SETTING} names. Registered with
 * {@link java.util.ServiceLoader}, so {@link BlobStore#registered()} finds it. A missing blob reads as empty; a
 * missing container is a {@code PermanentFailure} naming the bucket.
 */
public final class AzureBlobStore implements BlobStore {

    private static final Duration CALL_CAP = Duration.ofSeconds(30);

    private final AzureSettings settings;
    private final StorageAccount account;
    private final ConcurrentHashMap<String, BlobContainerClient> containers = new ConcurrentHashMap<>();
    private volatile BlobServiceClient service;

    /** Makes a store configured by the process environment, as deployed functions use it. */
    public AzureBlobStore() {
        this(System::getenv);
    }

    /**
     * Makes a store configured by other settings, for tests and applications that configure in code.
     *
     * @param settings looks a setting up by name ({@code PORTABLEFN_BUCKET_UPLOADS}); answers {@code null} for a
     *                 missing one
     */
    public AzureBlobStore(UnaryOperator<String> settings) {
        this.settings = new AzureSettings(Objects.requireNonNull(settings, "settings"));
        this.account = new StorageAccount(this.settings);
    }

    /**
     * Uploads a blob, replacing any blob with the same name.
     *
     * @param bucket      the logical bucket
     * @param key         the blob name
     * @param content     the bytes
     * @param contentType the media type, stored as the blob's {@code Content-Type}
     */
    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        Objects.requireNonNull(content, "content");
        call(bucket, key, "upload", (container, timeout) -> container.getBlobClient(key).uploadWithResponse(
                new BlobParallelUploadOptions(BinaryData.fromBytes(content))
                        .setHeaders(new BlobHttpHeaders().setContentType(contentType)), timeout, Context.NONE));
    }

    /**
     * Downloads a blob whole.
     *
     * @param bucket the logical bucket
     * @param key    the blob name
     * @return the bytes, or empty when there is no such blob
     */
    @Override
    public Optional<byte[]> get(String bucket, String key) {
        return call(bucket, key, "download", (container, timeout) -> {
            try {
                return Optional.of(container.getBlobClient(key)
                        .downloadContentWithResponse(null, null, timeout, Context.NONE).getValue().toBytes());
            } catch (BlobStorageException failure) {
                if (BlobErrorCode.BLOB_NOT_FOUND.equals(failure.getErrorCode())) {
                    return Optional.<byte[]>empty();
                }
                throw failure;
            }
        });
    }

    /**
     * Deletes a blob and its snapshots.
     *
     * @param bucket the logical bucket
     * @param key    the blob name
     * @return whether there was a blob to delete
     */
    @Override
    public boolean delete(String bucket, String key) {
        return call(bucket, key, "delete", (container, timeout) -> {
            try {
                container.getBlobClient(key).deleteWithResponse(DeleteSnapshotsOptionType.INCLUDE, null, timeout,
                        Context.NONE);
                return true;
            } catch (BlobStorageException failure) {
                // Only a missing blob: a missing container must still fail, so deleteIfExists (true on any 404) is not used.
                if (BlobErrorCode.BLOB_NOT_FOUND.equals(failure.getErrorCode())) {
                    return false;
                }
                throw failure;
            }
        });
    }

    private interface BlobCall<T> {
        T run(BlobContainerClient container, Duration timeout);
    }

    private <T> T call(String bucket, String key, String operation, BlobCall<T> call) {
        Objects.requireNonNull(key, "key");
        String container = settings.names().bucket(bucket, "uploads");
        Duration timeout = OutboundCalls.callTimeout(bucket, CALL_CAP);
        try {
            return call.run(containers.computeIfAbsent(container, name -> service().getBlobContainerClient(name)), timeout);
        } catch (RuntimeException failure) {
            throw AzureFailures.classify(failure, "Blob " + operation + " of '" + key + "'", bucket,
                    "container '" + container + "'", timeout);
        }
    }

    private BlobServiceClient service() {
        BlobServiceClient built = service;
        if (built == null) {
            synchronized (this) {
                built = service;
                if (built == null) {
                    built = account.configure(new BlobServiceClientBuilder(), "blob").buildClient();
                    service = built;
                }
            }
        }
        return built;
    }

    /**
     * Names this implementation, for logs and test failures.
     *
     * @return {@code "AzureBlobStore"}
     */
    @Override
    public String toString() {
        return "AzureBlobStore";
    }
}
