package dev.portablefn.bench;

import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.bench.baseline.azure.BaselineAzureFunctions;
import dev.portablefn.bench.portable.OrderEventFunction;
import dev.portablefn.bench.portable.OrderHttpFunction;
import dev.portablefn.bench.work.OrderBook;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
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
 * Warm per-invocation cost of the Azure adapter ({@link AzureFunctions}) against hand-written annotated-method
 * bodies, from the worker's bound request / message text onwards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
public class AzureBenchmark {

    private final FakeExecutionContext context = Payloads.executionContext("5b2e6a7c-0d3f-4b8e-9a1c-2f3e4d5c6b7a");
    private String order;
    private FakeHttpRequestMessage.HostRequest request;
    private AzureFunctions portableHttp;
    private AzureFunctions portableQueue;
    private BaselineAzureFunctions baseline;

    /** Builds the delegations once, as a static field of the user's class would. */
    @Setup
    public void setUp() {
        order = Payloads.text(Payloads.ORDER);
        request = Payloads.azureHttpRequest();
        portableHttp = AzureFunctions.of(new OrderHttpFunction());
        portableQueue = AzureFunctions.of(new OrderEventFunction(new OrderBook()));
        baseline = new BaselineAzureFunctions(new OrderBook());
    }

    /** @return the response */
    @Benchmark
    public HttpResponseMessage http_portable() {
        return portableHttp.http(FakeHttpRequestMessage.bind(request, order), context);
    }

    /** @return the response */
    @Benchmark
    public HttpResponseMessage http_baseline() {
        return baseline.http(FakeHttpRequestMessage.bind(request, order), context);
    }

    /** Delivers one queue message. */
    @Benchmark
    public void queue_portable() {
        portableQueue.queue(order, "9f2c1e4a-6b7d-4e8f-a1b2-c3d4e5f60718", 1, "2026-11-28T10:00:00+00:00", context);
    }

    /** Delivers one queue message. @throws Exception never */
    @Benchmark
    public void queue_baseline() throws Exception {
        baseline.queue(order, context);
    }
}
