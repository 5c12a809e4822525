package dev.portablefn.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change to an object in a bucket or container, the data of every {@code STORAGE} event
 * (S3, Cloud Storage, Blob Storage).
 *
 * @param bucket      the bucket or container name
 * @param key         the object key or blob name, URL-decoded
 * @param size        the size in bytes, or {@code null} when the provider does not say (deletions)
 * @param contentType the object's media type, when known
 * @param etag        the entity tag, when known
 * @param change      what happened to the object
 * @param updated     when the object was last changed, when known
 * @param metadata    user metadata on the object; empty when none
 */
public record StorageObject(String bucket, String key, Long size, String contentType, String etag,
                            Change change, Instant updated, Map<String, String> metadata) {

    /**
     * Checks the object change and keeps an unmodifiable copy of its metadata.
     *
     * @param bucket      the bucket or container name
     * @param key         the object key or blob name, URL-decoded
     * @param size        the size in bytes, or {@code null} when the provider does not say
     * @param contentType the object's media type, or {@code null} when unknown
     * @param etag        the entity tag, or {@code null} when unknown
     * @param change      what happened to the object
     * @param updated     when the object was last changed, or {@code null} when unknown
     * @param metadata    user metadata on the object; {@code null} is taken as none
     * @throws NullPointerException if bucket, key or change is missing
     */
    public StorageObject {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(change, "change");
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * Describes an object change when only its place and kind are known, as in tests and deletions.
     *
     * @param bucket the bucket or container name
     * @param key    the object key or blob name
     * @param change what happened to the object
     * @return an object change with no size, content type, etag, time or metadata
     * @throws NullPointerException if any argument is {@code null}
     */
    public static StorageObject of(String bucket, String key, Change change) {
        return new StorageObject(bucket, key, null, null, null, change, null, Map.of());
    }

    /** What happened to a stored object. */
    public enum Change {
        /** Created or overwritten (S3 ObjectCreated, GCS finalized, BlobCreated). */
        CREATED,
        /** Deleted (S3 ObjectRemoved, GCS deleted, BlobDeleted). */
        DELETED,
        /** Moved to an archive tier or made noncurrent (GCS archived, S3 lifecycle transition). */
        ARCHIVED,
        /** Its metadata changed but not its content (GCS metadataUpdated). */
        METADATA_UPDATED,
        /** Restored from an archive (S3 ObjectRestore:Completed). */
        RESTORED,
        /** Any other change the provider reported; the event's {@code type} says which. */
        OTHER
    }
}
