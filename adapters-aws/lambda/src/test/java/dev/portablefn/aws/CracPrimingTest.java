package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpRouter;
import dev.portablefn.runtime.internal.FunctionRunner;
import jakarta.validation.constraints.NotBlank;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The SnapStart priming hook: registered with the CRaC checkpoint only when PORTABLEFN_PRIMING is true, and before
 * the checkpoint it runs the paths a first invocation would set up without running any of the function's code.
 * No JDK here can take a snapshot, so the test calls the hook the way the checkpoint would.
 */
class CracPrimingTest {

    record Course(@NotBlank String title) {
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(value = {"true, true", "TRUE, true", " true , true", "false, false", "yes, false", "NULL, false"},
            nullValues = "NULL")
    void primingIsOnOnlyWhenTheSettingIsTrue(String setting, boolean enabled) {
        assertThat(CracPriming.enabled(setting)).isEqualTo(enabled);
    }

    @Test
    void beforeTheCheckpointTheRouterLoggerJsonAndValidatorAreWarmedWithoutRunningTheFunction() {
        AtomicInteger handlerCalls = new AtomicInteger();
        HttpRouter router = HttpRouter.builder()
                .get("/courses", (request, context) -> {
                    handlerCalls.incrementAndGet();
                    return HttpResponse.ok().text("listed");
                })
                .post("/courses", (request, context) -> {
                    handlerCalls.incrementAndGet();
                    return HttpResponse.ok().json(request.bodyAs(Course.class));
                })
                .build();
        CracPriming priming = CracPriming.register(FunctionRunner.of(PortableFunction.http(router)));
        assertThat(priming.primed()).as("nothing primed before a checkpoint").isEmpty();

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).containsExactly("logger", "json", "validator",
                "router (404 for /.well-known/portablefn-priming)");
        assertThat(handlerCalls).as("calls of the function's own handlers").hasValue(0);
    }

    @Test
    void anEventFunctionsDataTypeIsReadAndItsConstraintsLoaded() {
        AtomicInteger calls = new AtomicInteger();
        PortableFunction function = PortableFunction.event(Course.class, (event, context) -> calls.incrementAndGet());
        CracPriming priming = CracPriming.register(FunctionRunner.of(function));

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).containsExactly("logger", "json reader of " + Course.class.getName(),
                "validator of " + Course.class.getName());
        assertThat(calls).hasValue(0);
    }

    @Test
    void aFunctionWithoutValidationDoesNotStartTheValidator() {
        PortableFunction function = PortableFunction.event(Course.class, (event, context) -> { })
                .withoutValidation();
        CracPriming priming = CracPriming.register(FunctionRunner.of(function));

        priming.beforeCheckpoint(null);

        assertThat(priming.primed()).containsExactly("logger", "json reader of " + Course.class.getName());
    }
}
