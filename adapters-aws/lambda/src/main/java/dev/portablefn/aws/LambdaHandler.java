package dev.portablefn.aws;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Problem;
import dev.portablefn.api.http.Redaction;
import dev.portablefn.runtime.internal.BatchFailures;
import dev.portablefn.runtime.internal.DeadLetters;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.HttpProblems;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.runtime.internal.http.RequestLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AWS Lambda entry point for a portable function. Subclass it with a no-arg constructor that
 * passes your function ({@code public class MyHandler extends LambdaHandler { public MyHandler() {
 * super(new MyFunction()); } }}) and name {@code MyHandler::handleRequest} as the Lambda handler.
 * Lambda builds the handler once per container; the runner, decoder and function live as long.
 *
 * <p>What each source gets back:
 * <ul>
 *   <li>API Gateway, Function URLs and ALB: the function's response in the source's own shape; a
 *       request that is recognisably HTTP but malformed gets a 400 problem response, one with more query
 *       parameters or headers than {@link dev.portablefn.api.Limits} allows a 400 or 431. A response Lambda or the
 *       ALB would drop with a bare 502 (over 6 MB once encoded, 1 MB behind an ALB, base64 growth counted; several
 *       cookies behind an ALB in single-value header mode) becomes a logged 500 problem, decided inside the
 *       function's middleware so idempotency never stores it (see {@link HttpResponseLimits}).</li>
 *   <li>SQS, Kinesis and DynamoDB Streams: {@code {"batchItemFailures":[...]}} naming the failed records
 *       (empty on success). Enable {@code ReportBatchItemFailures} on the event source mapping. For SQS
 *       FIFO, Kinesis and DynamoDB the first failed record and every later one are reported. A record
 *       that cannot be decoded is reported as failed, never acknowledged.</li>
 *   <li>SNS, S3 and EventBridge (asynchronous, one event): a failure is thrown so Lambda retries the
 *       invocation (2 retries by default) and then sends it to the on-failure destination or DLQ.</li>
 *   <li>A permanent failure (invalid input, {@link dev.portablefn.api.PermanentFailure}, an undecodable record)
 *       is handed back to Lambda the same way, unless the function has a dead-letter destination
 *       ({@link PortableFunction#withDeadLetter(String)} or {@code PORTABLEFN_DEAD_LETTER}): then it is published
 *       there and acknowledged (left out of {@code batchItemFailures}); if that publish fails, it is handed back.</li>
 *   <li>A payload of no known shape: an exception naming what was seen, recorded by Lambda.</li>
 * </ul>
 * SQS messages carrying SNS or S3 events are unwrapped according to the function's data type, see
 * {@link SqsUnwrapping}.
 *
 * <p>With SnapStart, set {@code PORTABLEFN_PRIMING=true}: the function's logger, JSON reader, validator and router
 * are then warmed just before the snapshot (never the function's own code), so the first invocation after a restore
 * does not set them up.
 */
public class LambdaHandler implements RequestStreamHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LambdaHandler.class);
    /** The most characters of a decoding error logged; its quotes of the input are escaped (see Redaction.forLog). */
    private static final int LOGGED_MESSAGE = 2000;

    private final FunctionRunner runner;
    /** The runner for API Gateway and Function URL requests: responses fit Lambda's 6 MB. */
    private final FunctionRunner gatewayRunner;
    /** The runners for ALB requests in single-value and multi-value header mode: 1 MB, one cookie in single-value mode. */
    private final FunctionRunner albRunner;
    private final FunctionRunner albMultiValueRunner;
    private final ObjectMapper mapper;
    private final AwsEventDecoder decoder;
    private final LambdaContexts contexts;
    private final SqsUnwrapping sqsUnwrapping;
    /** Held so the checkpoint's weak reference to it stays alive; {@code null} unless PORTABLEFN_PRIMING is true. */
    private final CracPriming priming;

    /** @param function the HTTP function to serve API Gateway, Function URL and ALB requests with */
    public LambdaHandler(HttpFunction function) {
        this(PortableFunction.of(function));
    }

    /** @param function the event function to run for each SQS, SNS, S3, EventBridge, Kinesis or DynamoDB record */
    public LambdaHandler(EventFunction<?> function) {
        this(PortableFunction.of(function));
    }

    /** @param function the batch function to run for each SQS, Kinesis or DynamoDB batch */
    public LambdaHandler(BatchFunction<?> function) {
        this(PortableFunction.of(function));
    }

    /** @param function the function with its configuration (middleware, codec, limits) */
    public LambdaHandler(PortableFunction function) {
        this(function, LambdaContexts.fromRuntime(Objects.requireNonNull(function, "function").name()));
    }

    LambdaHandler(PortableFunction function, LambdaContexts contexts) {
        this.runner = FunctionRunner.of(function);
        this.gatewayRunner = runner.withResponseCheck(HttpResponseLimits.of(AwsSource.API_GATEWAY_V2, false));
        this.albRunner = runner.withResponseCheck(HttpResponseLimits.of(AwsSource.ALB, false));
        this.albMultiValueRunner = runner.withResponseCheck(HttpResponseLimits.of(AwsSource.ALB, true));
        this.mapper = runner.codec().mapper();
        this.decoder = new AwsEventDecoder(mapper, runner.limits().maxBodyBytes());
        this.contexts = contexts;
        this.sqsUnwrapping = new SqsUnwrapping(mapper, function.dataType() == null ? Object.class : function.dataType());
        this.priming = CracPriming.enabled(System.getenv(CracPriming.SETTING)) ? CracPriming.register(runner) : null;
    }

    /**
     * Gives the function this handler runs, with its configuration; tools such as the CLI run it on other payloads.
     *
     * @return the function
     */
    public final PortableFunction function() {
        return runner.function();
    }

    /**
     * Handles one invocation: decodes the payload, runs the function and writes the source's response.
     *
     * @throws dev.portablefn.api.EventDecodingException if the payload is of no known shape
     * @throws RuntimeException                          when an asynchronous event failed (and was not dead-lettered),
     *                                                   so Lambda retries it and then sends it to the on-failure destination
     */
    @Override
    public final void handleRequest(InputStream input, OutputStream output,
                                    com.amazonaws.services.lambda.runtime.Context context) throws IOException {
        output.write(handle(decoder.decode(input), context));
    }

    byte[] handle(byte[] payload, com.amazonaws.services.lambda.runtime.Context lambda) {
        return handle(decoder.decode(payload), lambda);
    }

    private byte[] handle(AwsPayload decoded, com.amazonaws.services.lambda.runtime.Context lambda) {
        if (decoded.source().isHttp()) {
            return http(decoded, lambda);
        }
        Context context = contexts.ofRecords(lambda, decoded.records());
        if (decoded.source().isBatch()) {
            return batchResponse(batch(decoded, context));
        }
        runAsync(decoded, context);
        return new byte[0];
    }

    private byte[] http(AwsPayload decoded, com.amazonaws.services.lambda.runtime.Context lambda) {
        HttpResponse response;
        if (decoded.requestError() != null) {
            LOG.warn("rejecting malformed {} request with 400: {}", decoded.source(),
                    Redaction.forLog(decoded.requestError().getMessage(), LOGGED_MESSAGE));
            response = HttpResponse.problem(Problem.of(400, "The request could not be read."));
        } else {
            HttpRequest request = decoded.request();
            try {
                RequestLimits.check(request, runner.limits());
                FunctionRunner http = decoded.source() != AwsSource.ALB ? gatewayRunner
                        : decoded.multiValueHeaders() ? albMultiValueRunner : albRunner;
                Context context = contexts.of(lambda, request);
                response = http.checked(http.http(request, context), context);
            } catch (InvalidInputException tooMany) {
                response = HttpProblems.rejection(tooMany);
            }
        }
        return HttpPayloads.encode(mapper, decoded.source(), decoded.multiValueHeaders(), response);
    }

    /** @return the ids to report in {@code batchItemFailures}, in batch order */
    private List<String> batch(AwsPayload decoded, Context context) {
        List<AwsPayload.Record> records = decoded.records();
        BatchFailures failures = BatchFailures.of(records.size(), decoded.ordering(), index -> records.get(index).id());
        List<Event<?>> runnable = new ArrayList<>(records.size());
        for (int i = 0; i < records.size() && failures.shouldProcess(i); i++) {
            AwsPayload.Record record = records.get(i);
            Event<?> event = record.event();
            if (event != null && decoded.source() == AwsSource.SQS) {
                try {
                    event = sqsUnwrapping.apply(event);
                } catch (EventDecodingException malformed) {
                    LOG.error("reporting {} record {} as failed: {}", decoded.source(), record.id(),
                            Redaction.forLog(malformed.getMessage(), LOGGED_MESSAGE));
                    failures.fail(i, Reason.PERMANENT, malformed);
                    continue;
                }
                if (event == null) {
                    LOG.info("acknowledging S3 test event in SQS message {} without running the function", record.id());
                    continue;
                }
            }
            if (record.error() != null) {
                LOG.error("reporting {} record {} as failed: {}", decoded.source(), record.id(),
                        Redaction.forLog(record.error().getMessage(), LOGGED_MESSAGE));
                failures.fail(i, Reason.PERMANENT, record.error());
                continue;
            }
            runnable.add(event);
            failures.forward(i);
        }
        failures.addForwarded(runner.batch(runnable, decoded.ordering(), context));
        if (failures.isEmpty() || !runner.deadLetters().isConfigured()) {
            return failures.failedIds();
        }
        return runner.deadLetters().settle(failures.result(), index -> delivered(decoded.source(), records.get(index)),
                context).failedIds();
    }

    private byte[] batchResponse(List<String> failedIds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 + failedIds.size() * 64);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            for (String id : failedIds) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", id);
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the batch response", e);
        }
        return out.toByteArray();
    }

    private void runAsync(AwsPayload decoded, Context context) {
        Throwable failed = null;
        String failedId = null;
        for (AwsPayload.Record record : decoded.records()) {
            Outcome outcome = record.error() != null ? Outcome.failure(record.error()) : runner.event(record.event(), context);
            if (outcome.isSuccess() || outcome.status() == Outcome.Status.PERMANENT_FAILURE
                    && runner.deadLetters().publish(delivered(decoded.source(), record), outcome.failure(), context)) {
                continue;
            }
            if (failed == null) {
                failed = outcome.failure();
                failedId = record.id();
            }
        }
        if (failed != null) {
            throw new InvocationFailedException(decoded.source() + " event " + failedId + " failed"
                    + (Outcome.isPermanent(failed) ? " permanently" : "") + "; Lambda will retry the invocation, then"
                    + " send it to the on-failure destination: " + failed, failed);
        }
    }

    /** @return the record as delivered, to dead-letter: its event, or its raw JSON when it could not be decoded */
    private static Event<?> delivered(AwsSource source, AwsPayload.Record record) {
        return record.event() != null ? record.event()
                : DeadLetters.undecodable(record.id(), "aws:" + source.name().toLowerCase(java.util.Locale.ROOT),
                        source.trigger(), String.valueOf(record.raw()));
    }
}
