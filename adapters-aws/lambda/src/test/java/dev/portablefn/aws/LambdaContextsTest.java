package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaContextsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static LambdaContexts contexts(Map<String, String> properties, Map<String, String> environment) {
        return new LambdaContexts("fallback-name", properties::get, environment::get, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void mapsRequestIdFunctionNameAndDeadlineFromTheLambdaContext() {
        Context context = contexts(Map.of(), Map.of()).of(FakeLambdaContext.of("abc-123", "billing", 2_500), null);
        assertThat(context.provider()).isEqualTo(Provider.AWS);
        assertThat(context.requestId()).isEqualTo("abc-123");
        assertThat(context.functionName()).isEqualTo("billing");
        assertThat(context.deadline()).contains(NOW.plusMillis(2_500));
        assertThat(context.unwrap(com.amazonaws.services.lambda.runtime.Context.class).getAwsRequestId())
                .isEqualTo("abc-123");
    }

    @Test
    void fallsBackToTheTraceEnvironmentVariable() {
        Context context = contexts(Map.of(), Map.of(LambdaContexts.XRAY_ENVIRONMENT_VARIABLE,
                "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=0")).of(FakeLambdaContext.of("r", "orders", 30_000), null);
        assertThat(context.traceId()).contains("5759e988bd862e3fe1be46a994272793");
    }

    @Test
    void malformedTraceHeaderMeansNoTraceNotAFailure() {
        Context context = contexts(Map.of(LambdaContexts.XRAY_SYSTEM_PROPERTY, "Root=garbage"), Map.of())
                .of(FakeLambdaContext.of("r", "orders", 30_000), null);
        assertThat(context.trace()).isEmpty();
    }

    @Test
    void worksWithoutALambdaContextForLocalTools() {
        Context context = contexts(Map.of(), Map.of("AWS_LAMBDA_FUNCTION_NAME", "from-env")).of(null, null);
        assertThat(context.requestId()).startsWith("local-");
        assertThat(context.functionName()).isEqualTo("from-env");
        assertThat(context.deadline()).isEmpty();
    }
}
