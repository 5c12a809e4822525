package dev.portablefn.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portablefn.bench.baseline.aws.BaselineLambdaHandler;
import dev.portablefn.bench.baseline.aws.CoursesBaselineLambdaHandler;
import dev.portablefn.bench.baseline.aws.PublishingBaselineLambdaHandler;
import dev.portablefn.bench.portable.CoursesAwsHandler;
import dev.portablefn.bench.portable.MinimalAwsHandler;
import dev.portablefn.bench.portable.PublishingAwsHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The cold-start harness: one fresh JVM builds the Lambda handler ({@code portable} = the adapter, {@code baseline} =
 * the hand-written one) and handles one recorded HTTP API v2 event, like the first invocation of a new container.
 * {@code --prime} handles the event once more during init, as a SnapStart/CRaC priming hook would before the snapshot.
 * {@code --publish} builds the functions that also publish one SNS message per invocation ({@code PublishingAwsHandler}
 * against {@code PublishingBaselineLambdaHandler}); the SDK finds the region, credentials and endpoint
 * ({@code AWS_ENDPOINT_URL_SNS}, see {@link SnsStub}) in the environment. {@code --courses} runs the learning
 * platform's courses function ({@code CoursesAwsHandler}) against its naive hand-written counterpart
 * ({@code CoursesBaselineLambdaHandler}) on a validated {@code POST /courses}. Prints {@code init_ms} and
 * {@code first_invoke_ms}; the script measures the whole process from outside.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * @param args {@code portable|baseline [--prime] [--publish|--courses]}
     * @throws IOException if the handler fails to write
     */
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        String usage = "usage: ColdStart portable|baseline [--prime] [--publish|--courses]";
        if (args.length == 0 || !(args[0].equals("portable") || args[0].equals("baseline"))) {
            throw new IllegalArgumentException(usage);
        }
        boolean prime = false;
        boolean publish = false;
        boolean courses = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--prime" -> prime = true;
                case "--publish" -> publish = true;
                case "--courses" -> courses = true;
                default -> throw new IllegalArgumentException(usage);
            }
        }
        boolean portable = args[0].equals("portable");
        if (publish && courses) {
            throw new IllegalArgumentException(usage);
        }
        byte[] event = Payloads.bytes(courses ? Payloads.AWS_HTTP_API_V2_COURSE : Payloads.AWS_HTTP_API_V2);
        RequestStreamHandler handler;
        if (publish) {
            handler = portable ? new PublishingAwsHandler() : new PublishingBaselineLambdaHandler();
        } else if (courses) {
            handler = portable ? new CoursesAwsHandler() : new CoursesBaselineLambdaHandler();
        } else {
            handler = portable ? new MinimalAwsHandler() : new BaselineLambdaHandler();
        }
        if (prime) {
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(),
                    FakeLambdaContext.of("prime", "orders", 30_000));
        }
        long initialised = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream(event), out, FakeLambdaContext.of("cold-start-1", "orders", 30_000));
        long handled = System.nanoTime();
        String expected = "\"statusCode\":" + (courses ? 201 : 200);
        if (!out.toString(StandardCharsets.UTF_8).contains(expected)) {
            throw new IllegalStateException(args[0] + " handler did not answer " + expected + ": "
                    + out.toString(StandardCharsets.UTF_8));
        }
        System.out.printf(Locale.ROOT, "init_ms=%.2f first_invoke_ms=%.2f response_bytes=%d%n",
                (initialised - start) / 1e6, (handled - initialised) / 1e6, out.size());
    }
}
