package dev.portablefn.api.outbound;

import java.util.Optional;

/**
 * Reads and writes objects in buckets, portably. A function receives one from its setup code; the
 * testing kit implements it over LocalCloud buckets (whose changes emit storage events), and each provider's
 * outbound module on its official SDK ({@link #registered()}). Buckets are logical names; a deployment maps each to
 * a provider bucket or container.
 */
public interface BlobStore {

    /**
     * Stores an object, replacing any object with the same key.
     *
     * @param bucket      the bucket name
     * @param key         the object key
     * @param content     the bytes
     * @param contentType the media type
     * @throws dev.portablefn.api.PermanentFailure when the bucket does not exist, refuses access or is not
     *                                            configured
     */
    void put(String bucket, String key, byte[] content, String contentType);

    /**
     * Reads an object whole.
     *
     * @param bucket the bucket name
     * @param key    the object key
     * @return the object's bytes, or empty when there is no such object
     * @throws dev.portablefn.api.PermanentFailure when the bucket does not exist, refuses access or is not
     *                                            configured
     */
    Optional<byte[]> get(String bucket, String key);

    /**
     * Deletes an object; deleting a missing object does nothing.
     *
     * @param bucket the bucket name
     * @param key    the object key
     * @return whether an object was deleted
     * @throws dev.portablefn.api.PermanentFailure when the bucket does not exist, refuses access or is not
     *                                            configured
     */
    boolean delete(String bucket, String key);

    /**
     * Gives the store of the provider module the deployment carries ({@code portablefn-aws-sdk},
     * {@code portablefn-gcp-sdk} or {@code portablefn-azure-sdk}, registered with {@link java.util.ServiceLoader}).
     * It is looked up on first use, so holding one costs nothing when the function never stores.
     *
     * @return a store that delegates to the registered one
     * @throws IllegalStateException on first use, when no module or more than one is registered
     */
    static BlobStore registered() {
        return new Registered.LazyBlobStore();
    }
}
