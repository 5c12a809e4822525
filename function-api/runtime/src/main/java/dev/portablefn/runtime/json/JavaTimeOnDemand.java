package dev.portablefn.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.AbstractTypeResolver;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.PropertyNamingStrategy;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.MutableConfigOverride;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.introspect.ClassIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.ser.std.ToEmptyObjectSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.ser.DurationSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.InstantSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.JavaTimeSerializerModifier;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.LocalTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.MonthDaySerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.OffsetTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.YearMonthSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.YearSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.ZoneIdSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.ZonedDateTimeSerializer;
import com.fasterxml.jackson.datatype.jsr310.ser.key.ZonedDateTimeKeySerializer;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjuster;
import java.util.Collection;

/**
 * Jackson's {@link JavaTimeModule}, set up when the mapper first meets a {@code java.time} type instead of when the
 * mapper is built, and only the half that is needed: writing a date makes the module's serializers alone, reading one
 * sets up the whole module. Setting up the whole module loads about 140 classes (its serializers, deserializers and
 * their formatters): 33 ms of a cold start that binds no date, and about 20 ms more than the serializers alone for one
 * that only writes one (benchmarks/ANALYSIS.md). The (de)serializers are the module's own, unchanged: this class only
 * decides when they are made, once per JVM, and hands each mapper's lookups of {@code java.time} types to them. Every
 * other type is answered "not mine", as if the module were absent.
 */
final class JavaTimeOnDemand extends Module {

    @Override
    public String getModuleName() {
        return "portablefn-java-time-on-demand";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new TimeSerializers(false));
        context.addKeySerializers(new TimeSerializers(true));
        context.addDeserializers(new TimeDeserializers());
        context.addKeyDeserializers(new TimeKeyDeserializers());
        context.addValueInstantiators(new TimeValueInstantiators());
        context.addBeanDeserializerModifier(new TimeDeserializerModifier());
        context.addBeanSerializerModifier(new TimeSerializerModifier());
    }

    private static boolean isTimeType(Class<?> type) {
        return type.getName().startsWith("java.time.");
    }

    /**
     * The serializers {@link JavaTimeModule#setupModule} registers (jackson-datatype-jsr310 2.21), without the module's
     * deserializers, and each made only when its type is first written: every one is a class of its own, so a function
     * that writes only {@code Instant}s loads only {@code Instant}'s (a cold start writing one {@code Instant} loaded
     * the other 13 and their lambdas). A type not in the table is looked up by its superclasses, as the module's
     * {@code SimpleSerializers} does ({@code ZoneRegion} is written as a {@code ZoneId}). {@code JavaTimeOnDemandTest}
     * compares what every {@code java.time} type is written as with the module's output, so an upgrade that changes the
     * module's table fails there.
     */
    private static final class Writing {

        /** The module's, with {@code JavaTimeFeature.ONE_BASED_MONTHS} off as the module has it by default. */
        static final BeanSerializerModifier ENUM_MODIFIER = new JavaTimeSerializerModifier(false);

        private Writing() {
        }

        /** @return the module's serializer of {@code type} or of its nearest {@code java.time} superclass, or null */
        static JsonSerializer<?> serializer(Class<?> type) {
            for (Class<?> at = type; at != null && isTimeType(at); at = at.getSuperclass()) {
                Object found = registered(at.getName());
                if (found != null) {
                    return (JsonSerializer<?>) found;
                }
            }
            return null;
        }

        /** @return the module's key serializer of {@code type}, or null */
        static JsonSerializer<?> keySerializer(Class<?> type) {
            return type == ZonedDateTime.class ? ZonedDateTimeKeySerializer.INSTANCE : null;
        }

        /** Typed {@code Object}: checking a {@code JsonSerializer} result, the verifier would load every class named. */
        private static Object registered(String type) {
            return switch (type) {
                case "java.time.Duration" -> DurationSerializer.INSTANCE;
                case "java.time.Instant" -> InstantSerializer.INSTANCE;
                case "java.time.LocalDateTime" -> LocalDateTimeSerializer.INSTANCE;
                case "java.time.LocalDate" -> LocalDateSerializer.INSTANCE;
                case "java.time.LocalTime" -> LocalTimeSerializer.INSTANCE;
                case "java.time.MonthDay" -> MonthDaySerializer.INSTANCE;
                case "java.time.OffsetDateTime" -> OffsetDateTimeSerializer.INSTANCE;
                case "java.time.OffsetTime" -> OffsetTimeSerializer.INSTANCE;
                case "java.time.Period" -> new ToStringSerializer(Period.class);
                case "java.time.Year" -> YearSerializer.INSTANCE;
                case "java.time.YearMonth" -> YearMonthSerializer.INSTANCE;
                case "java.time.ZonedDateTime" -> ZonedDateTimeSerializer.INSTANCE;
                case "java.time.ZoneId" -> new ZoneIdSerializer();
                case "java.time.ZoneOffset" -> new ToStringSerializer(ZoneOffset.class);
                default -> null;
            };
        }
    }

    /**
     * What {@link JavaTimeModule#setupModule} registers, captured once when a {@code java.time} type is first read; the
     * holder idiom makes it lazy and safe.
     */
    private static final class Reading implements SetupContext {
        static final Reading MODULE = new Reading();

        private Deserializers deserializers;
        private KeyDeserializers keyDeserializers;
        private ValueInstantiators valueInstantiators;
        private BeanDeserializerModifier deserializerModifier;

        private Reading() {
            new JavaTimeModule().setupModule(this);
        }

        // Its serializers and serializer modifier are Writing's, made without setting up the rest.

        @Override
        public void addSerializers(Serializers given) {
        }

        @Override
        public void addKeySerializers(Serializers given) {
        }

        @Override
        public void addDeserializers(Deserializers given) {
            deserializers = only(deserializers, given, "deserializers");
        }

        @Override
        public void addKeyDeserializers(KeyDeserializers given) {
            keyDeserializers = only(keyDeserializers, given, "key deserializers");
        }

        @Override
        public void addValueInstantiators(ValueInstantiators given) {
            valueInstantiators = only(valueInstantiators, given, "value instantiators");
        }

        @Override
        public void addBeanDeserializerModifier(BeanDeserializerModifier given) {
            deserializerModifier = only(deserializerModifier, given, "deserializer modifiers");
        }

        @Override
        public void addBeanSerializerModifier(BeanSerializerModifier given) {
        }

        private static <T> T only(T held, T given, String what) {
            if (held != null) {
                throw unsupported("a second set of " + what);
            }
            return given;
        }

        // JavaTimeModule asks for nothing else; should a later version do, fail loudly rather than drop it.

        private static UnsupportedOperationException unsupported(String what) {
            return new UnsupportedOperationException("JavaTimeModule registered " + what
                    + ", which JavaTimeOnDemand does not pass on to the mapper: register JavaTimeModule directly");
        }

        @Override
        public Version getMapperVersion() {
            throw unsupported("a need for the mapper version");
        }

        @Override
        public <C extends ObjectCodec> C getOwner() {
            throw unsupported("a need for the mapper");
        }

        @Override
        public TypeFactory getTypeFactory() {
            throw unsupported("a need for the type factory");
        }

        @Override
        public boolean isEnabled(MapperFeature feature) {
            throw unsupported("a need for mapper feature " + feature);
        }

        @Override
        public boolean isEnabled(DeserializationFeature feature) {
            throw unsupported("a need for deserialization feature " + feature);
        }

        @Override
        public boolean isEnabled(SerializationFeature feature) {
            throw unsupported("a need for serialization feature " + feature);
        }

        @Override
        public boolean isEnabled(JsonFactory.Feature feature) {
            throw unsupported("a need for factory feature " + feature);
        }

        @Override
        public boolean isEnabled(JsonParser.Feature feature) {
            throw unsupported("a need for parser feature " + feature);
        }

        @Override
        public boolean isEnabled(JsonGenerator.Feature feature) {
            throw unsupported("a need for generator feature " + feature);
        }

        @Override
        public MutableConfigOverride configOverride(Class<?> type) {
            throw unsupported("a config override");
        }

        @Override
        public void addAbstractTypeResolver(AbstractTypeResolver resolver) {
            throw unsupported("an abstract type resolver");
        }

        @Override
        public void addTypeModifier(TypeModifier modifier) {
            throw unsupported("a type modifier");
        }

        @Override
        public void setClassIntrospector(ClassIntrospector introspector) {
            throw unsupported("a class introspector");
        }

        @Override
        public void insertAnnotationIntrospector(AnnotationIntrospector introspector) {
            throw unsupported("an annotation introspector");
        }

        @Override
        public void appendAnnotationIntrospector(AnnotationIntrospector introspector) {
            throw unsupported("an annotation introspector");
        }

        @Override
        public void registerSubtypes(Class<?>... subtypes) {
            throw unsupported("subtypes");
        }

        @Override
        public void registerSubtypes(NamedType... subtypes) {
            throw unsupported("subtypes");
        }

        @Override
        public void registerSubtypes(Collection<Class<?>> subtypes) {
            throw unsupported("subtypes");
        }

        @Override
        public void setMixInAnnotations(Class<?> target, Class<?> mixin) {
            throw unsupported("a mix-in");
        }

        @Override
        public void addDeserializationProblemHandler(DeserializationProblemHandler handler) {
            throw unsupported("a problem handler");
        }

        @Override
        public void setNamingStrategy(PropertyNamingStrategy strategy) {
            throw unsupported("a naming strategy");
        }
    }

    private static final class TimeSerializers extends Serializers.Base {
        private final boolean keys;

        TimeSerializers(boolean keys) {
            this.keys = keys;
        }

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription bean) {
            Class<?> raw = type.getRawClass();
            if (keys) {
                return isTimeType(raw) ? Writing.keySerializer(raw) : null;
            }
            if (raw.isSynthetic() && TemporalAdjuster.class.isAssignableFrom(raw)) {
                return new ToEmptyObjectSerializer(type);   // the module writes a lambda adjuster (of any package) as {}
            }
            return isTimeType(raw) ? Writing.serializer(raw) : null;
        }
    }

    private static final class TimeDeserializers extends Deserializers.Base {
        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                                                        BeanDescription bean) throws JsonMappingException {
            return isTimeType(type.getRawClass())
                    ? Reading.MODULE.deserializers.findBeanDeserializer(type, config, bean) : null;
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return isTimeType(valueType) && Reading.MODULE.deserializers.hasDeserializerFor(config, valueType);
        }
    }

    private static final class TimeKeyDeserializers implements KeyDeserializers {
        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription bean)
                throws JsonMappingException {
            return isTimeType(type.getRawClass())
                    ? Reading.MODULE.keyDeserializers.findKeyDeserializer(type, config, bean) : null;
        }
    }

    private static final class TimeValueInstantiators extends ValueInstantiators.Base {
        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription bean,
                                                       ValueInstantiator defaultInstantiator) {
            return isTimeType(bean.getBeanClass())
                    ? Reading.MODULE.valueInstantiators.findValueInstantiator(config, bean, defaultInstantiator)
                    : defaultInstantiator;
        }
    }

    private static final class TimeDeserializerModifier extends BeanDeserializerModifier {
        @Override
        public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                          BeanDescription bean, JsonDeserializer<?> deserializer) {
            return isTimeType(type.getRawClass())
                    ? Reading.MODULE.deserializerModifier.modifyEnumDeserializer(config, type, bean, deserializer)
                    : deserializer;
        }
    }

    private static final class TimeSerializerModifier extends BeanSerializerModifier {
        @Override
        public JsonSerializer<?> modifyEnumSerializer(SerializationConfig config, JavaType type, BeanDescription bean,
                                                      JsonSerializer<?> serializer) {
            return isTimeType(type.getRawClass())
                    ? Writing.ENUM_MODIFIER.modifyEnumSerializer(config, type, bean, serializer)
                    : serializer;
        }
    }
}
