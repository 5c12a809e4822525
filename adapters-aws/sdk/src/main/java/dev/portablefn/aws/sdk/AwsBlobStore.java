package dev.portablefn.aws.sdk;

import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads and writes objects in S3 buckets, on the AWS SDK for Java v2. Registered with
 * {@link java.util.ServiceLoader}, so {@link BlobStore#registered()} finds it when this module is deployed. Each
 * logical bucket maps to an S3 bucket through its {@code PORTABLEFN_BUCKET_<NAME>} setting.
 *
 * <p>{@link #get} answers empty for a missing key (S3's {@code NoSuchKey}); a missing bucket is a
 * {@link dev.portablefn.api.PermanentFailure}. {@link #delete} asks S3 with {@code HeadObject} whether the object is
 * there before deleting it, because S3's {@code DeleteObject} answers the same whether or not it was: one more call,
 * and a delete racing another one may both report {@code true}. Throttling ({@code SlowDown}), 5xx and timeouts are
 * a {@link dev.portablefn.api.RetryableException}. The client is built on first use and reused; thread-safe.
 */
public final class AwsBlobStore implements BlobStore, AutoCloseable {

    /** The example named when a bucket is not configured. */
    static final String EXAMPLE = "my-company-lessons";

    /** The longest one call may take, when the invocation has longer left. */
    static final Duration CALL_TIMEOUT_CAP = Duration.ofSeconds(30);

    private final LogicalNames names;
    private final AwsClients clients;
    private final AwsClients.Lazy<S3Client> s3;

    /**
     * Makes a store that maps buckets through the function's environment and builds its client on the SDK's
     * default region and credentials chains. {@link java.util.ServiceLoader} calls this.
     */
    public AwsBlobStore() {
        this(LogicalNames.fromEnvironment(), AwsClients.fromDefaultChains());
    }

    AwsBlobStore(LogicalNames names, AwsClients clients) {
        this.names = Objects.requireNonNull(names, "names");
        this.clients = Objects.requireNonNull(clients, "clients");
        // An endpoint of one's own (S3Mock, LocalStack, MinIO) serves buckets by path, not by host name.
        this.s3 = clients.lazy("S3", () -> S3Client.builder().forcePathStyle(clients.hasEndpoint()));
    }

    /**
     * Makes a store that calls one S3 endpoint (S3Mock, LocalStack, MinIO) by path-style URLs with the given region
     * and credentials, mapping buckets through the given settings instead of the environment.
     *
     * @param settings    looks up {@code PORTABLEFN_BUCKET_<NAME>} settings; answers {@code null} for a missing one
     * @param endpoint    the S3 endpoint
     * @param region      the region requests are signed for
     * @param credentials the credentials requests are signed with
     * @return the store
     */
    public static AwsBlobStore withEndpoint(UnaryOperator<String> settings, URI endpoint, Region region,
                                            AwsCredentialsProvider credentials) {
        return new AwsBlobStore(LogicalNames.from(settings), AwsClients.at(endpoint, region, credentials));
    }

    /**
     * Stores an object with {@code PutObject}, replacing any object with the same key.
     *
     * @param bucket      the logical bucket
     * @param key         the object key
     * @param content     the bytes
     * @param contentType the media type
     * @throws dev.portablefn.api.PermanentFailure   when the bucket is not configured, does not exist or refuses
     *                                               access
     * @throws dev.portablefn.api.RetryableException when S3 throttles, fails or does not answer in time
     */
    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        String s3Bucket = names.bucket(bucket, EXAMPLE);
        Duration timeout = OutboundCalls.callTimeout(bucket, CALL_TIMEOUT_CAP);
        try {
            s3.get().putObject(request -> request.bucket(s3Bucket).key(key).contentType(contentType)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)), RequestBody.fromBytes(content));
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "S3", bucket, "writing '" + key + "' to");
        }
    }

    /**
     * Reads an object whole with {@code GetObject}.
     *
     * @param bucket the logical bucket
     * @param key    the object key
     * @return the bytes, or empty when there is no such key
     * @throws dev.portablefn.api.PermanentFailure   when the bucket is not configured, does not exist or refuses
     *                                               access
     * @throws dev.portablefn.api.RetryableException when S3 throttles, fails or does not answer in time
     */
    @Override
    public Optional<byte[]> get(String bucket, String key) {
        String s3Bucket = names.bucket(bucket, EXAMPLE);
        Duration timeout = OutboundCalls.callTimeout(bucket, CALL_TIMEOUT_CAP);
        try {
            return Optional.of(s3.get().getObjectAsBytes(request -> request.bucket(s3Bucket).key(key)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout))).asByteArray());
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "S3", bucket, "reading '" + key + "' from");
        }
    }

    /**
     * Deletes an object if there is one: {@code HeadObject}, then {@code DeleteObject} when it was found.
     *
     * @param bucket the logical bucket
     * @param key    the object key
     * @return whether an object was there to delete
     * @throws dev.portablefn.api.PermanentFailure   when the bucket is not configured, does not exist or refuses
     *                                               access
     * @throws dev.portablefn.api.RetryableException when S3 throttles, fails or does not answer in time
     */
    @Override
    public boolean delete(String bucket, String key) {
        String s3Bucket = names.bucket(bucket, EXAMPLE);
        S3Client client = s3.get();
        try {
            Duration headTimeout = OutboundCalls.callTimeout(bucket, CALL_TIMEOUT_CAP);
            client.headObject(request -> request.bucket(s3Bucket).key(key)
                    .overrideConfiguration(call -> call.apiCallTimeout(headTimeout)));
        } catch (AwsServiceException answer) {
            // HEAD has no body, so S3 cannot say which is missing: a 404 of a missing bucket reads as a missing key.
            if (answer.statusCode() == 404 && bucketExists(client, bucket, s3Bucket)) {
                return false;
            }
            throw AwsFailures.classify(answer, "S3", bucket, "deleting '" + key + "' from");
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "S3", bucket, "deleting '" + key + "' from");
        }
        Duration timeout = OutboundCalls.callTimeout(bucket, CALL_TIMEOUT_CAP);
        try {
            client.deleteObject(request -> request.bucket(s3Bucket).key(key)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            return true;
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "S3", bucket, "deleting '" + key + "' from");
        }
    }

    private static boolean bucketExists(S3Client client, String bucket, String s3Bucket) {
        Duration timeout = OutboundCalls.callTimeout(bucket, CALL_TIMEOUT_CAP);
        try {
            client.headBucket(request -> request.bucket(s3Bucket)
                    .overrideConfiguration(call -> call.apiCallTimeout(timeout)));
            return true;
        } catch (AwsServiceException answer) {
            if (answer.statusCode() == 404) {
                return false;
            }
            throw AwsFailures.classify(answer, "S3", bucket, "checking");
        } catch (SdkException failure) {
            throw AwsFailures.classify(failure, "S3", bucket, "checking");
        }
    }

    /** Closes the SDK client if it was built; the store is not used after. */
    @Override
    public void close() {
        clients.close();
    }

    @Override
    public String toString() {
        return "AwsBlobStore[" + clients + "]";
    }
}
