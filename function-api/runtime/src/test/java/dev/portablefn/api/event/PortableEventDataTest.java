package dev.portablefn.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortableEventDataTest {

    record Course(String id) {
    }

    @Test
    void storageObjectOfHasOnlyTheEssentials() {
        StorageObject object = StorageObject.of("bucket", "a b.txt", StorageObject.Change.DELETED);

        assertThat(object.bucket()).isEqualTo("bucket");
        assertThat(object.key()).isEqualTo("a b.txt");
        assertThat(object.change()).isEqualTo(StorageObject.Change.DELETED);
        assertThat(object.size()).isNull();
        assertThat(object.metadata()).isEmpty();
    }

    @Test
    void storageObjectCopiesMetadataAndRequiresIdentity() {
        Map<String, String> metadata = new HashMap<>(Map.of("owner", "ann"));

        StorageObject object = new StorageObject("b", "k", 3L, "text/plain", "e", StorageObject.Change.CREATED, null, metadata);
        metadata.clear();

        assertThat(object.metadata()).containsExactly(Map.entry("owner", "ann"));
        assertThat(new StorageObject("b", "k", null, null, null, StorageObject.Change.OTHER, null, null).metadata()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> StorageObject.of(null, "k", StorageObject.Change.CREATED));
        assertThatNullPointerException().isThrownBy(() -> StorageObject.of("b", null, StorageObject.Change.CREATED));
        assertThatNullPointerException().isThrownBy(() -> StorageObject.of("b", "k", null));
    }

    @Test
    void scheduleTickNeedsItsTime() {
        Instant due = Instant.parse("2026-01-05T10:00:00Z");

        assertThat(new ScheduleTick(due, "nightly").scheduledTime()).isEqualTo(due);
        assertThat(new ScheduleTick(due, null).scheduleName()).isNull();
        assertThatNullPointerException().isThrownBy(() -> new ScheduleTick(null, "nightly"));
    }

    @Test
    void documentChangeCopiesKeyKeepingOrderAndAllowsNullValues() {
        Map<String, Object> key = new java.util.LinkedHashMap<>();
        key.put("pk", "a");
        key.put("sk", null);

        DocumentChange<Course> change = new DocumentChange<>("courses", key, null, new Course("1"), DocumentChange.Kind.CREATED);
        key.clear();

        assertThat(change.key()).containsExactly(org.assertj.core.api.Assertions.entry("pk", "a"), org.assertj.core.api.Assertions.entry("sk", null));
        assertThatThrownBy(() -> change.key().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new DocumentChange<Course>("c", null, null, null, DocumentChange.Kind.DELETED).key()).isEmpty();
        assertThatNullPointerException().isThrownBy(() -> new DocumentChange<Course>(null, Map.of(), null, null, DocumentChange.Kind.UPSERTED));
        assertThatNullPointerException().isThrownBy(() -> new DocumentChange<Course>("c", Map.of(), null, null, null));
    }

    @Test
    void portableRecordsRoundTripThroughTheCodec() throws Exception {
        JacksonCodec codec = JacksonCodec.standard();
        DocumentChange<Course> change = new DocumentChange<>("courses", Map.of("id", "1"), new Course("0"), new Course("1"),
                DocumentChange.Kind.UPDATED);
        StorageObject object = new StorageObject("b", "k", 5L, "text/plain", "etag", StorageObject.Change.ARCHIVED,
                Instant.parse("2026-01-05T10:00:00Z"), Map.of("a", "b"));

        DocumentChange<Course> changeBack = codec.read(codec.write(change),
                codec.type(new TypeReference<DocumentChange<Course>>() { }.getType()));
        StorageObject objectBack = codec.read(codec.write(object), codec.type(StorageObject.class));

        assertThat(changeBack).isEqualTo(change);
        assertThat(objectBack).isEqualTo(object);
    }
}
