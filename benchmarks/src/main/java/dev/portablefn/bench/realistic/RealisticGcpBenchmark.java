package dev.portablefn.bench.realistic;

import com.google.cloud.functions.HttpResponse;
import dev.portablefn.bench.Payloads;
import dev.portablefn.bench.baseline.gcp.RealisticBaselineGcpHttpFunction;
import dev.portablefn.bench.baseline.gcp.RealisticBaselinePubSubFunction;
import dev.portablefn.bench.realistic.portable.OrderApi;
import dev.portablefn.bench.realistic.portable.OrderListener;
import dev.portablefn.bench.realistic.work.OrderDesk;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.gcp.GcpHttpFunction;
import io.cloudevents.CloudEvent;
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
 * Warm per-invocation cost of a realistic function on the GCP adapter ({@link GcpHttpFunction},
 * {@link GcpCloudEventFunction}) against hand-written Functions Framework functions: {@code POST /orders/{customerId}}
 * routed, bound, validated and logged, and a Pub/Sub order bound, validated and logged, through logback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = DiscardingAppender.LOGBACK_PROVIDER)
public class RealisticGcpBenchmark {

    private byte[] order;
    private ProviderCalls.GcpRequests requests;
    private CloudEvent pubsub;
    private GcpHttpFunction portableHttp;
    private GcpCloudEventFunction portablePubSub;
    private RealisticBaselineGcpHttpFunction baselineHttp;
    private RealisticBaselinePubSubFunction baselinePubSub;

    /** Builds the functions once, as the invoker does per instance. */
    @Setup
    public void setUp() {
        DiscardingAppender.installed();
        order = Payloads.bytes(Payloads.ORDER);
        requests = new ProviderCalls.GcpRequests("POST", ProviderCalls.ORDER_PATH, Payloads.HTTP_HEADERS);
        pubsub = ProviderCalls.pubsubEvent(Payloads.bytes(Payloads.GCP_PUBSUB));
        portableHttp = new GcpHttpFunction(new OrderApi(new OrderDesk()));
        portablePubSub = new GcpCloudEventFunction(new OrderListener(new OrderDesk()));
        // Without K_SERVICE both sides log the function's class name, as the adapter does.
        baselineHttp = new RealisticBaselineGcpHttpFunction(new OrderDesk(), OrderApi.class.getName());
        baselinePubSub = new RealisticBaselinePubSubFunction(new OrderDesk(), OrderListener.class.getName());
    }

    /** @return the response @throws Exception never */
    @Benchmark
    public HttpResponse http_portable() throws Exception {
        HttpResponse response = ProviderCalls.gcpResponse();
        portableHttp.service(requests.next(order), response);
        return response;
    }

    /** @return the response @throws Exception never */
    @Benchmark
    public HttpResponse http_baseline() throws Exception {
        HttpResponse response = ProviderCalls.gcpResponse();
        baselineHttp.service(requests.next(order), response);
        return response;
    }

    /** @throws Exception never */
    @Benchmark
    public void pubsubCloudEvent_portable() throws Exception {
        portablePubSub.accept(pubsub);
    }

    /** Delivers one Pub/Sub event. */
    @Benchmark
    public void pubsubCloudEvent_baseline() {
        baselinePubSub.accept(pubsub);
    }
}
