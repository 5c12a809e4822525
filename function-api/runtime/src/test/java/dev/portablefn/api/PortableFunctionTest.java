package dev.portablefn.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.runtime.json.JacksonCodec;
import java.lang.reflect.ParameterizedType;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PortableFunctionTest {

    record Order(String id) {
    }

    public static final class OrderFunction implements EventFunction<Order> {
        @Override
        public void handle(Event<Order> event, Context context) {
        }
    }

    public static final class OrderBatch implements BatchFunction<Order> {
        @Override
        public BatchResult handle(List<Event<Order>> events, Context context) {
            return BatchResult.success();
        }
    }

    public static final class ChangeFunction implements EventFunction<DocumentChange<Order>> {
        @Override
        public void handle(Event<DocumentChange<Order>> event, Context context) {
        }
    }

    abstract static class BaseHandler<T> implements EventFunction<T> {
    }

    public static final class InheritingFunction extends BaseHandler<Order> {
        @Override
        public void handle(Event<Order> event, Context context) {
        }
    }

    interface OrderHandler extends EventFunction<Order> {
    }

    public static final class ViaSubInterface implements OrderHandler {
        @Override
        public void handle(Event<Order> event, Context context) {
        }
    }

    public static final class Hello implements HttpFunction {
        @Override
        public HttpResponse handle(dev.portablefn.api.http.HttpRequest request, Context context) {
            return HttpResponse.ok().text("hello");
        }
    }

    public static final class NeedsArgument implements HttpFunction {
        public NeedsArgument(String greeting) {
        }

        @Override
        public HttpResponse handle(dev.portablefn.api.http.HttpRequest request, Context context) {
            return HttpResponse.ok();
        }
    }

    public static final class Exploding implements HttpFunction {
        public Exploding() {
            throw new IllegalStateException("no config");
        }

        @Override
        public HttpResponse handle(dev.portablefn.api.http.HttpRequest request, Context context) {
            return HttpResponse.ok();
        }
    }

    public static final class NotAFunction {
    }

    public static final class SupplierOfHello implements Supplier<HttpFunction> {
        @Override
        public HttpFunction get() {
            return new Hello();
        }
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(PortableFunction.SYSTEM_PROPERTY);
    }

    @Test
    void dataTypeIsReadFromImplementsClause() {
        PortableFunction function = PortableFunction.of(new OrderFunction());

        assertThat(function.kind()).isEqualTo(PortableFunction.Kind.EVENT);
        assertThat(function.dataType()).isEqualTo(Order.class);
    }

    @Test
    void dataTypeIsReadForBatchFunctions() {
        PortableFunction function = PortableFunction.of(new OrderBatch());

        assertThat(function.kind()).isEqualTo(PortableFunction.Kind.BATCH);
        assertThat(function.dataType()).isEqualTo(Order.class);
    }

    @Test
    void genericDataTypeIsKept() {
        ParameterizedType type = (ParameterizedType) PortableFunction.of(new ChangeFunction()).dataType();

        assertThat(type.getRawType()).isEqualTo(DocumentChange.class);
        assertThat(type.getActualTypeArguments()).containsExactly(Order.class);
    }

    @Test
    void dataTypeIsResolvedThroughGenericSuperclass() {
        assertThat(PortableFunction.of(new InheritingFunction()).dataType()).isEqualTo(Order.class);
    }

    @Test
    void dataTypeIsResolvedThroughSubInterface() {
        assertThat(PortableFunction.of(new ViaSubInterface()).dataType()).isEqualTo(Order.class);
    }

    @Test
    void lambdasBindToObject() {
        EventFunction<Order> lambda = (event, context) -> { };

        PortableFunction function = PortableFunction.of(lambda);

        assertThat(function.kind()).isEqualTo(PortableFunction.Kind.EVENT);
        assertThat(function.dataType()).isEqualTo(Object.class);
    }

    @Test
    void httpFunctionsHaveVoidDataType() {
        PortableFunction function = PortableFunction.of(new Hello());

        assertThat(function.kind()).isEqualTo(PortableFunction.Kind.HTTP);
        assertThat(function.dataType()).isEqualTo(Void.class);
        assertThat(function.toString()).isEqualTo("PortableFunction{HTTP " + Hello.class.getName() + "}");
    }

    @Test
    void supplierIsAskedForTheFunction() {
        Supplier<EventFunction<Order>> supplier = OrderFunction::new;

        assertThat(PortableFunction.of(supplier).function()).isInstanceOf(OrderFunction.class);
        assertThat(PortableFunction.of(supplier).dataType()).isEqualTo(Order.class);
    }

    @Test
    void supplierOfNothingUsableIsRejected() {
        Supplier<Object> empty = () -> null;
        Supplier<Object> nested = () -> (Supplier<Object>) () -> new Hello();

        assertThatIllegalArgumentException().isThrownBy(() -> PortableFunction.of(empty)).withMessageContaining("supplied null");
        assertThatIllegalArgumentException().isThrownBy(() -> PortableFunction.of(nested)).withMessageContaining("must supply a function");
    }

    @Test
    void portableFunctionPassesThrough() {
        PortableFunction function = PortableFunction.http((request, context) -> HttpResponse.ok());

        assertThat(PortableFunction.of(function)).isSameAs(function);
    }

    @Test
    void otherObjectsAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> PortableFunction.of("text"))
                .withMessage("java.lang.String is not an HttpFunction, EventFunction, BatchFunction or PortableFunction");
        assertThatNullPointerException().isThrownBy(() -> PortableFunction.of(null));
    }

    @Test
    void explicitFactoriesTakeTheDataType() {
        EventFunction<Order> event = (e, c) -> { };
        BatchFunction<Order> batch = (events, c) -> BatchResult.success();

        assertThat(PortableFunction.event(Order.class, event).dataType()).isEqualTo(Order.class);
        assertThat(PortableFunction.batch(Order.class, batch).kind()).isEqualTo(PortableFunction.Kind.BATCH);
        assertThat(PortableFunction.batch(Order.class, batch).dataType()).isEqualTo(Order.class);
        assertThat(PortableFunction.event(Order.class, event).toString()).endsWith(" of " + Order.class.getName() + "}");
    }

    @Test
    void withersReturnConfiguredCopies() {
        Middleware first = (invocation, next) -> next.proceed(invocation);
        Middleware second = (invocation, next) -> next.proceed(invocation);
        PortableFunction original = PortableFunction.of(new OrderFunction());

        PortableFunction changed = original.with(first).with(second).withLimits(Limits.defaults().withMaxBatchSize(5))
                .withDeadlineThreshold(Duration.ZERO).withoutValidation();

        assertThat(changed.middleware()).containsExactly(first, second);
        assertThat(changed.limits().maxBatchSize()).isEqualTo(5);
        assertThat(changed.deadlineThreshold()).isZero();
        assertThat(changed.validates()).isFalse();
        assertThat(changed.dataType()).isEqualTo(Order.class);
        assertThat(original.middleware()).isEmpty();
        assertThat(original.validates()).isTrue();
        assertThat(original.deadlineThreshold()).isEqualTo(Duration.ofMillis(50));
        assertThat(original.limits()).isEqualTo(Limits.defaults());
    }

    @Test
    void codecIsTheSharedOneForDefaultLimitsAndBuiltOnceOtherwise() {
        JacksonCodec custom = JacksonCodec.of(new com.fasterxml.jackson.databind.ObjectMapper());
        PortableFunction limited = PortableFunction.of(new Hello()).withLimits(Limits.defaults().withMaxJsonDepth(3));

        assertThat(PortableFunction.of(new Hello()).codec()).isEmpty();
        assertThat(JacksonCodec.of(PortableFunction.of(new Hello()))).isSameAs(JacksonCodec.standard());
        assertThat(JacksonCodec.of(limited)).isNotSameAs(JacksonCodec.standard())
                .isSameAs(JacksonCodec.of(PortableFunction.of(new Hello()).withLimits(Limits.defaults().withMaxJsonDepth(3))));
        assertThat(limited.withCodec(custom).codec()).containsSame(custom);
        assertThat(JacksonCodec.of(limited.withCodec(custom))).isSameAs(custom);
    }

    @Test
    void aCodecNotOnJacksonIsRefusedNamingTheFix() {
        dev.portablefn.api.json.JsonCodec foreign = new dev.portablefn.api.json.JsonCodec() {
            @Override
            public <T> T bind(Object data, java.lang.reflect.Type type, String what) {
                return null;
            }

            @Override
            public byte[] write(Object value) {
                return new byte[0];
            }
        };

        assertThatThrownBy(() -> JacksonCodec.of(PortableFunction.of(new Hello()).withCodec(foreign)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JacksonCodec.of(mapper)");
    }

    @Test
    void theApisStandardCodecIsTheRuntimesFoundThroughTheServiceLoader() {
        dev.portablefn.api.json.JsonCodec standard = dev.portablefn.api.json.JsonCodec.standard();

        assertThat(standard).isSameAs(dev.portablefn.api.json.JsonCodec.standard());
        assertThat(new String(standard.write(java.util.Map.of("a", 1)), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    }

    @Test
    void fromClassNameInstantiatesThroughNoArgConstructor() {
        PortableFunction function = PortableFunction.fromClassName(OrderFunction.class.getName(), null);

        assertThat(function.function()).isInstanceOf(OrderFunction.class);
        assertThat(function.dataType()).isEqualTo(Order.class);
        assertThat(PortableFunction.fromClassName(SupplierOfHello.class.getName(), getClass().getClassLoader()).kind())
                .isEqualTo(PortableFunction.Kind.HTTP);
    }

    @Test
    void fromClassNameExplainsMissingClass() {
        assertThatIllegalStateException().isThrownBy(() -> PortableFunction.fromClassName("com.example.Missing", null))
                .withMessage("function class com.example.Missing was not found on the classpath; check PORTABLEFN_FUNCTION"
                        + " and that the jar holding it is deployed");
    }

    @Test
    void fromClassNameExplainsMissingNoArgConstructor() {
        assertThatIllegalStateException().isThrownBy(() -> PortableFunction.fromClassName(NeedsArgument.class.getName(), null))
                .withMessage("function class " + NeedsArgument.class.getName() + " needs a public no-arg constructor,"
                        + " or a public static create() method that builds it with its collaborators");
    }

    @Test
    void fromClassNameExplainsFailingConstructor() {
        assertThatIllegalStateException().isThrownBy(() -> PortableFunction.fromClassName(Exploding.class.getName(), null))
                .withMessageContaining("failed in its constructor").withMessageContaining("no config")
                .withCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void fromClassNameExplainsWrongType() {
        assertThatIllegalStateException().isThrownBy(() -> PortableFunction.fromClassName(NotAFunction.class.getName(), null))
                .withMessage(NotAFunction.class.getName() + " is not an HttpFunction, EventFunction, BatchFunction or"
                        + " PortableFunction; PORTABLEFN_FUNCTION must name a function class");
    }

    @Test
    void fromEnvironmentReadsSystemPropertyWhenVariableUnset() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(PortableFunction.ENVIRONMENT_VARIABLE) == null);
        System.setProperty(PortableFunction.SYSTEM_PROPERTY, " " + Hello.class.getName() + " ");

        assertThat(PortableFunction.fromEnvironment().function()).isInstanceOf(Hello.class);
    }

    @Test
    void fromEnvironmentExplainsWhatToSet() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv(PortableFunction.ENVIRONMENT_VARIABLE) == null);

        assertThatIllegalStateException().isThrownBy(PortableFunction::fromEnvironment)
                .withMessageStartingWith("PORTABLEFN_FUNCTION is not set; set it to the class name of your function");
    }
}
