package dev.portablefn.bench;

import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.bench.baseline.aws.BaselineLambdaHandler;
import dev.portablefn.bench.portable.OrderEventFunction;
import dev.portablefn.bench.portable.OrderHttpFunction;
import dev.portablefn.bench.work.OrderBook;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * Warm per-invocation cost of the AWS adapter ({@link LambdaHandler}) against {@link BaselineLambdaHandler}:
 * raw bytes in, provider response bytes out, exactly what the Lambda runtime client does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
public class AwsBenchmark {

    /** The context the runtime client passes; its remaining time is fixed, so no clock is read per call. */
    private final FakeLambdaContext context = FakeLambdaContext.of("8f5e3c1a-6a43-4f7e-9d0e-1b2c3d4e5f60", "orders", 30_000);
    private byte[] httpEvent;
    private byte[] sqsEvent;
    private LambdaHandler portableHttp;
    private LambdaHandler portableSqs;
    private BaselineLambdaHandler baseline;

    /** Builds both handlers once, as Lambda does per container. */
    @Setup
    public void setUp() {
        httpEvent = Payloads.bytes(Payloads.AWS_HTTP_API_V2);
        sqsEvent = Payloads.bytes(Payloads.AWS_SQS_BATCH_10);
        portableHttp = new LambdaHandler(new OrderHttpFunction());
        portableSqs = new LambdaHandler(new OrderEventFunction(new OrderBook()));
        baseline = new BaselineLambdaHandler(new OrderBook());
    }

    /** @return the response @throws IOException never */
    @Benchmark
    public ByteArrayOutputStream httpApiV2_portable() throws IOException {
        return Payloads.invokeLambda(portableHttp, httpEvent, context);
    }

    /** @return the response @throws IOException never */
    @Benchmark
    public ByteArrayOutputStream httpApiV2_baseline() throws IOException {
        return Payloads.invokeLambda(baseline, httpEvent, context);
    }

    /** @return the response @throws IOException never */
    @Benchmark
    public ByteArrayOutputStream sqsBatch10_portable() throws IOException {
        return Payloads.invokeLambda(portableSqs, sqsEvent, context);
    }

    /** @return the response @throws IOException never */
    @Benchmark
    public ByteArrayOutputStream sqsBatch10_baseline() throws IOException {
        return Payloads.invokeLambda(baseline, sqsEvent, context);
    }
}
