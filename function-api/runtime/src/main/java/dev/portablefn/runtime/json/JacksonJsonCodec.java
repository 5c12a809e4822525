package dev.portablefn.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.SimpleType;
import dev.portablefn.api.Limits;
import dev.portablefn.runtime.internal.json.DataBinder;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** {@link JacksonCodec} over one Jackson mapper. */
final class JacksonJsonCodec implements JacksonCodec {

    /** Built on first use so a function that never touches JSON does not pay for Jackson's setup. */
    static final Supplier<JacksonCodec> STANDARD = new Supplier<>() {
        private volatile JacksonCodec codec;

        @Override
        public JacksonCodec get() {
            JacksonCodec current = codec;
            if (current == null) {
                synchronized (this) {
                    current = codec;
                    if (current == null) {
                        current = new JacksonJsonCodec(configure(Limits.defaults()));
                        codec = current;
                    }
                }
            }
            return current;
        }
    };

    /** Codecs for limits other than the defaults, built once per limits: a mapper is expensive to build. */
    private static final Map<Limits, JacksonCodec> BY_LIMITS = new ConcurrentHashMap<>();

    private final ObjectMapper mapper;
    /** Binds and validates for {@link #bind}; made on first use. */
    private volatile DataBinder binder;
    /** Jackson's type of each plain class asked for, so binding to a class constructs nothing per call. */
    private final ClassValue<JavaType> classTypes = new ClassValue<>() {
        @Override
        protected JavaType computeValue(Class<?> type) {
            return mapper.getTypeFactory().constructType(type);
        }
    };
    /**
     * One reader per plain class, made on first use with its root deserializer already found: reading through it
     * skips the type construction and the deserializer-cache lookup {@code mapper.readValue} makes on every call.
     */
    private final ClassValue<ObjectReader> readers = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return mapper.readerFor(type);
        }
    };

    /**
     * Reads trees with the JsonNode deserializer found once, not looked up in the mapper's cache per call. Made on
     * first use (like the mapper's own caches), so the mapper's configuration as of then applies.
     */
    private volatile ObjectReader treeReader;
    /** The reader used last: a function binds one type over and over, and an identity check is cheaper than a lookup. */
    private volatile LastReader lastReader = new LastReader(null, null);

    private record LastReader(JavaType type, ObjectReader reader) {
    }

    JacksonJsonCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static JacksonCodec withLimits(Limits limits) {
        // Identity first: a record's first equals() sets up method handles a cold start pays for (benchmarks/ANALYSIS.md).
        return limits == Limits.defaults() || limits.equals(Limits.defaults()) ? STANDARD.get()
                : BY_LIMITS.computeIfAbsent(limits, given -> new JacksonJsonCodec(configure(given)));
    }

    @Override
    public <T> T bind(Object data, Type type, String what) {
        DataBinder known = binder;
        if (known == null) {
            known = DataBinder.of(this, BeanValidation.shared());
            binder = known;
        }
        return known.bind(data, type, what);
    }

    static ObjectMapper configure(Limits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(limits.maxNumberLength())
                        .build())
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
        return JsonMapper.builder(factory)
                .annotationIntrospector(new ValidationAwareIntrospector())
                .addModule(new JavaTimeOnDemand())   // JavaTimeModule, set up on the first java.time type
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    @Override
    public ObjectMapper mapper() {
        return mapper;
    }

    @Override
    public void prime(Type type) {
        JavaType javaType = type(type);
        if (plainReader(javaType) == null) {
            mapper.readerFor(javaType);   // finds the root deserializer, which the mapper then caches
        }
    }

    @Override
    public JavaType type(Type type) {
        if (type instanceof Class<?> plain) {
            return classTypes.get(plain);
        }
        return mapper.getTypeFactory().constructType(type);
    }

    @Override
    public JsonNode readTree(byte[] json) throws IOException {
        return present(treeReader().readTree(json));
    }

    @Override
    public JsonNode readTree(String json) throws IOException {
        return present(treeReader().readTree(json));
    }

    private ObjectReader treeReader() {
        ObjectReader reader = treeReader;
        if (reader == null) {
            reader = mapper.readerFor(JsonNode.class);
            treeReader = reader;
        }
        return reader;
    }

    private static JsonNode present(JsonNode node) throws IOException {
        if (node == null || node.isMissingNode()) {
            throw new IOException("no JSON content");
        }
        return node;
    }

    @Override
    public <T> T read(byte[] json, JavaType type) throws IOException {
        ObjectReader reader = plainReader(type);
        return reader != null ? reader.readValue(json) : mapper.readValue(json, type);
    }

    @Override
    public <T> T read(String json, JavaType type) throws IOException {
        ObjectReader reader = plainReader(type);
        return reader != null ? reader.readValue(json) : mapper.readValue(json, type);
    }

    /** @return the prepared reader for a plain class, or {@code null} for a generic type (read through the mapper) */
    private ObjectReader plainReader(JavaType type) {
        LastReader last = lastReader;
        if (last.type() == type) {
            return last.reader();
        }
        if (type instanceof SimpleType && !type.hasGenericTypes()) {   // a plain class: same type as readerFor(class)
            ObjectReader reader = readers.get(type.getRawClass());
            lastReader = new LastReader(type, reader);
            return reader;
        }
        return null;
    }

    @Override
    public <T> T convert(Object value, JavaType type) {
        return mapper.convertValue(value, type);
    }

    @Override
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
