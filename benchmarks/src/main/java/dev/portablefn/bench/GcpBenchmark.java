package dev.portablefn.bench;

import dev.portablefn.bench.baseline.gcp.BaselineGcpHttpFunction;
import dev.portablefn.bench.baseline.gcp.BaselinePubSubFunction;
import dev.portablefn.bench.portable.OrderEventFunction;
import dev.portablefn.bench.portable.OrderHttpFunction;
import dev.portablefn.bench.work.OrderBook;
import dev.portablefn.doubles.gcp.FakeCloudEvent;
import dev.portablefn.doubles.gcp.FakeHttpRequest;
import dev.portablefn.doubles.gcp.FakeHttpResponse;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
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
 * Warm per-invocation cost of the GCP adapter ({@link GcpHttpFunction}, {@link GcpCloudEventFunction}) against
 * hand-written Functions Framework functions, from the framework's request / CloudEvent objects onwards.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
public class GcpBenchmark {

    private byte[] order;
    private FakeHttpRequest.HeaderFields fields;
    private FakeCloudEvent pubsub;
    private GcpHttpFunction portableHttp;
    private GcpCloudEventFunction portablePubSub;
    private BaselineGcpHttpFunction baselineHttp;
    private BaselinePubSubFunction baselinePubSub;

    /** Builds the functions once, as the invoker does per instance. */
    @Setup
    public void setUp() {
        order = Payloads.bytes(Payloads.ORDER);
        fields = FakeHttpRequest.HeaderFields.of(Payloads.HTTP_HEADERS);   // the server parses headers before the function
        pubsub = Payloads.pubsubEvent("1234567890");
        portableHttp = new GcpHttpFunction(new OrderHttpFunction());
        portablePubSub = new GcpCloudEventFunction(new OrderEventFunction(new OrderBook()));
        baselineHttp = new BaselineGcpHttpFunction();
        baselinePubSub = new BaselinePubSubFunction(new OrderBook());
    }

    /** @return the response @throws Exception never */
    @Benchmark
    public FakeHttpResponse http_portable() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        portableHttp.service(FakeHttpRequest.of("POST", "/orders", fields, order), response);
        return response;
    }

    /** @return the response @throws Exception never */
    @Benchmark
    public FakeHttpResponse http_baseline() throws Exception {
        FakeHttpResponse response = new FakeHttpResponse();
        baselineHttp.service(FakeHttpRequest.of("POST", "/orders", fields, order), response);
        return response;
    }

    /** @throws Exception never */
    @Benchmark
    public void pubsubCloudEvent_portable() throws Exception {
        portablePubSub.accept(pubsub);
    }

    /** @throws Exception never */
    @Benchmark
    public void pubsubCloudEvent_baseline() throws Exception {
        baselinePubSub.accept(pubsub);
    }
}
