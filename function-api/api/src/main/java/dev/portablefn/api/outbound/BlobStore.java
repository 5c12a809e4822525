package dev.portablefn.api.outbound;

import java.util.Optional;

/**
 * Reads and writes objects in buckets, portably. A function receives one from its setup code; the
 * testing kit implements it over LocalCloud buckets (whose changes emit storage events).
 */
public interface BlobStore {

    /**
     * Stores an object, replacing any object with the same key.
     *
     * @param bucket      the bucket name
     * @param key         the object key
     * @param content     the bytes
     * @param contentType the media type
     * @throws IllegalArgumentException when the bucket does not exist
     */
    void put(String bucket, String key, byte[] content, String contentType);

    /**
     * Reads an object whole.
     *
     * @param bucket the bucket name
     * @param key    the object key
     * @return the object's bytes, or empty when there is no such object
     * @throws IllegalArgumentException when the bucket does not exist
     */
    Optional<byte[]> get(String bucket, String key);

    /**
     * Deletes an object; deleting a missing object does nothing.
     *
     * @param bucket the bucket name
     * @param key    the object key
     * @return whether an object was deleted
     * @throws IllegalArgumentException when the bucket does not exist
     */
    boolean delete(String bucket, String key);
}
