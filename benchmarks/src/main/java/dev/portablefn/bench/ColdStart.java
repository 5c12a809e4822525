package dev.portablefn.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.portablefn.bench.baseline.aws.BaselineLambdaHandler;
import dev.portablefn.bench.portable.MinimalAwsHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * The cold-start harness: one fresh JVM builds the Lambda handler ({@code portable} = the adapter, {@code baseline} =
 * the hand-written one) and handles one recorded HTTP API v2 event, like the first invocation of a new container.
 * {@code --prime} handles the event once more during init, as a SnapStart/CRaC priming hook would before the snapshot.
 * Prints {@code init_ms} and {@code first_invoke_ms}; the script measures the whole process from outside.
 */
public final class ColdStart {

    private ColdStart() {
    }

    /**
     * @param args {@code portable|baseline [--prime]}
     * @throws IOException if the handler fails to write
     */
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        if (args.length == 0 || !(args[0].equals("portable") || args[0].equals("baseline"))) {
            throw new IllegalArgumentException("usage: ColdStart portable|baseline [--prime]");
        }
        boolean prime = args.length > 1 && args[1].equals("--prime");
        byte[] event = Payloads.bytes(Payloads.AWS_HTTP_API_V2);
        RequestStreamHandler handler = args[0].equals("portable") ? new MinimalAwsHandler() : new BaselineLambdaHandler();
        if (prime) {
            handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(),
                    FakeLambdaContext.of("prime", "orders", 30_000));
        }
        long initialised = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        handler.handleRequest(new ByteArrayInputStream(event), out, FakeLambdaContext.of("cold-start-1", "orders", 30_000));
        long handled = System.nanoTime();
        if (out.size() == 0) {
            throw new IllegalStateException(args[0] + " handler wrote no response");
        }
        System.out.printf(Locale.ROOT, "init_ms=%.2f first_invoke_ms=%.2f response_bytes=%d%n",
                (initialised - start) / 1e6, (handled - initialised) / 1e6, out.size());
    }
}
