package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.TraceContext;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.runtime.internal.BatchFailures;
import dev.portablefn.runtime.internal.trace.TraceHeaders;
import dev.portablefn.testing.CapturedLog;
import dev.portablefn.testing.TestClock;
import io.github.resilience4j.core.IntervalFunction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Runs functions and settles what they did, with a real provider's delivery semantics: at-least-once delivery,
 * visibility timeouts, retries with backoff, max attempts then the dead-letter queue, FIFO groups, partial batch
 * failures, each function's concurrency limit and timeout. An invocation runs at once on the caller's thread; its
 * messages are settled when it completes on the virtual clock, which the {@link Scheduler} moves.
 */
final class DeliveryEngine {

    private final Registry registry;
    private final MessageRouter router;
    private final History history;
    private final Invocations invocations;
    private final TestClock clock;
    private final RandomSource random;
    private final AdapterDelivery adapters;
    /** Invocations that ran and still hold their messages, in the order they complete on the virtual clock. */
    private final PriorityQueue<Completion> inFlight = new PriorityQueue<>();
    private final Map<String, IntervalFunction> backoffs = new HashMap<>();
    private long completions;

    DeliveryEngine(Registry registry, MessageRouter router, History history, Invocations invocations, TestClock clock,
                   RandomSource random, AdapterDelivery adapters) {
        this.adapters = adapters;
        this.registry = registry;
        this.router = router;
        this.history = history;
        this.invocations = invocations;
        this.clock = clock;
        this.random = random;
    }

    // ---------------------------------------------------------------- what the scheduler asks

    /** @return whether an invocation completed: the earliest one, if it is due now */
    boolean completeOneDue() {
        Completion head = inFlight.peek();
        if (head == null || head.at.isAfter(clock.instant())) {
            return false;
        }
        inFlight.poll().action.run();
        return true;
    }

    /** @return whether a channel had messages due for a function with room under its concurrency limit */
    boolean dispatchOne() {
        Instant now = clock.instant();
        for (Channel channel : registry.channels()) {
            if (channel.subscriber == null) {
                continue;
            }
            DeployedFunction function = registry.function(channel.subscriber);
            if (function.inFlight >= function.options.concurrency()) {
                continue;
            }
            List<Channel.Message> batch = channel.deliverable(now);
            if (batch.isEmpty()) {
                continue;
            }
            List<Channel.Message> deliver = new ArrayList<>(batch.size());
            for (Channel.Message message : batch) {
                if (message.inFlight && message.attempts >= channel.policy.maxAttempts()) {
                    // SQS-style redrive: the receive count is exhausted and the last receiver never answered.
                    deadLetter(channel, message, "no result after " + message.attempts
                            + " deliveries (visibility timeout expired); last: " + message.lastFailure);
                } else {
                    deliver.add(message);
                }
            }
            if (!deliver.isEmpty()) {
                invoke(function, channel, deliver);
            }
            return true;
        }
        return false;
    }

    /** @return the earliest instant after {@code now} when an invocation completes or a message becomes deliverable */
    Instant nextDue(Instant now) {
        Instant next = inFlight.isEmpty() ? null : inFlight.peek().at;
        if (next != null && !next.isAfter(now)) {
            next = null;
        }
        for (Channel channel : registry.channels()) {
            if (channel.subscriber != null) {
                next = Scheduler.earliest(next, channel.nextVisible(now));
            }
        }
        return next;
    }

    /** @return whether an invocation is in flight or a message waits for a function */
    boolean hasWork() {
        if (!inFlight.isEmpty()) {
            return true;
        }
        for (Channel channel : registry.channels()) {
            if (channel.subscriber != null && !channel.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- HTTP

    /** @see LocalCloud#invokeHttp(String, HttpRequest) */
    HttpResponse invokeHttp(String function, HttpRequest request) {
        DeployedFunction deployed = registry.functionNamed(function);
        Instant start = clock.instant();
        TraceContext trace = TraceHeaders.firstOf(request.header(LocalCloud.TRACEPARENT).orElse(null),
                request.header("X-Amzn-Trace-Id").orElse(null),
                request.header("X-Cloud-Trace-Context").orElse(null)).orElse(null);
        List<CapturedLog> logs = new ArrayList<>();
        InvocationContext context = invocations.open(deployed, start, trace, null, logs);
        HttpResponse response;
        invocations.enter(context);
        try {
            response = deployed.runner.http(request, context);
        } finally {
            invocations.exit();
        }
        boolean failed = response.status() >= 500;
        history.invoked(new InvocationRecord(context.requestId(), function, start, context.testClock().instant(),
                List.of(), failed ? InvocationRecord.Outcome.FAILED : InvocationRecord.Outcome.SUCCEEDED, List.of(),
                failed ? "HTTP " + response.status() : null, logs));
        return response;
    }

    // ---------------------------------------------------------------- delivering a batch

    private void invoke(DeployedFunction function, Channel channel, List<Channel.Message> batch) {
        Instant start = clock.instant();
        int[] receipts = new int[batch.size()];
        List<Event<?>> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Channel.Message message = batch.get(i);
            message.attempts++;
            message.receipt++;
            receipts[i] = message.receipt;
            message.inFlight = true;
            message.receivedAt = start;
            message.invisibleUntil = start.plus(channel.policy.visibilityTimeout());
            events.add(message.event.toBuilder().deliveryAttempt(message.attempts).build());
        }
        TraceContext trace = events.stream().map(e -> e.attribute(LocalCloud.TRACEPARENT).orElse(null))
                .map(TraceHeaders::fromTraceparent).flatMap(Optional::stream).findFirst().orElse(null);
        List<CapturedLog> logs = new ArrayList<>();
        InvocationContext context = invocations.open(function, start, trace,
                events.size() == 1 ? events.get(0).id() : null, logs);
        AdapterDelivery.Answer answer;
        invocations.enter(context);
        try {
            answer = function.adapter != null ? adapters.deliver(function, channel, events, context)
                    : direct(function, channel, events, context, logs);
        } finally {
            invocations.exit();
        }
        if (answer.logs() != logs) {
            logs.addAll(answer.logs());
        }
        Duration elapsed = Duration.between(start, context.testClock().instant()).plus(function.options.simulatedDuration());
        boolean crashed = context.observed().crashed();
        boolean timedOut = !crashed && elapsed.compareTo(function.options.timeout()) > 0;
        Instant end = start.plus(timedOut ? function.options.timeout() : elapsed);

        Delivery.Result[] results = answer.results();
        String[] reasons = answer.reasons();
        if (timedOut || crashed) {
            Arrays.fill(results, timedOut ? Delivery.Result.TIMED_OUT : Delivery.Result.LOST);
            Arrays.fill(reasons, timedOut ? "timed out after " + function.options.timeout().toMillis() + " ms"
                    : "crashed");
        }
        List<String> failedIds = new ArrayList<>();
        String firstFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            Channel.Message message = batch.get(i);
            history.delivered(new Delivery(message.event.id(), message.attempts, function.name, context.requestId(),
                    start, results[i]));
            if (results[i] != Delivery.Result.SUCCEEDED) {
                failedIds.add(message.event.id());
                if (firstFailure == null) {
                    firstFailure = reasons[i];
                }
            }
        }
        InvocationRecord.Outcome outcome = crashed ? InvocationRecord.Outcome.CRASHED
                : timedOut ? InvocationRecord.Outcome.TIMED_OUT
                : failedIds.isEmpty() ? InvocationRecord.Outcome.SUCCEEDED
                : failedIds.size() == batch.size() ? InvocationRecord.Outcome.FAILED
                : InvocationRecord.Outcome.PARTIALLY_FAILED;
        history.invoked(new InvocationRecord(context.requestId(), function.name, start, end,
                events.stream().map(Event::id).toList(), outcome, failedIds, firstFailure, logs));
        function.inFlight++;
        inFlight.add(new Completion(end, ++completions, () -> {
            function.inFlight--;
            if (!crashed) {
                settle(channel, batch, receipts, results, reasons, end);
            }
        }));
    }

    /**
     * The {@code LOCAL} preset's delivery: straight into the function's runner, a permanent failure dead-lettered at
     * once (or published to the function's own dead-letter destination, when it has one).
     */
    private AdapterDelivery.Answer direct(DeployedFunction function, Channel channel, List<Event<?>> events,
                                          InvocationContext context, List<CapturedLog> logs) {
        BatchResult result;
        if (events.size() == 1 && function.runner.function().kind() != PortableFunction.Kind.BATCH) {
            BatchFailures failures = BatchFailures.of(events, channel.ordering());
            failures.record(0, function.runner.event(events.get(0), context));
            result = failures.result();
        } else {
            result = function.runner.batch(events, channel.ordering(), context);
        }
        result = function.runner.deadLetters().settle(result, events::get, context);
        Delivery.Result[] results = new Delivery.Result[events.size()];
        String[] reasons = new String[events.size()];
        Arrays.fill(results, Delivery.Result.SUCCEEDED);
        for (RecordFailure failure : result.failures()) {
            int index = failure.index();   // the runner reports every failure at its position in the batch
            results[index] = switch (failure.reason()) {
                case PERMANENT -> Delivery.Result.REJECTED;
                case SKIPPED -> Delivery.Result.SKIPPED;
                case RETRYABLE -> Delivery.Result.FAILED;
            };
            reasons[index] = failure.cause() == null ? "reported failed by the batch function" : describe(failure.cause());
            if (failure.cause() instanceof SimulatedCrash) {
                context.observed().failed(failure.id(), failure.cause());
            }
        }
        return new AdapterDelivery.Answer(results, reasons, logs);
    }

    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    // ---------------------------------------------------------------- settling a completed invocation

    private void settle(Channel channel, List<Channel.Message> batch, int[] receipts, Delivery.Result[] results,
                        String[] reasons, Instant end) {
        for (int i = 0; i < batch.size(); i++) {
            Channel.Message message = batch.get(i);
            if (!channel.contains(message)) {
                continue;
            }
            if (message.receipt != receipts[i]) {
                // Redelivered after its visibility timeout while this invocation ran: a late success still
                // deletes it (at-least-once: the redelivery is a duplicate); a late failure is superseded.
                if (results[i] == Delivery.Result.SUCCEEDED) {
                    channel.remove(message);
                }
                continue;
            }
            switch (results[i]) {
                case SUCCEEDED -> channel.remove(message);
                case SKIPPED -> {
                    message.inFlight = false;
                    message.attempts--;
                    message.visibleAt = end;
                }
                case REJECTED -> deadLetter(channel, message, "permanent failure: " + reasons[i]);
                default -> {
                    message.lastFailure = reasons[i];
                    if (message.attempts >= channel.policy.maxAttempts()) {
                        deadLetter(channel, message, "failed " + message.attempts + " of " + channel.policy.maxAttempts()
                                + " attempts; last: " + reasons[i]);
                    } else {
                        message.inFlight = false;
                        message.visibleAt = channel.policy.backoff().kind() == Backoff.Kind.VISIBILITY_TIMEOUT
                                ? latest(message.invisibleUntil, end)
                                : end.plusMillis(backoffOf(channel).apply(message.attempts));
                    }
                }
            }
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One interval function per channel, so its jitter draws from the seed in the same order on every run. */
    private IntervalFunction backoffOf(Channel channel) {
        return backoffs.computeIfAbsent(channel.name, name -> channel.policy.backoff().intervalFunction(random.random()));
    }

    private void deadLetter(Channel channel, Channel.Message message, String reason) {
        Instant now = clock.instant();
        String queueName = router.moveToDeadLetterQueue(channel, message, now);
        history.deadLettered(new DeadLetter(channel.name, queueName,
                message.event.toBuilder().deliveryAttempt(Math.max(1, message.attempts)).build(), message.attempts,
                reason, now));
    }

    /** An invocation's end on the virtual clock, and what happens to its messages then. */
    private static final class Completion implements Comparable<Completion> {
        final Instant at;
        /** Breaks ties between invocations ending at the same instant: the one started first completes first. */
        final long order;
        final Runnable action;

        Completion(Instant at, long order, Runnable action) {
            this.at = at;
            this.order = order;
            this.action = action;
        }

        @Override
        public int compareTo(Completion other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
