package dev.portablefn.testing.localcloud;

import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.middleware.Invocation;
import dev.portablefn.api.middleware.Middleware;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.testing.AwsEvents;
import dev.portablefn.testing.AzureEvents;
import dev.portablefn.testing.CapturedLog;
import dev.portablefn.testing.FunctionTester;
import dev.portablefn.testing.GcpEvents;
import dev.portablefn.testing.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a cloud preset hands messages to a function: each delivery is encoded in the provider's wire format by the
 * testing kit's event builders and run through the provider's real adapter entry by a {@link FunctionTester}
 * ({@code LambdaHandler}, the Functions Framework entries, the {@code AzureFunctions} delegations), and what the
 * adapter answers decides each message's fate, as the platform reads it: AWS SQS and Kinesis batches by
 * {@code batchItemFailures} (in an ordered batch the records after the first reported one were not processed), every
 * single-event source by whether the invocation threw (GCP's 500, Lambda's failed asynchronous invocation, the Azure
 * host's failed run), Event Hubs by the records the delegation names as not completed. The adapter, not LocalCloud,
 * thus decides what a permanent failure becomes: without a dead-letter destination it fails like any other and the
 * preset's retries and dead-letter queue apply; with one, it is published there and the message succeeds.
 *
 * <p>The function sees LocalCloud's context (virtual clock, deadline, trace, recorded logger,
 * {@code unwrap(LocalCloud.class)}) on the provider's: a first step in its own middleware swaps it in, and notes what
 * the function threw, for the reasons LocalCloud records and to tell a {@link LocalCloud#crash()}.
 */
final class AdapterDelivery {

    /** A record the Azure adapter names as not completed in an Event Hubs batch: its sequence number and why. */
    private static final Pattern EVENT_HUBS_NOT_COMPLETED =
            Pattern.compile("sequenceNumber=(\\d+)[^\\]]*\\] (RETRYABLE|PERMANENT|SKIPPED)");
    /** A Cosmos DB record's id is {@code <document id>@<_lsn>}, and AzureEvents.cosmosDb writes the sequence as _lsn. */
    private static final Pattern COSMOS_NOT_COMPLETED = Pattern.compile("id=[^\\]@ ]*@(\\d+)[^\\]]*\\] (RETRYABLE|PERMANENT|SKIPPED)");

    private final Provider provider;
    private final Invocations invocations;
    private final Publisher publisher;

    /**
     * How one delivery ended for each of its messages.
     *
     * @param results per position, how it ended
     * @param reasons per position, why it failed, or {@code null}
     * @param logs    what the function logged through its context's logger
     */
    record Answer(Delivery.Result[] results, String[] reasons, List<CapturedLog> logs) {
    }

    AdapterDelivery(Provider provider, Invocations invocations, Publisher publisher) {
        this.provider = provider;
        this.invocations = invocations;
        this.publisher = publisher;
    }

    /** @return the function with its dead letters going to this cloud's topics and queues when it names only where */
    PortableFunction withCloudDeadLetters(PortableFunction function) {
        return function.deadLetter().isPresent() && function.deadLetterPublisher().isEmpty()
                ? function.withDeadLetter(function.deadLetter().get(), publisher) : function;
    }

    /** @return the function behind the preset provider's adapter; {@code null} on the LOCAL preset and for HTTP */
    FunctionTester behindAdapter(PortableFunction function) {
        if (provider == Provider.LOCAL || function.kind() == PortableFunction.Kind.HTTP) {
            return null;
        }
        PortableFunction rebuilt = function.kind() == PortableFunction.Kind.BATCH
                ? PortableFunction.batch(function.dataType(), (BatchFunction<?>) function.function())
                : PortableFunction.event(function.dataType(), (EventFunction<?>) function.function());
        // LocalCloud's context comes first, so the function's own middleware (idempotency, say) sees virtual time.
        rebuilt = rebuilt.with(this::localContext).with(function.middleware().toArray(new Middleware[0]))
                .withLimits(function.limits()).withDeadlineThreshold(function.deadlineThreshold());
        if (function.codec().isPresent()) {
            rebuilt = rebuilt.withCodec(function.codec().get());
        }
        if (!function.validates()) {
            rebuilt = rebuilt.withoutValidation();
        }
        if (function.deadLetter().isPresent()) {
            rebuilt = rebuilt.withDeadLetter(function.deadLetter().get(), function.deadLetterPublisher().orElse(publisher));
        }
        return FunctionTester.forProvider(provider, rebuilt);
    }

    private Object localContext(Invocation invocation, Middleware.Chain next) throws Exception {
        InvocationContext local = invocations.innermost();
        if (local == null) {
            return next.proceed(invocation);
        }
        try {
            Object result = next.proceed(new Invocation(invocation.input(), new AdapterContext(local, invocation.context())));
            if (result instanceof BatchResult batch) {
                batch.failures().stream().filter(f -> f.cause() != null).forEach(f -> local.observed().failed(f.id(), f.cause()));
            }
            return result;
        } catch (Exception | Error failure) {
            if (invocation.input() instanceof Event<?> event) {
                local.observed().failed(event.id(), failure);
            } else {
                invocation.events().forEach(event -> local.observed().failed(event.id(), failure));
            }
            throw failure;
        }
    }

    /**
     * Delivers one batch through the function's adapter, as the preset's provider would.
     *
     * @param function the function, {@link #behindAdapter behind its adapter}
     * @param channel  where the messages come from
     * @param events   the messages with their delivery attempt, in order
     * @param context  LocalCloud's invocation, entered on this thread
     * @return how it ended for each message
     */
    Answer deliver(DeployedFunction function, Channel channel, List<Event<?>> events, InvocationContext context) {
        FunctionTester tester = function.adapter;
        return switch (provider) {
            case AWS -> switch (channel.kind) {
                case QUEUE, FIFO_QUEUE -> batch(tester.invoke(AwsEvents.sqs(channel.name, sqsBodies(events))), events,
                        channel.ordered, context);
                case STREAM -> batch(tester.invoke(AwsEvents.kinesisRecords(channel.name, events)), events, true, context);
                case TABLE -> batch(tester.invoke(AwsEvents.dynamoDb(channel.name, changes(events))), events, true, context);
                default -> oneByOne(tester, events, context, event -> awsAsync(channel, event));
            };
            case GCP -> oneByOne(tester, events, context, event -> gcp(channel, event));
            case AZURE -> switch (channel.kind) {
                case STREAM -> orderedHostBatch(tester.invoke(AzureEvents.eventHubs(channel.name, events)), events,
                        EVENT_HUBS_NOT_COMPLETED, context);
                case TABLE -> orderedHostBatch(tester.invoke(AzureEvents.cosmosDb(channel.name, changes(events))), events,
                        COSMOS_NOT_COMPLETED, context);
                default -> oneByOne(tester, events, context, event -> azure(channel, event));
            };
            case LOCAL -> throw new IllegalStateException("the LOCAL preset delivers without an adapter");
        };
    }

    @SuppressWarnings("unchecked")
    private static byte[] awsAsync(Channel channel, Event<?> event) {
        return switch (channel.kind) {
            case BUCKET -> AwsEvents.s3((Event<StorageObject>) event);
            case SCHEDULE -> AwsEvents.scheduled((Event<ScheduleTick>) event);
            default -> AwsEvents.sns(resourceName(event.source()), event);
        };
    }

    @SuppressWarnings("unchecked")
    private static byte[] gcp(Channel channel, Event<?> event) {
        return switch (channel.kind) {
            case BUCKET -> GcpEvents.storage((Event<StorageObject>) event);
            case SCHEDULE -> GcpEvents.scheduler((Event<ScheduleTick>) event);
            case TABLE -> GcpEvents.firestore((Event<DocumentChange<?>>) event);
            default -> GcpEvents.pubsub(resourceName(event.source()), event);   // queues, topics and streams: Pub/Sub
        };
    }

    @SuppressWarnings("unchecked")
    private static byte[] azure(Channel channel, Event<?> event) {
        return switch (channel.kind) {
            case QUEUE -> AzureEvents.queue(event);
            case BUCKET -> AzureEvents.blob((Event<StorageObject>) event);
            case SCHEDULE -> AzureEvents.timer((Event<ScheduleTick>) event);
            default -> AzureEvents.serviceBus(event);   // FIFO queues (sessions) and topic subscriptions
        };
    }

    /** Storage events in a queue arrive as S3 writes them to SQS: the notification is the body. */
    @SuppressWarnings("unchecked")
    private static List<Event<?>> sqsBodies(List<Event<?>> events) {
        if (events.stream().noneMatch(event -> event.data() instanceof StorageObject)) {
            return events;
        }
        List<Event<?>> bodies = new ArrayList<>(events.size());
        for (Event<?> event : events) {
            bodies.add(event.data() instanceof StorageObject ? event.withData(new String(
                    AwsEvents.s3((Event<StorageObject>) event), StandardCharsets.UTF_8)) : event);
        }
        return bodies;
    }

    /** A batch the provider reports record by record: the reported ids failed; in an ordered batch all but the first were skipped. */
    private static Answer batch(InvocationResult result, List<Event<?>> events, boolean ordered, InvocationContext context) {
        Answer answer = succeeded(events.size(), result.logs());
        if (result.failure().isPresent()) {   // the invocation failed as a whole: every record comes back
            for (int i = 0; i < events.size(); i++) {
                fail(answer, i, Delivery.Result.FAILED, reason(context, events.get(i).id(), result.failure().get()));
            }
            return answer;
        }
        if (result.failedIds().isEmpty()) {
            return answer;
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            positions.putIfAbsent(events.get(i).id(), i);
        }
        boolean first = true;
        for (String id : result.failedIds()) {
            Integer position = positions.get(id);
            if (position != null) {
                fail(answer, position, ordered && !first ? Delivery.Result.SKIPPED : Delivery.Result.FAILED,
                        ordered && !first ? "not processed: an earlier record of the ordered batch failed"
                                : reason(context, id, null));
                first = false;
            }
        }
        return answer;
    }

    /** Sources that hand a function one event per invocation: each fails when its invocation did. */
    private static Answer oneByOne(FunctionTester tester, List<Event<?>> events, InvocationContext context,
                                   Function<Event<?>, byte[]> payload) {
        List<CapturedLog> logs = new ArrayList<>();
        Answer answer = succeeded(events.size(), logs);
        for (int i = 0; i < events.size(); i++) {
            InvocationResult result = tester.invoke(payload.apply(events.get(i)));
            logs.addAll(result.logs());
            if (!result.succeeded()) {
                fail(answer, i, Delivery.Result.FAILED, reason(context, events.get(i).id(), result.failure().orElse(null)));
            }
        }
        return answer;
    }

    /** Event Hubs: the delegation throws naming every record not completed, by sequence number (the record's id). */
    /** A table's messages are document changes ({@link MessageRouter#changeDocument}). */
    @SuppressWarnings("unchecked")
    private static List<Event<DocumentChange<?>>> changes(List<Event<?>> events) {
        List<Event<DocumentChange<?>>> changes = new ArrayList<>(events.size());
        events.forEach(event -> changes.add((Event<DocumentChange<?>>) event));
        return changes;
    }

    /**
     * An ordered batch the Azure host runs at once (Event Hubs, Cosmos DB): the adapter names each record it did not
     * complete in what it throws, matched by {@code notCompleted} (group 1 LocalCloud's sequence number, group 2 how).
     */
    private static Answer orderedHostBatch(InvocationResult result, List<Event<?>> events, Pattern notCompleted,
                                           InvocationContext context) {
        Answer answer = succeeded(events.size(), result.logs());
        if (result.succeeded()) {
            return answer;
        }
        Throwable thrown = result.failure().orElse(null);
        Map<Long, Integer> positions = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            positions.put(Long.parseLong(events.get(i).id()), i);
        }
        Matcher named = notCompleted.matcher(thrown == null ? "" : String.valueOf(thrown.getMessage()));
        boolean any = false;
        while (named.find()) {
            Integer position = positions.get(Long.parseLong(named.group(1)));
            if (position != null) {
                boolean skipped = named.group(2).equals("SKIPPED");
                fail(answer, position, skipped ? Delivery.Result.SKIPPED : Delivery.Result.FAILED, skipped
                        ? "not processed: an earlier record of the ordered batch failed" : reason(context, "", thrown));
                any = true;
            }
        }
        if (!any) {
            Arrays.fill(answer.results(), Delivery.Result.FAILED);
            Arrays.fill(answer.reasons(), reason(context, "", thrown));
        }
        return answer;
    }

    private static Answer succeeded(int size, List<CapturedLog> logs) {
        Delivery.Result[] results = new Delivery.Result[size];
        Arrays.fill(results, Delivery.Result.SUCCEEDED);
        return new Answer(results, new String[size], logs);
    }

    private static void fail(Answer answer, int position, Delivery.Result result, String reason) {
        answer.results()[position] = result;
        answer.reasons()[position] = reason;
    }

    /** The function's own failure when it was seen, else what the adapter threw (without the adapter's wrapper). */
    private static String reason(InvocationContext context, String eventId, Throwable thrown) {
        Throwable seen = context.observed().failureOf(eventId);
        if (seen != null) {
            return DeliveryEngine.describe(seen);
        }
        if (thrown == null) {
            return "reported failed by the adapter";
        }
        return DeliveryEngine.describe(thrown.getCause() != null ? thrown.getCause() : thrown);
    }

    /** {@code //localcloud/topics/orders} → {@code orders}. */
    private static String resourceName(String source) {
        return source.substring(source.lastIndexOf('/') + 1);
    }
}
