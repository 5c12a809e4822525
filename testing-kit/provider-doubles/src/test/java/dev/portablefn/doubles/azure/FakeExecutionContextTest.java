package dev.portablefn.doubles.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class FakeExecutionContextTest {

    @Test
    void azureExecutionContextKeepsItsLogsAndTrace() {
        FakeExecutionContext context = FakeExecutionContext.builder().functionName("orders").invocationId("i-1")
                .traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").retryCount(2).build();

        context.getLogger().log(Level.WARNING, "careful");

        assertThat(context.logs()).extracting(LogRecord::getMessage).containsExactly("careful");
        assertThat(context.getTraceContext().getTraceparent()).startsWith("00-0af76519");
        assertThat(context.getRetryContext().getRetrycount()).isEqualTo(2);
        assertThat(FakeExecutionContext.create().getRetryContext()).isNull();
        assertThat(FakeExecutionContext.create().logs()).isEqualTo(List.of());
    }

    @Test
    void traceAndRetryContextsAreMadeOnceAsTheWorkerMakesThem() {
        FakeExecutionContext context = FakeExecutionContext.builder().retryCount(7).build();

        assertThat(context.getTraceContext()).isSameAs(context.getTraceContext());
        assertThat(context.getTraceContext().getTraceparent()).isNull();
        assertThat(context.getTraceContext().getAttributes()).isEmpty();
        assertThat(context.getRetryContext()).isSameAs(context.getRetryContext());
        assertThat(context.getRetryContext().getMaxretrycount()).isEqualTo(7);
        assertThat(context.getInvocationId()).isEqualTo("test-invocation-1");
        assertThat(context.getFunctionName()).isEqualTo("test-function");
        assertThatThrownBy(() -> FakeExecutionContext.builder().retryCount(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    }

    @Test
    void eachContextKeepsOnlyItsOwnLogs() {
        FakeExecutionContext first = FakeExecutionContext.create();
        FakeExecutionContext second = FakeExecutionContext.create();

        first.getLogger().info("one");

        assertThat(first.logs()).hasSize(1);
        assertThat(second.logs()).isEmpty();
    }
}
