package dev.portablefn.bench;

import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.testing.localcloud.LocalCloud;
import dev.portablefn.testing.localcloud.Preset;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * LocalCloud's throughput: no-op queue messages per second, delivered in batches of 10 with SQS's policy, on the
 * direct path ({@code LOCAL}: the function's runner) and through the AWS wire format ({@code AWS}: each batch
 * encoded as an SQS event, run through {@code LambdaHandler}, its {@code batchItemFailures} read back). One operation
 * is one message: ten are sent, then delivered as one batch by {@code awaitQuiescence()}. Each iteration starts a
 * fresh cloud, so the history LocalCloud keeps for inspection does not grow across the run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Fork(1)
public class LocalCloudBenchmark {

    private static final int BATCH = 10;
    private static final String BODY = "{\"orderId\":\"o-1\",\"amount\":42}";

    /** {@code LOCAL}: the direct path; {@code AWS}: through the AWS wire format and adapter. */
    @Param({"LOCAL", "AWS"})
    public Provider path;

    private LocalCloud cloud;

    /** A fresh cloud per iteration, with a no-op function subscribed to a queue of batch size 10. */
    @Setup(Level.Iteration)
    public void setUp() {
        Preset sqs = Preset.of(Provider.AWS);
        Preset preset = path == Provider.AWS ? sqs : Preset.of(Provider.LOCAL).withQueue(sqs.queue());
        EventFunction<String> noOp = (event, context) -> { };
        cloud = LocalCloud.create(preset, 0L).deploy("no-op", PortableFunction.event(String.class, noOp))
                .createQueue("orders").subscribe("orders", "no-op");
    }

    /** @return the cloud, once the ten messages are delivered */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public LocalCloud messages() {
        for (int i = 0; i < BATCH; i++) {
            cloud.send("orders", BODY);
        }
        return cloud.awaitQuiescence();
    }
}
