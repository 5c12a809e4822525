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

    /**
     * Gives the provider's id for this event or message, the key to de-duplicate redeliveries by.
     *
     * @return the event id, never empty
     */
    public String id() {
        return id;
    }

    /**
     * Tells where the event came from.
     *
     * @return the source, such as a queue ARN, a bucket or a topic resource name; never empty
     */
    public String source() {
        return source;
    }

    /**
     * Tells what kind of occurrence this is, in the provider's words.
     *
     * @return the type, such as {@code aws:sqs} or {@code google.cloud.storage.object.v1.finalized}; never empty
     */
    public String type() {
        return type;
    }

    /**
     * Tells what the event is about within its source, such as an object key.
     *
     * @return the subject, or empty when the provider does not say
     */
    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    /**
     * Tells when the occurrence happened.
     *
     * @return the time, or empty when the provider does not say
     */
    public Optional<Instant> time() {
        return Optional.ofNullable(time);
    }

    /**
     * Tells the media type of the original payload, such as {@code application/json}.
     *
     * @return the media type, or empty when unknown
     */
    public Optional<String> dataContentType() {
        return Optional.ofNullable(dataContentType);
    }

    /**
     * Gives the event's data, bound to {@code T} before the function sees it.
     *
     * @return the data; {@code null} only for an event without data
     */
    public T data() {
        return data;
    }

    /**
     * Gives the event's string attributes: message attributes, CloudEvent extensions, stream metadata.
     *
     * @return the attributes by name, unmodifiable and possibly empty
     */
    public Map<String, String> attributes() {
        return attributes;
    }

    /**
     * Looks up one attribute of {@link #attributes()}.
     *
     * @param name an attribute name, matched exactly
     * @return its value, or empty when the event has no such attribute
     */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    /**
     * Tells the kind of source that delivered the event, the same on every provider.
     *
     * @return the trigger, never {@code null}
     */
    public Trigger trigger() {
        return trigger;
    }

    /**
     * Tells which delivery of this event this is, so a function can tell a first try from a retry.
     *
     * @return the attempt, starting at 1, or empty when the provider does not tell
     */
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
     * Copies this event with other data, such as the raw body rebound to a type; every other field is kept.
     *
     * @param newData the data of the copy
     * @param <U>     its type
     * @return the copy; this event is unchanged
     */
    public <U> Event<U> withData(U newData) {
        return new Event<>(this, newData);
    }

    /**
     * Starts a changed copy of this event.
     *
     * @return a new builder holding this event's fields; building it leaves this event unchanged
     */
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
         * Sets the event id; required.
         *
         * @param id the provider's event or message id
         * @return this builder
         */
        public Builder<T> id(String id) {
            this.id = id;
            return this;
        }

        /**
         * Sets where the event came from; required.
         *
         * @param source the source, such as a queue ARN or a bucket
         * @return this builder
         */
        public Builder<T> source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Sets the kind of occurrence; required.
         *
         * @param type the type, such as {@code aws:sqs}
         * @return this builder
         */
        public Builder<T> type(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets what the event is about within its source.
         *
         * @param subject the subject, such as an object key, or {@code null} for none
         * @return this builder
         */
        public Builder<T> subject(String subject) {
            this.subject = subject;
            return this;
        }

        /**
         * Sets when the occurrence happened.
         *
         * @param time the time, or {@code null} when unknown
         * @return this builder
         */
        public Builder<T> time(Instant time) {
            this.time = time;
            return this;
        }

        /**
         * Sets the media type of the original payload.
         *
         * @param dataContentType the media type, or {@code null} when unknown
         * @return this builder
         */
        public Builder<T> dataContentType(String dataContentType) {
            this.dataContentType = dataContentType;
            return this;
        }

        /**
         * Sets the event's data.
         *
         * @param data the data, already bound to {@code T}, or {@code null} for an event without data
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
         * Adds several attributes, as {@link #attribute(String, String)} does one by one.
         *
         * @param values the attributes to add, by name
         * @return this builder
         */
        public Builder<T> attributes(Map<String, String> values) {
            values.forEach(this::attribute);
            return this;
        }

        /**
         * Sets the kind of source that delivered the event; required.
         *
         * @param trigger the trigger
         * @return this builder
         */
        public Builder<T> trigger(Trigger trigger) {
            this.trigger = trigger;
            return this;
        }

        /**
         * Sets which delivery of the event this is.
         *
         * @param attempt the attempt, starting at 1, or {@code null} when unknown
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
         * Keeps the provider's own representation of the event, for {@link Event#unwrap}.
         *
         * @param nativeEvent the native event, or {@code null} for none
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
         * Builds the event.
         *
         * @return the event
         * @throws IllegalArgumentException if {@code id}, {@code source} or {@code type} is missing or empty
         * @throws NullPointerException if {@code trigger} is missing
         */
        public Event<T> build() {
            return new Event<>(this);
        }
    }
}
