package dev.portablefn.testing.localcloud;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.outbound.BlobStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The objects in a LocalCloud's buckets, as a {@link BlobStore}: a put or a delete emits a storage event to the
 * bucket's subscribers. Functions call it from inside invocations and the dev server from its threads, so every
 * method holds the cloud's lock, as LocalCloud's own methods do.
 */
final class ObjectStore implements BlobStore {

    private final Object lock;
    private final MessageRouter router;
    private final Invocations invocations;
    private final Map<String, Map<String, StoredObject>> buckets = new HashMap<>();

    private record StoredObject(byte[] content, String contentType, String etag) {
    }

    ObjectStore(Object lock, MessageRouter router, Invocations invocations) {
        this.lock = lock;
        this.router = router;
        this.invocations = invocations;
    }

    /** Called with the lock held, once the registry has the bucket's name. */
    void createBucket(String name) {
        buckets.put(name, new HashMap<>());
    }

    @Override
    public void put(String bucket, String key, byte[] content, String contentType) {
        synchronized (lock) {
            Map<String, StoredObject> objects = bucketNamed(bucket);
            Objects.requireNonNull(key, "key");
            byte[] copy = content.clone();
            String etag = md5(copy);
            objects.put(key, new StoredObject(copy, contentType, etag));
            Instant at = invocations.sendTime();
            router.emitStorage(bucket, new StorageObject(bucket, key, (long) copy.length, contentType, etag,
                    StorageObject.Change.CREATED, at, Map.of()), at);
        }
    }

    @Override
    public Optional<byte[]> get(String bucket, String key) {
        synchronized (lock) {
            StoredObject object = bucketNamed(bucket).get(key);
            return object == null ? Optional.empty() : Optional.of(object.content().clone());
        }
    }

    @Override
    public boolean delete(String bucket, String key) {
        synchronized (lock) {
            StoredObject removed = bucketNamed(bucket).remove(key);
            if (removed != null) {
                Instant at = invocations.sendTime();
                router.emitStorage(bucket, new StorageObject(bucket, key, null, null, removed.etag(),
                        StorageObject.Change.DELETED, at, Map.of()), at);
            }
            return removed != null;
        }
    }

    private Map<String, StoredObject> bucketNamed(String name) {
        Map<String, StoredObject> objects = buckets.get(name);
        if (objects == null) {
            throw new PermanentFailure("no bucket named '" + name + "' in LocalCloud; create it with createBucket");
        }
        return objects;
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
