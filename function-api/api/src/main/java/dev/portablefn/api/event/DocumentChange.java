package dev.portablefn.api.event;

import java.util.Map;
import java.util.Objects;

/**
 * A change to a database document or row, the data of every {@code DATABASE} event (DynamoDB
 * Streams, Firestore, Cosmos DB change feed). Provider value encodings (DynamoDB AttributeValues,
 * Firestore value maps) are already converted to plain JSON and bound to {@code T}.
 *
 * @param collection the table, collection or container
 * @param key        the document's key fields as plain values (a single {@code "id"} entry where the provider has one)
 * @param before     the document before the change, when the provider sends it
 * @param after      the document after the change; {@code null} for a deletion
 * @param kind       what happened
 * @param <T>        the document type
 */
public record DocumentChange<T>(String collection, Map<String, Object> key, T before, T after, Kind kind) {

    /**
     * Checks the change and keeps an unmodifiable copy of its key.
     *
     * @param collection the table, collection or container
     * @param key        the document's key fields as plain values; {@code null} is taken as none
     * @param before     the document before the change, or {@code null} when the provider does not send it
     * @param after      the document after the change; {@code null} for a deletion
     * @param kind       what happened
     * @throws NullPointerException if the collection or kind is missing
     */
    public DocumentChange {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(kind, "kind");
        key = key == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
    }

    /** What happened to a document. */
    public enum Kind {
        /** It was created. */
        CREATED,
        /** It was changed. */
        UPDATED,
        /** It was deleted. */
        DELETED,
        /** The provider does not say (Cosmos DB's change feed reports only the latest version). */
        UPSERTED
    }
}
