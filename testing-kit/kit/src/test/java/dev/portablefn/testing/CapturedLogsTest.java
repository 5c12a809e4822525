package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The kit's capture of every logged line, with each line's invocation identity and key-values. */
class CapturedLogsTest {

    private static final Logger LOG = LoggerFactory.getLogger("dev.portablefn.example.Payments");
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @RegisterExtension
    final CapturedLogs logs = CapturedLogs.capture();

    @ParameterizedTest
    @EnumSource(value = Provider.class, names = {"AWS", "GCP", "AZURE"})
    void subscriberLoggedWithThePaymentsTraceId(Provider provider) {
        LocalCloud cloud = LocalCloud.like(provider);
        HttpFunction checkout = (request, context) -> {
            LOG.info("payment accepted");
            cloud.publisher().publish("payments", "{\"order\":42}", Map.of());
            return HttpResponse.status(202);
        };
        EventFunction<String> ledger = (event, context) -> LOG.atInfo().addKeyValue("order", 42).log("payment recorded");
        cloud.deploy("checkout", checkout).deploy("ledger", ledger).createTopic("payments").subscribe("payments", "ledger");

        cloud.invokeHttp("checkout", Events.http("POST", "/checkout")
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").build());
        cloud.awaitQuiescence();

        assertThat(logs.lines()).filteredOn(line -> line.message().equals("payment accepted")).singleElement()
                .satisfies(line -> assertThat(line.traceId()).contains(TRACE_ID));
        assertThat(logs.lines()).filteredOn(line -> line.message().equals("payment recorded")).singleElement()
                .satisfies(line -> {
                    assertThat(line.traceId()).contains(TRACE_ID);
                    assertThat(line.function()).isPresent();
                    assertThat(line.eventId()).isPresent();
                    assertThat(line.keyValue("order")).contains(42);
                });
    }

    @Test
    void linesCarryTheInvocationsIdentityFromTheMdc() {
        HttpFunction orders = (request, context) -> {
            LOG.atWarn().addKeyValue("status", 409).log("order {} already shipped", 42);
            return HttpResponse.status(409);
        };

        FunctionTester.aws(orders).http(Events.http("POST", "/orders")
                .header("X-Amzn-Trace-Id", "Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=53995c3f42cd8ad8;Sampled=1")
                .build());

        assertThat(logs.lines()).filteredOn(line -> line.logger().equals("dev.portablefn.example.Payments"))
                .singleElement().satisfies(line -> {
                    assertThat(line.level()).isEqualTo("WARN");
                    assertThat(line.message()).isEqualTo("order 42 already shipped");
                    assertThat(line.requestId()).isPresent();
                    assertThat(line.traceId()).contains(TRACE_ID);
                    assertThat(line.spanId()).contains("53995c3f42cd8ad8");
                    assertThat(line.provider()).contains("AWS");
                    assertThat(line.eventId()).isEmpty();
                    assertThat(line.keyValues()).containsExactly(Map.entry("status", 409));
                });
    }

    @Test
    void clearForgetsWhatWasLoggedSoFar() {
        LOG.info("before");
        logs.clear();
        LOG.info("after");

        assertThat(logs.lines()).extracting(CapturedLog::message).containsExactly("after");
    }
}
