package dev.portablefn.bench.realistic;

import com.amazonaws.services.lambda.runtime.Context;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.bench.Payloads;
import dev.portablefn.bench.baseline.aws.RealisticBaselineLambdaHandler;
import dev.portablefn.bench.realistic.portable.OrderApi;
import dev.portablefn.bench.realistic.portable.OrderListener;
import dev.portablefn.bench.realistic.work.OrderDesk;
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
 * Warm per-invocation cost of a realistic function on the AWS adapter ({@link LambdaHandler}) against
 * {@link RealisticBaselineLambdaHandler}: an HTTP API v2 request routed to {@code POST /orders/{customerId}}, bound,
 * validated and logged, and an SQS batch of ten orders each bound, validated and logged, through logback.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(value = 1, jvmArgsPrepend = DiscardingAppender.LOGBACK_PROVIDER)
public class RealisticAwsBenchmark {

    private final Context context = ProviderCalls.lambdaContext();
    private byte[] httpEvent;
    private byte[] sqsEvent;
    private LambdaHandler portableHttp;
    private LambdaHandler portableSqs;
    private RealisticBaselineLambdaHandler baseline;

    /** Builds both handlers once, as Lambda does per container. */
    @Setup
    public void setUp() {
        DiscardingAppender.installed();
        httpEvent = Payloads.bytes(ProviderCalls.AWS_HTTP_API_V2);
        sqsEvent = Payloads.bytes(Payloads.AWS_SQS_BATCH_10);
        portableHttp = new LambdaHandler(new OrderApi(new OrderDesk()));
        portableSqs = new LambdaHandler(new OrderListener(new OrderDesk()));
        baseline = new RealisticBaselineLambdaHandler(new OrderDesk());
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
