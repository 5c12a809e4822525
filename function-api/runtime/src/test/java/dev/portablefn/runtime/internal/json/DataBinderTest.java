package dev.portablefn.runtime.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.InvalidInputException.Violation;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import dev.portablefn.runtime.json.JacksonCodec;
import jakarta.validation.constraints.Min;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataBinderTest {

    record Order(String id, int quantity) {
    }

    record Checked(@Min(1) int quantity) {
    }

    private static final DataBinder BINDER = DataBinder.of(JacksonCodec.standard(), null);
    private static final DataBinder VALIDATING = DataBinder.standard();

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void valueAlreadyOfTargetTypePassesThroughUnchanged() {
        StorageObject object = StorageObject.of("b", "k", StorageObject.Change.CREATED);

        assertThat((Object) BINDER.bind(object, StorageObject.class, "data")).isSameAs(object);
    }

    @Test
    void stringTargetTakesBytesAsUtf8TextAndTreesAsText() throws Exception {
        JsonNode textNode = JacksonCodec.standard().readTree(utf8("\"hi\""));
        JsonNode objectNode = JacksonCodec.standard().readTree(utf8("{\"a\":1}"));

        assertThat((String) BINDER.bind(utf8("héllo"), String.class, "data")).isEqualTo("héllo");
        assertThat((String) BINDER.bind("plain", String.class, "data")).isEqualTo("plain");
        assertThat((String) BINDER.bind(textNode, String.class, "data")).isEqualTo("hi");
        assertThat((String) BINDER.bind(objectNode, String.class, "data")).isEqualTo("{\"a\":1}");
    }

    @Test
    void bytesTargetTakesBytesTextAndTrees() throws Exception {
        byte[] raw = {1, 2, 3};

        assertThat((byte[]) BINDER.bind(raw, byte[].class, "data")).isSameAs(raw);
        assertThat((byte[]) BINDER.bind("é", byte[].class, "data")).isEqualTo(utf8("é"));
        assertThat((byte[]) BINDER.bind(JacksonCodec.standard().readTree(utf8("{\"a\":1}")), byte[].class, "data"))
                .isEqualTo(utf8("{\"a\":1}"));
    }

    @Test
    void objectTargetKeepsDecodedValueButBytesBecomeText() {
        StorageObject object = StorageObject.of("b", "k", StorageObject.Change.DELETED);

        assertThat((Object) BINDER.bind(utf8("text"), Object.class, "data")).isEqualTo("text");
        assertThat((Object) BINDER.bind(object, Object.class, "data")).isSameAs(object);
    }

    @Test
    void jsonNodeTargetParses() {
        JsonNode node = BINDER.bind(utf8("{\"a\":[1]}"), JsonNode.class, "data");

        assertThat(node.get("a").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void bytesTextAndTreesAreJsonBound() throws Exception {
        assertThat((Order) BINDER.bind(utf8("{\"id\":\"o1\",\"quantity\":2}"), Order.class, "data")).isEqualTo(new Order("o1", 2));
        assertThat((Order) BINDER.bind("{\"id\":\"o2\"}", Order.class, "data")).isEqualTo(new Order("o2", 0));
        assertThat((Order) BINDER.bind(JacksonCodec.standard().readTree(utf8("{\"id\":\"o3\",\"quantity\":3}")), Order.class, "data"))
                .isEqualTo(new Order("o3", 3));
    }

    @Test
    void textIsReadAsTextForEveryJsonTarget() {
        JsonNode tree = BINDER.bind("{\"a\":[\"é\"]}", JsonNode.class, "data");
        List<Order> orders = BINDER.bind("[{\"id\":\"☕\"}]", new TypeReference<List<Order>>() { }.getType(), "data");

        assertThat(tree.get("a").get(0).asText()).isEqualTo("é");
        assertThat(orders).containsExactly(new Order("☕", 0));
    }

    @Test
    void textFailuresAreNamedLikeBytes() {
        assertThatThrownBy(() -> BINDER.bind("", Order.class, "queue message"))
                .isInstanceOf(InvalidInputException.class).hasMessage("queue message is empty; expected JSON for Order");
        assertThatThrownBy(() -> BINDER.bind("{\"id\": }", Order.class, "queue message"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("queue message is not valid JSON at line 1, column 8");
        assertThatThrownBy(() -> BINDER.bind("{\"quantity\":\"lots\"}", Order.class, "queue message"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("quantity"));
    }

    @Test
    void genericTargetsAreBound() {
        List<Order> orders = BINDER.bind(utf8("[{\"id\":\"a\"}]"), new TypeReference<List<Order>>() { }.getType(), "data");

        assertThat(orders).containsExactly(new Order("a", 0));
    }

    @Test
    void nullStaysNullExceptForPrimitives() {
        assertThat((Object) BINDER.bind(null, Order.class, "data")).isNull();
        assertThatThrownBy(() -> BINDER.bind(null, int.class, "SQS record 3 body"))
                .isInstanceOf(InvalidInputException.class).hasMessage("SQS record 3 body is empty; expected int");
    }

    @Test
    void emptyPayloadIsNamed() {
        assertThatThrownBy(() -> BINDER.bind(new byte[0], Order.class, "SQS record 3 body"))
                .isInstanceOf(InvalidInputException.class).hasMessage("SQS record 3 body is empty; expected JSON for Order");
    }

    @Test
    void malformedJsonIsNamedWithLocation() {
        assertThatThrownBy(() -> BINDER.bind(utf8("{\"id\": }"), Order.class, "SQS record 3 body"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("SQS record 3 body is not valid JSON at line 1, column 8");
                    assertThat(e.violations()).isEmpty();
                    assertThat(e.getCause()).as("Jackson's detail, for the log").isNotNull()
                            .hasMessageContaining("Unexpected character ('}'");
                });
    }

    @Test
    void mismatchNamesTheFieldAndTheType() {
        assertThatThrownBy(() -> BINDER.bind(utf8("{\"quantity\":[1]}"), Order.class, "body"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("body is not a valid Order: field 'quantity' must be a number");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("quantity");
                });
    }

    @Test
    void treeMismatchIsAlsoNamed() throws Exception {
        JsonNode tree = JacksonCodec.standard().readTree(utf8("{\"quantity\":\"lots\"}"));

        assertThatThrownBy(() -> BINDER.bind(tree, Order.class, "event data"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.getMessage()).startsWith("event data is not a valid Order: field 'quantity'");
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("quantity");
                });
    }

    @Test
    void wrongJsonShapeIsAMismatch() {
        assertThatThrownBy(() -> BINDER.bind(utf8("[1,2]"), Order.class, "body"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("body is not a valid Order");
    }

    @Test
    void jsonLimitsAreReportedAsLimitsEvenDeepInsideABean() {
        DataBinder strict = DataBinder.of(JacksonCodec.withLimits(Limits.defaults().withMaxStringLength(5)), null);

        assertThatThrownBy(() -> strict.bind(utf8("{\"id\":\"0123456789\"}"), Order.class, "body"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("body exceeds a JSON limit: a string is too long")
                .hasMessageEndingWith("; raise it with Limits if the input is legitimate");
    }

    @Test
    void depthLimitIsReported() {
        DataBinder strict = DataBinder.of(JacksonCodec.withLimits(Limits.defaults().withMaxJsonDepth(2)), null);

        assertThatThrownBy(() -> strict.bind(utf8("{\"a\":{\"b\":{\"c\":1}}}"), JsonNode.class, "body"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("exceeds a JSON limit")
                .hasMessageContaining("nesting depth is too deep");
    }

    @Test
    void longErrorsAreShortened() {
        String longName = "x".repeat(1000);

        assertThatThrownBy(() -> BINDER.bind(utf8("{\"id\": " + longName + "}"), Order.class, "body"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage()).hasSizeLessThan(400));
    }

    @Test
    void validatingBinderChecksConstraints() {
        assertThatThrownBy(() -> VALIDATING.bind(utf8("{\"quantity\":0}"), Checked.class, "body"))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).containsExactly(new Violation("quantity", "must be greater than or equal to 1")));
        assertThat((Checked) BINDER.bind(utf8("{\"quantity\":0}"), Checked.class, "body")).isEqualTo(new Checked(0));
    }

    @Test
    void standardBinderUsesStandardCodec() {
        assertThat(DataBinder.standard().codec()).isSameAs(JacksonCodec.standard());
        assertThat(DataBinder.of(JacksonCodec.standard(), BeanValidation.shared()).codec()).isSameAs(JacksonCodec.standard());
    }
}
