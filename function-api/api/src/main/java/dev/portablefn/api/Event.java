package dev.portablefn.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A portable, CloudEvents-shaped event: what a non-HTTP trigger delivered, with its data bound to
 * {@code T}. Immutable; {@link #toBuilder()} and {@link #withData(Object)} make changed copies.
 *
 * @param <T> the type of {@link #data()}
 */
public final class Event<T> {

    private final String id;
    private final String source;
    private final String type;
    private final String subject;
    private final Instant time;
    private final String dataContentType;
    private final T data;
    private final Map<String, String> attributes;
    private final Trigger trigger;
    private final Integer deliveryAttempt;
    private final Object nativeEvent;

    private Event(Builder<T> builder) {
        this.id = require(builder.id, "id");
        this.source = require(builder.source, "source");
        this.type = require(builder.type, "type");
        this.trigger = Objects.requireNonNull(builder.trigger, "an event needs a trigger");
        this.subject = builder.subject;
        this.time = builder.time;
        this.dataContentType = builder.dataContentType;
        this.data = builder.data;
        this.attributes = builder.immutableAttributes();
        this.deliveryAttempt = builder.deliveryAttempt;
        this.nativeEvent = builder.nativeEvent;
    }

    /** A copy of {@code from} with other data; every other field is immutable and already checked, so shared. */
    private Event(Event<?> from, T data) {
        this.id = from.id;
        this.source = from.source;
        this.type = from.type;
        this.trigger = from.trigger;
        this.subject = from.subject;
        this.time = from.time;
        this.dataContentType = from.dataContentType;
        this.data = data;
        this.attributes = from.attributes;
        this.deliveryAttempt = from.deliveryAttempt;
        this.nativeEvent = from.nativeEvent;
    }

    private static String require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("an event needs a non-empty " + name);
        }
        return value;
    }

    /**
     * Starts an event.
     *
     * @param <T> the data type
     * @return a builder with no fields set
     */
    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** @return the provider's id for this event or message; the key for de-duplication */
    public String id() {
        return id;
    }

    /** @return where the event came from, such as a queue ARN, a bucket or a topic resource name */
    public String source() {
        return source;
    }

    /** @return the kind of occurrence, such as {@code aws:sqs} or {@code google.cloud.storage.object.v1.finalized} */
    public String type() {
        return type;
    }

    /** @return what the event is about within its source, such as an object key, when the provider says */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /** @return when the occurrence happened, when the provider says */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /** @return the media type of the original payload, when known */
    public Optional<String> dataContentType() {
        return Optional.ofNullable(dataContentType);
    }

    /** @return the event data, bound to {@code T}; {@code null} only for an event without data */
    public T data() {
        return data;
    }

    /** @return string attributes: message attributes, CloudEvent extensions, stream metadata; unmodifiable */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * @param name an attribute name
     * @return its value, if present
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /** @return the kind of source that delivered the event */
    public Trigger trigger() {
        return trigger;
    }

    /** @return which delivery this is, starting at 1, when the provider tells */
    public OptionalInt deliveryAttempt() {
        return deliveryAttempt == null ? OptionalInt.empty() : OptionalInt.of(deliveryAttempt);
    }

    /**
     * Gives the provider's own representation of this event, for what the portable API does not cover.
     *
     * @param type the expected native type, such as Jackson's {@code JsonNode} for the raw record
     * @param <U>  the native type
     * @return the native event
     * @throws IllegalArgumentException if the native event is absent or not of that type
     */
    public <U> U unwrap(Class<U> type) {
        if (type.isInstance(nativeEvent)) {
            return type.cast(nativeEvent);
        }
        throw new IllegalArgumentException("event " + id + " does not wrap a " + type.getName() + "; it wraps "
                + (nativeEvent == null ? "nothing" : nativeEvent.getClass().getName()));
    }

    /**
     * @param newData the data of the copy
     * @param <U>     its type
     * @return a copy of this event with other data
     */
    public <U> Event<U> withData(U newData) {
        return new Event<>(this, newData);
    }

    /** @return a builder holding this event's fields */
    public Builder<T> toBuilder() {
        Builder<T> builder = new Builder<>();
        builder.id = id;
        builder.source = source;
        builder.type = type;
        builder.subject = subject;
        builder.time = time;
        builder.dataContentType = dataContentType;
        builder.data = data;
        if (!attributes.isEmpty()) {
            builder.attributes = new LinkedHashMap<>(attributes);
        }
        builder.trigger = trigger;
        builder.deliveryAttempt = deliveryAttempt;
        builder.nativeEvent = nativeEvent;
        return builder;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Event<?> that)) {
            return false;
        }
        return id.equals(that.id) && source.equals(that.source) && type.equals(that.type)
                && Objects.equals(subject, that.subject) && Objects.equals(time, that.time)
                && Objects.equals(dataContentType, that.dataContentType)
                && dataEquals(data, that.data) && attributes.equals(that.attributes)
                && trigger == that.trigger && Objects.equals(deliveryAttempt, that.deliveryAttempt);
    }

    private static boolean dataEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return java.util.Arrays.equals(x, y);
        }
        return Objects.equals(a, b);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, source, type, trigger);
    }

    @Override
    public String toString() {
        return "Event{trigger=" + trigger + ", id=" + id + ", source=" + source + ", type=" + type
                + (subject == null ? "" : ", subject=" + subject) + "}";
    }

    /**
     * Builds an {@link Event}; {@code id}, {@code source}, {@code type} and {@code trigger} are required.
     *
     * @param <T> the data type
     */
    public static final class Builder<T> {
        private String id;
        private String source;
        private String type;
        private String subject;
        private Instant time;
        private String dataContentType;
        private T data;
        private Map<String, String> attributes;   // created with the second attribute: many events have none or one
        private String onlyName;    // the first attribute while it is the only one
        private String onlyValue;
        private Trigger trigger;
        private Integer deliveryAttempt;
        private Object nativeEvent;

        private Builder() {
        }

        /**
         * @param id the provider's event or message id
         * @return this builder
         */
        public Builder<T> id(String id) {
            this.id = id;
            return this;
        }

        /**
         * @param source where the event came from
         * @return this builder
         */
        public Builder<T> source(String source) {
            this.source = source;
            return this;
        }

        /**
         * @param type the kind of occurrence
         * @return this builder
         */
        public Builder<T> type(String type) {
            this.type = type;
            return this;
        }

        /**
         * @param subject what the event is about, or {@code null}
         * @return this builder
         */
        public Builder<T> subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * @param time when it happened, or {@code null}
         * @return this builder
         */
        public Builder<T> time(Instant time) {
            this.time = time;
            return this;
        }

        /**
         * @param dataContentType the payload's media type, or {@code null}
         * @return this builder
         */
        public Builder<T> dataContentType(String dataContentType) {
            this.dataContentType = dataContentType;
            return this;
        }

        /**
         * @param data the data
         * @return this builder
         */
        public Builder<T> data(T data) {
            this.data = data;
            return this;
        }

        /**
         * Adds an attribute; a {@code null} value is ignored.
         *
         * @param name  the attribute name
         * @param value its value
         * @return this builder
         */
        public Builder<T> attribute(String name, String value) {
            if (value != null) {
                Objects.requireNonNull(name, "attribute name");
                if (attributes != null) {
                    attributes.put(name, value);
                } else if (onlyName == null || onlyName.equals(name)) {
                    onlyName = name;   // one attribute needs no map until the event is built
                    onlyValue = value;
                } else {
                    attributes = new LinkedHashMap<>(4);
                    attributes.put(onlyName, onlyValue);
                    attributes.put(name, value);
                    onlyName = null;
                    onlyValue = null;
                }
            }
            return this;
        }

        /**
         * @param values attributes to add
         * @return this builder
         */
        public Builder<T> attributes(Map<String, String> values) {
            values.forEach(this::attribute);
            return this;
        }

        /**
         * @param trigger the kind of source
         * @return this builder
         */
        public Builder<T> trigger(Trigger trigger) {
            this.trigger = trigger;
            return this;
        }

        /**
         * @param attempt which delivery this is, starting at 1, or {@code null} when unknown
         * @return this builder
         * @throws IllegalArgumentException if {@code attempt} is below 1
         */
        public Builder<T> deliveryAttempt(Integer attempt) {
            if (attempt != null && attempt < 1) {
                throw new IllegalArgumentException("delivery attempt starts at 1, got " + attempt);
            }
            this.deliveryAttempt = attempt;
            return this;
        }

        /**
         * @param nativeEvent the provider's representation, for {@link Event#unwrap}
         * @return this builder
         */
        public Builder<T> nativeEvent(Object nativeEvent) {
            this.nativeEvent = nativeEvent;
            return this;
        }

        private Map<String, String> immutableAttributes() {
            if (attributes == null) {
                return onlyName == null ? Map.of() : Map.of(onlyName, onlyValue);
            }
            if (attributes.isEmpty()) {
                return Map.of();
            }
            if (attributes.size() == 1) {
                Map.Entry<String, String> only = attributes.entrySet().iterator().next();
                return Map.of(only.getKey(), only.getValue());
            }
            // Kept in arrival order (Map.copyOf's order changes from run to run), so printed events read the same.
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /**
         * @return the event
         * @throws IllegalArgumentException if a required field is missing
         */
        public Event<T> build() {
            return new Event<>(this);
        }
    }
}
