package dev.portablefn.runtime.internal;

import com.fasterxml.jackson.databind.JavaType;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.InvalidInputException;
import dev.portablefn.api.Limits;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.RetryableException;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Problem;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.runtime.internal.json.DataBinder;
import dev.portablefn.runtime.internal.middleware.StandardMiddleware;
import dev.portablefn.runtime.internal.middleware.StartDeadline;
import dev.portablefn.runtime.internal.outbound.CurrentInvocation;
import dev.portablefn.runtime.internal.validation.BeanValidation;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link PortableFunction} for an adapter: binds input, applies the middleware chain,
 * classifies failures and turns them into what the adapter reports (a problem response, an
 * {@link Outcome}, a {@link BatchResult}). Its methods never throw for anything the function or
 * the input does. Build one per container; it is thread-safe.
 */
public final class FunctionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionRunner.class);
    /** The most characters of an event's rejection logged: room for every violation of a large record. */
    static final int LOGGED_EVENT_MESSAGE = 4000;

    private final PortableFunction function;
    private final Limits limits;
    private final JacksonCodec codec;
    private final DataBinder binder;
    private final DataBinder bodyBinder;
    /** The function's data type resolved once; {@code null} for HTTP functions. */
    private final JavaType dataType;
    /** What the provider can carry back of an HTTP response; {@code null} when the adapter named no limit. */
    private final ResponseCheck responseCheck;
    private final Middleware.Chain chain;
    private final Middleware.Chain orderedChain;
    private final DeadLetters deadLetters;
    /** {@code null} when the function starts whatever time is left. */
    private final StartDeadline startDeadline;

    private FunctionRunner(PortableFunction function) {
        this.function = function;
        this.responseCheck = null;
        this.limits = function.limits();
        this.codec = JacksonCodec.of(function);
        // Event data is validated by the chain's validation step; HTTP bodies when the function binds them.
        this.binder = DataBinder.of(codec, null);
        // Requests carry the standard codec unless told otherwise: only other functions need a copy per invocation.
        this.bodyBinder = codec == JacksonCodec.standard() && function.validates() ? null
                : DataBinder.of(codec, function.validates() ? BeanValidation.shared() : null);
        this.dataType = function.dataType() == null ? null : codec.type(function.dataType());
        Duration threshold = function.deadlineThreshold();
        this.startDeadline = threshold.isZero() ? null : new StartDeadline(threshold);
        this.chain = chain(Ordering.UNORDERED);
        this.orderedChain = chain(Ordering.ORDERED);
        this.deadLetters = DeadLetters.of(function, System::getenv);
    }

    /** A runner sharing {@code base}'s codec and binding, whose chains check responses with {@code responseCheck}. */
    private FunctionRunner(FunctionRunner base, ResponseCheck responseCheck) {
        this.function = base.function;
        this.limits = base.limits;
        this.codec = base.codec;
        this.binder = base.binder;
        this.bodyBinder = base.bodyBinder;
        this.dataType = base.dataType;
        this.responseCheck = responseCheck;
        this.startDeadline = base.startDeadline;
        this.chain = chain(Ordering.UNORDERED);
        this.orderedChain = chain(Ordering.ORDERED);
        this.deadLetters = base.deadLetters;
    }

    /**
     * Builds the chain, innermost first: the function; the response check; the function's middleware; validation;
     * binding (which first checks the start deadline); failure handling; the access log when on; the logging context
     * outermost. Each library step links through a lambda of its own, so every call in the chain has one receiver and
     * the JIT inlines it (one shared link lambda made those calls megamorphic: Azure queue 427 → 395 ns/op).
     */
    private Middleware.Chain chain(Ordering ordering) {
        Middleware.Chain next = this::invokeFunction;
        if (responseCheck != null) {
            // Innermost: a response the provider cannot carry becomes a 500 before idempotency could store it.
            next = checkingResponses(next);
        }
        List<Middleware> middleware = function.middleware();
        for (int i = middleware.size() - 1; i >= 0; i--) {
            next = around(middleware.get(i), next);
        }
        if (function.validates()) {
            next = validating(next, ordering);
        }
        next = binding(next, ordering);
        next = handlingFailures(next);
        Middleware accessLog = StandardMiddleware.accessLog(System::getenv);
        if (accessLog != null) {
            next = withAccessLog(accessLog, next);
        }
        return withLoggingContext(StandardMiddleware.loggingContext(), next);
    }

    private Middleware.Chain checkingResponses(Middleware.Chain inner) {
        return invocation -> checkResponse(invocation, inner);
    }

    private static Middleware.Chain around(Middleware step, Middleware.Chain inner) {
        return invocation -> step.around(invocation, inner);
    }

    private Middleware.Chain validating(Middleware.Chain inner, Ordering ordering) {
        return invocation -> validate(invocation, inner, ordering);
    }

    private Middleware.Chain binding(Middleware.Chain inner, Ordering ordering) {
        return invocation -> bind(invocation, inner, ordering);
    }

    private Middleware.Chain handlingFailures(Middleware.Chain inner) {
        return invocation -> handleFailures(invocation, inner);
    }

    private static Middleware.Chain withAccessLog(Middleware accessLog, Middleware.Chain inner) {
        return invocation -> accessLog.around(invocation, inner);
    }

    private static Middleware.Chain withLoggingContext(Middleware loggingContext, Middleware.Chain inner) {
        return invocation -> loggingContext.around(invocation, inner);
    }

    /**
     * Prepares a function to be run: its middleware chain, its codec and its data binding.
     *
     * @param function the function with its configuration
     * @return a runner; build it once and reuse it for every invocation
     * @throws IllegalArgumentException if the function was given a codec that is not on Jackson
     */
    public static FunctionRunner of(PortableFunction function) {
        return new FunctionRunner(function);
    }

    /**
     * Makes a runner for HTTP requests whose responses travel back through a provider with limits of its own. The
     * check runs on the function's response inside the function's middleware: a response it refuses is logged at
     * ERROR and answered with a 500 problem, which idempotency middleware releases instead of storing. Build one per
     * kind of limit when the adapter starts, not per request.
     *
     * @param check what the provider can carry back
     * @return a runner sharing this one's codec and binding, applying the check
     */
    public FunctionRunner withResponseCheck(ResponseCheck check) {
        return new FunctionRunner(this, Objects.requireNonNull(check, "check"));
    }

    /**
     * Applies this runner's response check once more, to a response that the function's middleware may have
     * changed after the check inside the chain (a replay of a stored response, headers added on the way out).
     *
     * @param response the response about to be encoded
     * @param context  the invocation context, for the request id of the log line and the problem
     * @return the response, or a 500 problem when the provider could not carry it
     */
    public HttpResponse checked(HttpResponse response, Context context) {
        String refusal = responseCheck == null ? null : responseCheck.refusal(response);
        if (refusal == null) {
            return response;
        }
        LOG.error("request {}: the response cannot be sent, answering 500 instead: {}", context.requestId(), refusal);
        return HttpProblems.internalError(context);
    }

    /**
     * Gives the function this runner runs, with its configuration.
     *
     * @return the function
     */
    public PortableFunction function() {
        return function;
    }

    /**
     * Gives the codec this function's JSON is read and written with, for adapters to write responses with.
     *
     * @return the function's codec
     */
    public JacksonCodec codec() {
        return codec;
    }

    /**
     * Gives where the function's permanently failed events go: its dead-letter destination, or back to the platform.
     *
     * @return the function's dead letters, for adapters to call on every permanent failure
     */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    /**
     * Warms what the first invocation would otherwise set up (logger, JSON reading of the data type, validator,
     * router matching) without running the function, for a process snapshot taken after init (SnapStart, CRaC).
     *
     * @return what was warmed, one entry each
     */
    public List<String> prime() {
        return Priming.prime(function, codec);
    }

    /**
     * Gives the function's input limits, for adapters to check what they decode.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Handles an HTTP request. Failures become {@code application/problem+json} responses: a
     * {@link PermanentFailure}'s status and message, 503 for a {@link RetryableException}, 500 for
     * anything else, never revealing an unexpected exception's message or stack trace.
     *
     * @param request the decoded request
     * @param context the invocation context
     * @return the response to encode; never {@code null}
     */
    public HttpResponse http(HttpRequest request, Context context) {
        if (function.kind() != PortableFunction.Kind.HTTP) {
            LOG.error("{} is an {} function but was invoked by an HTTP trigger; deploy it behind an event trigger",
                    function.name(), function.kind());
            return HttpResponse.problem(Problem.of(500, "The function is not an HTTP function."));
        }
        try {
            return (HttpResponse) chain.proceed(new Invocation(request, context));
        } catch (PermanentFailure rejected) {
            // A part of the request read before failure handling (a deferred header behind the request id) was over
            // a limit or unreadable: the caller's fault, answered as inside the chain.
            return HttpProblems.rejection(rejected);
        } catch (Throwable unexpected) {
            rethrowFatal(unexpected);
            LOG.error("HTTP invocation {} failed outside the function", context.requestId(), unexpected);
            return HttpProblems.internalError(context);
        }
    }

    /**
     * Handles one event: binds its data to the function's type, validates it and runs the function.
     * For a batch function the event is handled as a batch of one.
     *
     * @param event   the decoded event, data as the adapter decoded it
     * @param context the invocation context
     * @return how it ended
     */
    public Outcome event(Event<?> event, Context context) {
        if (function.kind() == PortableFunction.Kind.BATCH) {
            BatchResult result = batch(List.of(event), Ordering.UNORDERED, context);
            return result.isSuccess() ? Outcome.success() : outcomeOf(result.failures().get(0));
        }
        if (function.kind() != PortableFunction.Kind.EVENT) {
            PermanentFailure wrongShape = new PermanentFailure(function.name() + " is an HTTP function but was invoked by a "
                    + event.trigger() + " event; deploy it behind an HTTP trigger");
            LOG.error(wrongShape.getMessage());
            return Outcome.failure(wrongShape);
        }
        try {
            chain.proceed(new Invocation(event, context));
            return Outcome.success();
        } catch (Throwable failure) {
            rethrowFatal(failure);
            return Outcome.failure(failure);
        }
    }

    /**
     * Handles a provider batch. An event function runs once per record; a batch function once for the
     * batch. Records whose data does not bind or validate are reported as permanent failures while the
     * others run; for {@link Ordering#ORDERED} sources processing stops at the first failure, which is
     * reported with every record after it (a batch function then sees only the records before it).
     * A batch function's result is put in batch order; if it names a record that is not in the batch,
     * the whole batch is reported as failed (retryable) rather than risk losing a record. Every failure
     * returned carries its record's position in {@code events} and that record's id (see {@link BatchFailures}).
     *
     * @param events   the decoded records, in delivery order
     * @param ordering whether order must be kept
     * @param context  the invocation context
     * @return the failed records; success for an empty batch
     */
    public BatchResult batch(List<? extends Event<?>> events, Ordering ordering, Context context) {
        if (events.isEmpty()) {
            return BatchResult.success();
        }
        if (events.size() > limits.maxBatchSize()) {
            InvalidInputException tooBig = new InvalidInputException("batch of " + events.size()
                    + " records exceeds the limit of " + limits.maxBatchSize()
                    + "; lower the event source's batch size or raise Limits.maxBatchSize", List.of(), null);
            LOG.error("rejecting batch of {} records in invocation {}", events.size(), context.requestId(), tooBig);
            BatchFailures all = BatchFailures.of(events, ordering);
            for (int i = 0; i < events.size(); i++) {
                all.fail(i, Reason.PERMANENT, tooBig);
            }
            return all.result();
        }
        if (function.kind() == PortableFunction.Kind.EVENT) {
            return BatchRunner.run(events, ordering, Event::id, record -> event(record, context));
        }
        if (function.kind() != PortableFunction.Kind.BATCH) {
            PermanentFailure wrongShape = new PermanentFailure(function.name()
                    + " is an HTTP function but was invoked by a batch of events; deploy it behind an HTTP trigger");
            LOG.error(wrongShape.getMessage());
            return BatchRunner.run(events, ordering, Event::id, record -> Outcome.failure(wrongShape));
        }
        // The function may keep the list: it gets its own unmodifiable copy.
        List<Event<?>> records = List.copyOf(events);
        try {
            Middleware.Chain batchChain = ordering == Ordering.ORDERED ? orderedChain : chain;
            BatchResult result = (BatchResult) batchChain.proceed(new Invocation(records, context));
            if (result == null || result.isSuccess()) {
                return BatchResult.success();
            }
            // Into batch order with positions; for ordered sources everything after the first failure.
            BatchFailures failures = BatchFailures.of(records, ordering);
            failures.addAll(result);
            return failures.result();
        } catch (Throwable failure) {
            rethrowFatal(failure);
            if (failure instanceof IllegalStateException || failure instanceof ClassCastException) {
                LOG.error("batch invocation {} of {} failed as a whole", context.requestId(), function.name(), failure);
            }
            Outcome whole = Outcome.failure(failure);
            return BatchRunner.run(records, ordering, Event::id, record -> whole);
        }
    }

    private static Outcome outcomeOf(RecordFailure failure) {
        Throwable cause = failure.cause() != null ? failure.cause()
                : new RetryableException("batch function reported record " + failure.id() + " as failed");
        return new Outcome(failure.reason() == Reason.PERMANENT ? Outcome.Status.PERMANENT_FAILURE
                : Outcome.Status.RETRYABLE_FAILURE, cause);
    }

    // The library's own chain steps; chain(Ordering) puts them in order.

    private Object handleFailures(Invocation invocation, Middleware.Chain next) throws Exception {
        if (!invocation.isHttp()) {
            try {
                return next.proceed(invocation);
            } catch (PermanentFailure failure) {
                LOG.warn("event rejected permanently, not retrying: {}", HttpProblems.explained(failure, LOGGED_EVENT_MESSAGE));
                throw failure;
            } catch (Exception | Error failure) {
                rethrowFatal(failure);
                LOG.warn("event failed, the provider will retry it: {}", failure.toString(), failure);
                throw failure;
            }
        }
        Context context = invocation.context();
        try {
            Object response = next.proceed(invocation);
            if (response == null) {
                LOG.error("{} returned no response for request {}", function.name(), context.requestId());
                return HttpProblems.internalError(context);
            }
            return response;
        } catch (PermanentFailure failure) {
            return HttpProblems.rejection(failure);
        } catch (RetryableException retryable) {
            LOG.warn("request {} failed temporarily", context.requestId(), retryable);
            return HttpResponse.problem(Problem.of(503, "The service is temporarily unavailable; retry later."))
                    .header("Retry-After", "1");
        } catch (Exception | Error failure) {
            rethrowFatal(failure);
            LOG.error("request {} failed", context.requestId(), failure);
            return HttpProblems.internalError(context);
        }
    }

    private Object checkResponse(Invocation invocation, Middleware.Chain next) throws Exception {
        Object result = next.proceed(invocation);
        return result instanceof HttpResponse response ? checked(response, invocation.context()) : result;
    }

    private Object bind(Invocation invocation, Middleware.Chain next, Ordering ordering) throws Exception {
        if (startDeadline != null) {
            startDeadline.check(invocation.context());
        }
        Object input = invocation.input();
        if (input instanceof HttpRequest request) {
            if (request.bodyLength() > limits.maxBodyBytes()) {
                throw new InvalidInputException(413, "request body of " + request.bodyLength()
                        + " bytes exceeds the limit of " + limits.maxBodyBytes() + " bytes", List.of(), null);
            }
            HttpRequest bound = bodyBinder == null ? request : request.toBuilder().codec(bodyBinder).build();
            return next.proceed(bound == request ? invocation : invocation.withInput(bound));
        }
        if (input instanceof Event<?> event) {
            return next.proceed(invocation.withInput(bindEvent(event)));
        }
        return BatchFailures.perRecord(invocation, next, ordering, this::bindEvent);
    }

    private Object validate(Invocation invocation, Middleware.Chain next, Ordering ordering) throws Exception {
        if (invocation.isHttp()) {
            // HTTP bodies are validated when the function binds them with HttpRequest.bodyAs.
            return next.proceed(invocation);
        }
        if (invocation.input() instanceof Event<?> event) {
            BeanValidation.shared().check(event.data(), () -> describe(event));
            return next.proceed(invocation);
        }
        return BatchFailures.perRecord(invocation, next, ordering, event -> {
            BeanValidation.shared().check(event.data(), () -> describe(event));
            return event;
        });
    }

    private Event<?> bindEvent(Event<?> event) {
        Object raw = event.data();
        long size = oversize(raw, limits.maxBodyBytes());
        if (size >= 0) {
            throw new InvalidInputException(413, describe(event) + " of " + size
                    + " bytes exceeds the limit of " + limits.maxBodyBytes() + " bytes", List.of(), null);
        }
        // The description is built only if binding fails: this runs for every record.
        return event.withData(binder.bind(raw, dataType, () -> describe(event)));
    }

    /**
     * @return the payload's size in bytes if it is over the limit, else -1; text is measured as UTF-8, counted only
     *         when its length alone cannot tell (a char takes one to three bytes, a surrogate pair four)
     */
    static long oversize(Object raw, long limit) {
        if (raw instanceof byte[] bytes) {
            return bytes.length > limit ? bytes.length : -1;
        }
        if (raw instanceof String text && (long) text.length() * 3 > limit) {
            long bytes = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
            }
            return bytes > limit ? bytes : -1;
        }
        return -1;
    }

    private static String describe(Event<?> event) {
        return event.trigger() + " event " + event.id() + " data";
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object invokeFunction(Invocation invocation) throws Exception {
        Object target = function.function();
        Context context = invocation.context();
        CurrentInvocation current = CurrentInvocation.onThisThread();
        Context outer = current.enter(context);
        try {
            return switch (function.kind()) {
                case HTTP -> ((HttpFunction) target).handle(invocation.request(), context);
                case EVENT -> {
                    ((EventFunction) target).handle(invocation.event(), context);
                    yield null;
                }
                case BATCH -> {
                    BatchResult result = ((BatchFunction) target).handle(invocation.events(), context);
                    yield result == null ? BatchResult.success() : result;
                }
            };
        } finally {
            current.exit(outer);
        }
    }

    private static void rethrowFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
            throw fatal;
        }
    }
}
