package dev.portablefn.bench.realistic;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.bench.Payloads;
import dev.portablefn.bench.baseline.azure.RealisticBaselineAzureFunctions;
import dev.portablefn.bench.realistic.portable.OrderApi;
import dev.portablefn.bench.realistic.portable.OrderListener;
import dev.portablefn.bench.realistic.work.OrderDesk;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm per-invocation cost of a realistic function on the Azure adapter ({@link AzureFunctions}) against
 * hand-written annotated-method bodies: {@code POST /api/orders/{customerId}} routed, bound, validated and logged,
 * and a Queue Storage order bound, validated and logged, through logback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = DiscardingAppender.LOGBACK_PROVIDER)
public class RealisticAzureBenchmark {

    private final ExecutionContext context = ProviderCalls.azureContext();
    private String order;
    private ProviderCalls.AzureRequests requests;
    private AzureFunctions portableHttp;
    private AzureFunctions portableQueue;
    private RealisticBaselineAzureFunctions baseline;

    /** Builds the delegations once, as a static field of the user's class would. */
    @Setup
    public void setUp() {
        DiscardingAppender.installed();
        order = Payloads.text(Payloads.ORDER);
        requests = new ProviderCalls.AzureRequests("POST", ProviderCalls.ORDER_PATH, Payloads.singleValuedHeaders());
        portableHttp = AzureFunctions.of(new OrderApi(new OrderDesk()));
        portableQueue = AzureFunctions.of(new OrderListener(new OrderDesk()));
        baseline = new RealisticBaselineAzureFunctions(new OrderDesk());
    }

    /** @return the response */
    @Benchmark
    public HttpResponseMessage http_portable() {
        return portableHttp.http(requests.next(order), context);
    }

    /** @return the response */
    @Benchmark
    public HttpResponseMessage http_baseline() {
        return baseline.http(requests.next(order), context);
    }

    /** Delivers one queue message. */
    @Benchmark
    public void queue_portable() {
        portableQueue.queue(order, ProviderCalls.AZURE_MESSAGE_ID, 1, "2026-11-28T10:00:00+00:00", context);
    }

    /** Delivers one queue message. @throws Exception never */
    @Benchmark
    public void queue_baseline() throws Exception {
        baseline.queue(order, ProviderCalls.AZURE_MESSAGE_ID, context);
    }
}
