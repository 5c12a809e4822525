package dev.portablefn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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

    private static final String RUNTIME_XRAY = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";

    private static AwsPayload.Record sqsRecord(String id, String messageAttributes, String systemAttributes)
            throws Exception {
        JsonNode record = JacksonCodec.standard().mapper().readTree("{\"messageId\":\"" + id + "\",\"body\":\"b\","
                + "\"attributes\":{" + systemAttributes + "},\"messageAttributes\":{" + messageAttributes + "}}");
        return new AwsPayload.Record(id, EventRecords.sqs(record, "SQS record " + id), null);
    }

    @Test
    void eventsContinueTheTraceparentTheirFirstTracedRecordCarries() throws Exception {
        List<AwsPayload.Record> records = List.of(
                sqsRecord("m1", "", ""),
                sqsRecord("m2", "\"traceparent\":{\"stringValue\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\","
                        + "\"dataType\":\"String\"}", ""),
                sqsRecord("m3", "\"traceparent\":{\"stringValue\":\"00-11111111111111111111111111111111-00f067aa0ba902b7-01\","
                        + "\"dataType\":\"String\"}", ""));

        Context context = contexts(Map.of(LambdaContexts.XRAY_SYSTEM_PROPERTY, RUNTIME_XRAY), Map.of())
                .ofRecords(FakeLambdaContext.of("r", "orders", 30_000), records);

        assertThat(context.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(context.trace().orElseThrow().spanId()).isEqualTo("00f067aa0ba902b7");
    }

    @Test
    void sqsEventsFallBackToTheMessagesAwsTraceHeader() throws Exception {
        List<AwsPayload.Record> records = List.of(sqsRecord("m1", "",
                "\"AWSTraceHeader\":\"Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1\""));

        Context context = contexts(Map.of(LambdaContexts.XRAY_SYSTEM_PROPERTY, RUNTIME_XRAY), Map.of())
                .ofRecords(FakeLambdaContext.of("r", "orders", 30_000), records);

        assertThat(context.traceId()).contains("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void eventsWithoutATraceKeepTheInvocationsXRayTrace() throws Exception {
        Event<byte[]> untraced = Event.<byte[]>builder().id("e1").source("s").type("t")
                .trigger(Trigger.CUSTOM).data(new byte[0]).build();
        List<AwsPayload.Record> records = List.of(sqsRecord("m1", "", ""), new AwsPayload.Record("e1", untraced, null));

        Context context = contexts(Map.of(LambdaContexts.XRAY_SYSTEM_PROPERTY, RUNTIME_XRAY), Map.of())
                .ofRecords(FakeLambdaContext.of("r", "orders", 30_000), records);

        assertThat(context.traceId()).contains("5759e988bd862e3fe1be46a994272793");
    }
}
