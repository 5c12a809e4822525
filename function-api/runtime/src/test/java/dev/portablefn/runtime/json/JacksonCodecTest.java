package dev.portablefn.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.portablefn.api.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JacksonCodecTest {

    record Lesson(String title, Duration length) {
    }

    record Course(String id, Instant created, LocalDate starts, OffsetDateTime updated, List<Lesson> lessons) {
    }

    /** A user's bundle of Jackson annotations. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    @JacksonAnnotationsInside
    @JsonProperty("full_name")
    @interface FullName {
    }

    record Signup(@FullName @NotBlank @Size(max = 40) String name, @NotBlank String email) {
    }

    private static final JacksonCodec CODEC = JacksonCodec.standard();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void standardIsSharedAndBuiltOnce() {
        assertThat(JacksonCodec.standard()).isSameAs(JacksonCodec.standard());
        assertThat(JacksonCodec.standard().mapper()).isSameAs(JacksonCodec.standard().mapper());
    }

    @Test
    void recordsAndJavaTimeRoundTripAsIsoStrings() throws Exception {
        Course course = new Course("c1", Instant.parse("2026-01-05T10:15:30.123Z"), LocalDate.of(2026, 2, 1),
                OffsetDateTime.of(2026, 1, 5, 12, 0, 0, 0, ZoneOffset.ofHours(2)), List.of(new Lesson("intro", Duration.ofMinutes(5))));

        byte[] json = CODEC.write(course);
        JsonNode tree = CODEC.readTree(json);

        assertThat(tree.get("created").asText()).isEqualTo("2026-01-05T10:15:30.123Z");
        assertThat(tree.get("starts").asText()).isEqualTo("2026-02-01");
        assertThat(tree.get("updated").asText()).isEqualTo("2026-01-05T12:00:00+02:00");
        assertThat(tree.get("lessons").get(0).get("length").asText()).isEqualTo("PT5M");
        Course back = CODEC.read(json, CODEC.type(Course.class));
        assertThat(back).isEqualTo(course);
        assertThat(back.updated().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        Lesson lesson = CODEC.read(utf8("{\"title\":\"t\",\"surprise\":{\"deep\":[1,2]}}"), CODEC.type(Lesson.class));

        assertThat(lesson).isEqualTo(new Lesson("t", null));
    }

    @Test
    void trailingTokensAreRejected() {
        assertThatThrownBy(() -> CODEC.read(utf8("{\"title\":\"t\"} {}"), CODEC.type(Lesson.class)))
                .isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aPlainClassIsResolvedOnceAndReadsLikeItsGenericForm() throws Exception {
        JavaType lesson = CODEC.type(Lesson.class);

        assertThat(CODEC.type(Lesson.class)).isSameAs(lesson);
        Lesson viaReader = CODEC.read(utf8("{\"title\":\"t\"}"), lesson);
        List<Lesson> viaMapper = CODEC.read(utf8("[{\"title\":\"t\"}]"), CODEC.type(new TypeReference<List<Lesson>>() { }.getType()));
        assertThat(viaMapper).containsExactly(viaReader);
        assertThatThrownBy(() -> CODEC.read(utf8("{\"title\":\"t\"} {}"), lesson)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void nonNumericNumbersAreRejected() {
        assertThatThrownBy(() -> CODEC.readTree(utf8("{\"a\": NaN}"))).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void noDefaultTypingClassNamesInJsonAreJustData() throws Exception {
        Object value = CODEC.read(utf8("[\"java.util.ArrayList\",[1]]"), CODEC.type(Object.class));

        assertThat(value).isEqualTo(List.of("java.util.ArrayList", List.of(1)));
    }

    @Test
    void genericTypesAreResolved() throws Exception {
        Map<String, List<Lesson>> value = CODEC.read(utf8("{\"a\":[{\"title\":\"x\"}]}"),
                CODEC.type(new com.fasterxml.jackson.core.type.TypeReference<Map<String, List<Lesson>>>() { }.getType()));

        assertThat(value.get("a")).containsExactly(new Lesson("x", null));
    }

    @Test
    void convertMapsTreesToTypes() {
        JsonNode tree = CODEC.mapper().createObjectNode().put("title", "x").put("length", "PT1S");

        Lesson lesson = CODEC.convert(tree, CODEC.type(Lesson.class));

        assertThat(lesson).isEqualTo(new Lesson("x", Duration.ofSeconds(1)));
    }

    @Test
    void textReadsLikeItsUtf8Bytes() throws Exception {
        String json = "{\"title\":\"café ☕\",\"length\":\"PT1S\"}";

        assertThat((Lesson) CODEC.read(json, CODEC.type(Lesson.class)))
                .isEqualTo(CODEC.read(utf8(json), CODEC.type(Lesson.class)));
        assertThat(CODEC.readTree(json)).isEqualTo(CODEC.readTree(utf8(json)));
        List<Lesson> generic = CODEC.read("[" + json + "]", CODEC.type(new TypeReference<List<Lesson>>() { }.getType()));
        assertThat(generic).containsExactly(new Lesson("café ☕", Duration.ofSeconds(1)));
    }

    @Test
    void textIsHeldToTheSameRulesAsBytes() {
        assertThatThrownBy(() -> CODEC.read("{\"title\":\"t\"} {}", CODEC.type(Lesson.class)))
                .isInstanceOf(IOException.class).hasMessageContaining("Trailing token");
        assertThatThrownBy(() -> CODEC.readTree(" ")).isInstanceOf(IOException.class).hasMessageContaining("no JSON content");
        JacksonCodec strict = JacksonCodec.withLimits(Limits.defaults().withMaxJsonDepth(2));
        assertThatThrownBy(() -> strict.readTree("[[[1]]]")).isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void emptyInputIsNotATree() {
        assertThatThrownBy(() -> CODEC.readTree(utf8("  "))).isInstanceOf(IOException.class).hasMessageContaining("no JSON content");
    }

    @Test
    void unwritableValueIsAClearError() {
        assertThatIllegalArgumentException().isThrownBy(() -> CODEC.write(new Object()))
                .withMessageStartingWith("cannot write java.lang.Object as JSON");
    }

    @Test
    void depthLimitIsEnforced() throws Exception {
        JacksonCodec codec = JacksonCodec.withLimits(Limits.defaults().withMaxJsonDepth(3));

        assertThat(codec.readTree(utf8("[[[1]]]"))).isNotNull();
        assertThatThrownBy(() -> codec.readTree(utf8("[[[[1]]]]"))).isInstanceOf(IOException.class)
                .hasStackTraceContaining(StreamConstraintsException.class.getName()).hasStackTraceContaining("nesting depth");
    }

    @Test
    void defaultDepthLimitStopsDeepNesting() {
        String deep = "[".repeat(201) + "]".repeat(201);

        assertThatThrownBy(() -> CODEC.readTree(utf8(deep))).isInstanceOf(IOException.class)
                .hasStackTraceContaining(StreamConstraintsException.class.getName());
    }

    @Test
    void numberLengthLimitIsEnforced() throws Exception {
        JacksonCodec codec = JacksonCodec.withLimits(Limits.defaults().withMaxNumberLength(5));

        assertThat(codec.readTree(utf8("[12345]")).get(0).asInt()).isEqualTo(12345);
        assertThatThrownBy(() -> codec.read(utf8("[1234567]"), codec.type(long[].class)))
                .isInstanceOf(IOException.class).hasStackTraceContaining("Number value length");
    }

    @Test
    void stringLengthLimitIsEnforced() throws Exception {
        JacksonCodec codec = JacksonCodec.withLimits(Limits.defaults().withMaxStringLength(10));

        assertThat(codec.readTree(utf8("[\"0123456789\"]")).get(0).asText()).hasSize(10);
        assertThatThrownBy(() -> codec.readTree(utf8("[\"" + "x".repeat(11) + "\"]")))
                .isInstanceOf(IOException.class).hasStackTraceContaining("String value length");
    }

    @Test
    void ofWrapsTheApplicationsMapperAsIs() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        JacksonCodec codec = JacksonCodec.of(mapper);

        assertThat(codec.mapper()).isSameAs(mapper);
        assertThat(new String(codec.write(Map.of("a", 1)), StandardCharsets.UTF_8)).contains("\n");
    }

    @Test
    void annotationBundlesStillApplyBesideValidationConstraints() throws Exception {
        Signup signup = CODEC.read(utf8("{\"full_name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}"),
                CODEC.type(Signup.class));

        assertThat(signup).isEqualTo(new Signup("Ada Lovelace", "ada@example.org"));
        assertThat(new String(CODEC.write(signup), StandardCharsets.UTF_8))
                .isEqualTo("{\"full_name\":\"Ada Lovelace\",\"email\":\"ada@example.org\"}");
    }
}
