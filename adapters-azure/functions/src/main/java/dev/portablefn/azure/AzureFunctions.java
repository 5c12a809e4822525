package dev.portablefn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.Ordering;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.Problem;
import dev.portablefn.api.http.Redaction;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.json.JacksonCodec;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a portable function on Azure Functions (Java worker). Build one per worker in a static field of
 * the class holding your {@code @FunctionName} methods, and make each method a one-line delegation:
 *
 * <pre>{@code
 * public class Functions {
 *     private static final AzureFunctions AZURE = AzureFunctions.of(new OrderFunction());
 *
 *     @FunctionName("orders")
 *     public void orders(@QueueTrigger(name = "message", queueName = "orders", connection = "AzureWebJobsStorage") String message,
 *                        @BindingName("Id") String id, @BindingName("DequeueCount") long dequeueCount,
 *                        @BindingName("InsertionTime") String insertionTime, ExecutionContext context) {
 *         AZURE.queue(message, id, dequeueCount, insertionTime, context);
 *     }
 * }
 * }</pre>
 *
 * <h2>Failures, per binding</h2>
 * The Azure host learns about a failure only when the annotated method throws, so every event delegation
 * throws when the function failed, retryably or permanently, and returns normally otherwise. A
 * {@code PermanentFailure} is thrown too rather than acknowledged: Azure offers no "dead-letter now"
 * to a Java function, and throwing is the only way the message reaches the poison or dead-letter store
 * instead of being lost (it costs the remaining attempts). Undecodable input is an
 * {@code EventDecodingException}, thrown the same way after logging. A function with a dead-letter destination of
 * its own ({@link PortableFunction#withDeadLetter(String)} or {@code PORTABLEFN_DEAD_LETTER}) has its permanent
 * failures and undecodable input published there instead, and the delegation returns: one attempt; if that publish
 * fails, it throws as above. In an Event Hubs or Cosmos DB batch, the records after a dead-lettered one run on.
 * <ul>
 *   <li>HTTP: never throws; failures become {@code application/problem+json} responses (4xx for permanent
 *       failures with their message, 503 for retryable ones, 500 without details for anything else).</li>
 *   <li>Queue Storage: the host retries the message until {@code queues.maxDequeueCount} in {@code host.json}
 *       (default 5), then moves it to {@code <queue>-poison}. {@code DequeueCount} is the event's delivery attempt.</li>
 *   <li>Service Bus (queue and topic subscription): the message is abandoned and redelivered until the entity's
 *       {@code MaxDeliveryCount} (default 10), then dead-lettered. {@code DeliveryCount} is the delivery attempt.</li>
 *   <li>Event Grid: the host answers with an error; Event Grid retries with exponential backoff (30 attempts /
 *       24 h by default) and then dead-letters the event when the subscription has a dead-letter destination.</li>
 *   <li>Blob trigger: retried up to 5 times, then a message naming the blob goes to {@code webjobs-blobtrigger-poison}.</li>
 *   <li>Timer: the run is recorded as failed; the tick is retried only under a retry policy annotation.</li>
 *   <li>Event Hubs and Cosmos DB: there is no per-record retry; the host checkpoints after the invocation.
 *       The batch is run in order and stops at the first failed record (it and every record after it are not
 *       completed), then the delegation throws, naming each record's partition, offset and sequence number.
 *       Declare {@code @ExponentialBackoffRetry} (or {@code @FixedDelayRetry}) on the method so the host re-runs
 *       the batch from the last checkpoint; records before the failure run again, so make the function idempotent.
 *       Without a retry policy, or once it is exhausted, the host checkpoints past the batch: the error log
 *       names the positions to replay from the hub's retention.</li>
 * </ul>
 *
 * <h2>Context and logging</h2>
 * {@code Context.requestId()} is the invocation id, {@code functionName()} the function name, the trace comes
 * from {@code ExecutionContext.getTraceContext().getTraceparent()}, and Azure tells no deadline. A Queue Storage,
 * Service Bus or single Event Grid message that carries its publisher's {@code traceparent} (attribute, envelope
 * attribute, {@code Diagnostic-Id} application property or CloudEvent extension) continues that trace instead,
 * unless the host's trace already has the same trace id. A Queue Storage message a portablefn publisher wrapped
 * in its envelope ({@code MessageEnvelope}) arrives as the body and attributes it was published with.
 * {@code Context.logger()} is an SLF4J logger writing into {@code ExecutionContext.getLogger()}, so lines are
 * tied to the invocation in Application Insights. Other SLF4J loggers (and the library's own) go to the SLF4J
 * provider the application ships, whose output the host captures; while the function runs the MDC holds
 * {@code requestId}, {@code traceId} and {@code functionName}.
 */
public final class AzureFunctions {

    static final String DEFAULT_ROUTE_PREFIX = "api";
    static final String QUEUE = "Queue Storage";
    static final String SERVICE_BUS = "Service Bus";
    static final String EVENT_GRID = "Event Grid";
    static final String BLOB = "Blob";
    static final String TIMER = "Timer";
    static final String EVENT_HUBS = "Event Hubs";
    static final String COSMOS_DB = "Cosmos DB";

    private final FunctionRunner runner;
    /** The runner for HTTP triggers: the worker carries one value per header name, so at most one cookie. */
    private final FunctionRunner httpRunner;
    private final JacksonCodec codec;
    private final String routePrefix;
    private final Clock clock;
    private final WorkerInputs inputs;

    private AzureFunctions(FunctionRunner runner, String routePrefix, Clock clock) {
        this.runner = runner;
        this.httpRunner = runner.withResponseCheck(AzureHttp::refusal);
        this.codec = runner.codec();
        this.routePrefix = routePrefix;
        this.clock = clock;
        this.inputs = new WorkerInputs(codec, clock);
    }

    /**
     * Gives the function these delegations run, with its configuration; tools such as the CLI run it on other payloads.
     *
     * @return the function
     */
    public PortableFunction function() {
        return runner.function();
    }

    /** @param function the function with its configuration @return the delegations for it */
    public static AzureFunctions of(PortableFunction function) {
        return new AzureFunctions(FunctionRunner.of(Objects.requireNonNull(function, "function")), DEFAULT_ROUTE_PREFIX,
                Clock.systemUTC());
    }

    /** @param function an HTTP function @return the delegations for it */
    public static AzureFunctions of(HttpFunction function) {
        return of(PortableFunction.of(function));
    }

    /** @param function an event function; its data type is read from its class declaration @return the delegations */
    public static AzureFunctions of(EventFunction<?> function) {
        return of(PortableFunction.of(function));
    }

    /** @param function a batch function; its data type is read from its class declaration @return the delegations */
    public static AzureFunctions of(BatchFunction<?> function) {
        return of(PortableFunction.of(function));
    }

    /**
     * Builds the function named by the {@code PORTABLEFN_FUNCTION} app setting (or the {@code portablefn.function}
     * system property).
     *
     * @return the delegations for it
     * @throws IllegalStateException naming the fix when the setting is missing or the class cannot be used
     */
    public static AzureFunctions fromEnvironment() {
        return of(PortableFunction.fromEnvironment());
    }

    /**
     * @param prefix the host's HTTP route prefix ({@code extensions.http.routePrefix} in {@code host.json}),
     *               taken off request paths so routes read the same on every provider; empty keeps paths whole
     * @return a copy using it
     */
    public AzureFunctions withRoutePrefix(String prefix) {
        String trimmed = Objects.requireNonNull(prefix, "prefix").replaceAll("^/+|/+$", "");
        return new AzureFunctions(runner, trimmed, clock);
    }

    AzureFunctions withClock(Clock newClock) {
        return new AzureFunctions(runner, routePrefix, newClock);
    }

    /**
     * Handles an HTTP trigger; the body may be bytes ({@code dataType = "binary"}) or text.
     *
     * <pre>{@code
     * @FunctionName("api")
     * public HttpResponseMessage api(@HttpTrigger(name = "request", methods = {HttpMethod.GET, HttpMethod.POST},
     *         authLevel = AuthorizationLevel.ANONYMOUS, route = "{*path}", dataType = "binary")
     *         HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
     *     return AZURE.http(request, context);
     * }
     * }</pre>
     *
     * @param request the request as the worker bound it ({@code Optional<byte[]>} or {@code Optional<String>} body)
     * @param context the invocation's context
     * @return the response: status, headers (repeated values joined with {@code ", "}, one value per name being
     *         all the worker carries) and the body as bytes; a 400 problem when the request cannot be decoded; a
     *         500 problem, with an ERROR log line naming the limitation, when the function sets more than one cookie,
     *         which the worker cannot carry ({@code Set-Cookie} values must not be comma-joined)
     */
    public HttpResponseMessage http(HttpRequestMessage<? extends Optional<?>> request, ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        HttpResponse response;
        try {
            HttpRequest decoded = AzureHttp.fromMessage(request, routePrefix, codec, runner.limits());
            response = httpRunner.checked(httpRunner.http(decoded, portable), portable);
        } catch (EventDecodingException malformed) {
            // The decoder's message names what was wrong for the log; the client learns only that it was unreadable.
            portable.logger().warn("HTTP request rejected with 400: {}", Redaction.forLog(malformed.getMessage(), 2000));
            response = HttpResponse.problem(Problem.of(400, "The request could not be read."));
        }
        return AzureHttp.toMessage(response, request);
    }

    /**
     * Handles a Queue Storage message; throws when the function fails so the host retries and finally poisons it.
     *
     * <pre>{@code
     * @FunctionName("orders")
     * public void orders(@QueueTrigger(name = "message", queueName = "orders", connection = "AzureWebJobsStorage") String message,
     *                    @BindingName("Id") String id, @BindingName("DequeueCount") long dequeueCount,
     *                    @BindingName("InsertionTime") String insertionTime, ExecutionContext context) {
     *     AZURE.queue(message, id, dequeueCount, insertionTime, context);
     * }
     * }</pre>
     *
     * @param message       the message text (the host has already base64-decoded it)
     * @param id            the {@code Id} metadata: the event id
     * @param dequeueCount  the {@code DequeueCount} metadata: the delivery attempt, from 1
     * @param insertionTime the {@code InsertionTime} metadata, or {@code null}
     * @param context       the invocation's context
     */
    public void queue(String message, String id, long dequeueCount, String insertionTime, ExecutionContext context) {
        Context host = AzureContexts.from(context, clock);
        Event<?> event;
        try {
            event = inputs.queueMessage(message, id, dequeueCount, insertionTime, host);
        } catch (EventDecodingException malformed) {
            HostFailures.deadLetterOrThrow(malformed, id, QUEUE, message, host, runner.deadLetters());
            return;
        }
        runOne(event, QUEUE, AzureContexts.forMessage(host, event, context, clock));
    }

    /**
     * Handles a message from a Service Bus queue; throws when the function fails so Service Bus redelivers it
     * and finally dead-letters it.
     *
     * <pre>{@code
     * @FunctionName("payments")
     * public void payments(@ServiceBusQueueTrigger(name = "message", queueName = "payments", connection = "ServiceBusConnection") String message,
     *                      @BindingName("MessageId") String messageId, @BindingName("DeliveryCount") int deliveryCount,
     *                      @BindingName("EnqueuedTimeUtc") String enqueuedTimeUtc,
     *                      @BindingName("ApplicationProperties") String applicationProperties, ExecutionContext context) {
     *     AZURE.serviceBusQueue(message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
     * }
     * }</pre>
     *
     * @param message               the message body as text
     * @param messageId             the {@code MessageId} metadata: the event id
     * @param deliveryCount         the {@code DeliveryCount} metadata: the delivery attempt, from 1
     * @param enqueuedTimeUtc       the {@code EnqueuedTimeUtc} metadata, or {@code null}
     * @param applicationProperties the {@code ApplicationProperties} (older hosts: {@code UserProperties}) metadata as
     *                              JSON, or {@code null}; each becomes an event attribute
     * @param context               the invocation's context
     */
    public void serviceBusQueue(String message, String messageId, int deliveryCount, String enqueuedTimeUtc,
                                String applicationProperties, ExecutionContext context) {
        serviceBus(Trigger.QUEUE, message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    /**
     * Handles a message from a Service Bus topic subscription; the same as {@link #serviceBusQueue} with a
     * {@code TOPIC} trigger ({@code @ServiceBusTopicTrigger(name = "message", topicName = "...", subscriptionName = "...")}).
     *
     * @param message               the message body as text
     * @param messageId             the {@code MessageId} metadata
     * @param deliveryCount         the {@code DeliveryCount} metadata
     * @param enqueuedTimeUtc       the {@code EnqueuedTimeUtc} metadata, or {@code null}
     * @param applicationProperties the {@code ApplicationProperties} metadata as JSON, or {@code null}
     * @param context               the invocation's context
     */
    public void serviceBusTopic(String message, String messageId, int deliveryCount, String enqueuedTimeUtc,
                                String applicationProperties, ExecutionContext context) {
        serviceBus(Trigger.TOPIC, message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    private void serviceBus(Trigger trigger, String message, String messageId, int deliveryCount, String enqueuedTimeUtc,
                            String applicationProperties, ExecutionContext context) {
        Context host = AzureContexts.from(context, clock);
        Event<?> event;
        try {
            event = inputs.serviceBusMessage(trigger, message, messageId, deliveryCount, enqueuedTimeUtc,
                    applicationProperties, host);
        } catch (EventDecodingException malformed) {
            HostFailures.deadLetterOrThrow(malformed, messageId, SERVICE_BUS, message, host, runner.deadLetters());
            return;
        }
        runOne(event, SERVICE_BUS, AzureContexts.forMessage(host, event, context, clock));
    }

    /**
     * Handles an Event Grid event in the Event Grid or CloudEvents schema. {@code Microsoft.Storage.BlobCreated}
     * and {@code BlobDeleted} become {@code STORAGE} events with a {@code StorageObject}; others are {@code TOPIC}
     * events whose data binds to the function's type.
     *
     * <pre>{@code
     * @FunctionName("uploads")
     * public void uploads(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
     *     AZURE.eventGrid(event, context);
     * }
     * }</pre>
     *
     * @param event   the event as JSON text (an array is handled as a batch that fails as a whole)
     * @param context the invocation's context
     */
    public void eventGrid(String event, ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        List<Event<?>> events = decoded(() -> inputs.eventGrid(event, portable), EVENT_GRID, event, portable);
        if (events == null) {
            return;
        }
        if (events.size() == 1) {
            runOne(events.get(0), EVENT_GRID, AzureContexts.forMessage(portable, events.get(0), context, clock));
        } else {
            HostFailures.throwIfFailed(runner.batch(events, Ordering.UNORDERED, portable), events, EVENT_GRID, portable,
                    runner.deadLetters());
        }
    }

    /**
     * Handles a Blob trigger: the event's data is a {@code StorageObject} (change {@code CREATED}) and the content
     * the host read is available as {@code event.unwrap(byte[].class)}.
     *
     * <pre>{@code
     * @FunctionName("images")
     * public void images(@BlobTrigger(name = "content", path = "images/{name}", dataType = "binary", connection = "AzureWebJobsStorage") byte[] content,
     *                    @BindingName("BlobTrigger") String blobPath, @BindingName("Uri") String uri,
     *                    @BindingName("Properties") String properties, @BindingName("Metadata") String metadata,
     *                    ExecutionContext context) {
     *     AZURE.blob(content, blobPath, uri, properties, metadata, context);
     * }
     * }</pre>
     *
     * @param content    the blob's content
     * @param blobPath   the {@code BlobTrigger} metadata, {@code <container>/<name>}
     * @param uri        the {@code Uri} metadata, or {@code null}
     * @param properties the {@code Properties} metadata as JSON ({@code Length}, {@code ContentType}, {@code ETag},
     *                   {@code LastModified}), or {@code null}
     * @param metadata   the {@code Metadata} metadata (user metadata) as JSON, or {@code null}
     * @param context    the invocation's context
     */
    public void blob(byte[] content, String blobPath, String uri, String properties, String metadata,
                     ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        Event<?> event = decoded(() -> inputs.blob(content, blobPath, uri, properties, metadata, portable), BLOB,
                blobPath, portable);
        if (event != null) {
            runOne(event, BLOB, portable);
        }
    }

    /**
     * Handles a Blob trigger knowing only its path ({@code @BindingName("BlobTrigger")}).
     *
     * @param content  the blob's content
     * @param blobPath the {@code BlobTrigger} metadata, {@code <container>/<name>}
     * @param context  the invocation's context
     */
    public void blob(byte[] content, String blobPath, ExecutionContext context) {
        blob(content, blobPath, null, null, null, context);
    }

    /**
     * Handles a Timer tick: a {@code SCHEDULE} event with a {@code ScheduleTick} named after the function, and the
     * {@code pastDue} attribute ({@code "true"} when the host ran the tick late).
     *
     * <pre>{@code
     * @FunctionName("nightly")
     * public void nightly(@TimerTrigger(name = "timerInfo", schedule = "0 0 2 * * *") String timerInfo, ExecutionContext context) {
     *     AZURE.timer(timerInfo, context);
     * }
     * }</pre>
     *
     * @param timerInfo the {@code TimerInfo} JSON ({@code ScheduleStatus}, {@code IsPastDue})
     * @param context   the invocation's context
     */
    public void timer(String timerInfo, ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        Event<?> event = decoded(() -> inputs.timer(timerInfo, context, portable), TIMER, timerInfo, portable);
        if (event != null) {
            runOne(event, TIMER, portable);
        }
    }

    /**
     * Handles an Event Hubs batch ({@code cardinality = MANY}) in partition order, stopping at the first failure.
     *
     * <pre>{@code
     * @FunctionName("telemetry")
     * @ExponentialBackoffRetry(maxRetryCount = 5, minimumInterval = "00:00:02", maximumInterval = "00:05:00")
     * public void telemetry(@EventHubTrigger(name = "messages", eventHubName = "telemetry", connection = "EventHubConnection",
     *                               cardinality = Cardinality.MANY, dataType = "string") String[] messages,
     *                       @BindingName("PartitionContext") String partitionContext,
     *                       @BindingName("SystemPropertiesArray") String systemProperties,
     *                       @BindingName("PropertiesArray") String properties, ExecutionContext context) {
     *     AZURE.eventHubs(messages, partitionContext, systemProperties, properties, context);
     * }
     * }</pre>
     *
     * @param messages         the event bodies as text
     * @param partitionContext the {@code PartitionContext} metadata as JSON, or {@code null}
     * @param systemProperties the {@code SystemPropertiesArray} metadata as JSON (sequence number, offset, enqueued
     *                         time, partition key per event), or {@code null}
     * @param properties       the {@code PropertiesArray} metadata (application properties per event), or {@code null}
     * @param context          the invocation's context
     */
    public void eventHubs(String[] messages, String partitionContext, String systemProperties, String properties,
                          ExecutionContext context) {
        eventHubs(messages == null ? null : Arrays.asList(messages), partitionContext, systemProperties, properties, context);
    }

    /**
     * The same as {@link #eventHubs(String[], String, String, String, ExecutionContext)} for a {@code List} parameter.
     *
     * @param messages         the event bodies as text
     * @param partitionContext the {@code PartitionContext} metadata as JSON, or {@code null}
     * @param systemProperties the {@code SystemPropertiesArray} metadata as JSON, or {@code null}
     * @param properties       the {@code PropertiesArray} metadata as JSON, or {@code null}
     * @param context          the invocation's context
     */
    public void eventHubs(List<String> messages, String partitionContext, String systemProperties, String properties,
                          ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        List<Event<?>> events = decoded(() -> inputs.eventHubs(messages, partitionContext, systemProperties, properties,
                context, portable), EVENT_HUBS, String.valueOf(messages), portable);
        runBatch(events, EVENT_HUBS, portable);
    }

    /**
     * Handles a Cosmos DB change-feed batch: one {@code DATABASE} event per document, data a
     * {@code DocumentChange<JsonNode>} (kind {@code UPSERTED}: the feed carries only the latest version), in order.
     *
     * <pre>{@code
     * @FunctionName("courses")
     * @FixedDelayRetry(maxRetryCount = 5, delayInterval = "00:00:10")
     * public void courses(@CosmosDBTrigger(name = "documents", databaseName = "school", containerName = "courses",
     *                             connection = "CosmosDBConnection", leaseContainerName = "leases",
     *                             createLeaseContainerIfNotExists = true) String documents, ExecutionContext context) {
     *     AZURE.cosmosDb("courses", documents, context);
     * }
     * }</pre>
     *
     * @param containerName the monitored container (the trigger's {@code containerName}; the host does not send it)
     * @param documents     the changed documents as a JSON array
     * @param context       the invocation's context
     */
    public void cosmosDb(String containerName, String documents, ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        List<Event<?>> events = decoded(() -> inputs.cosmosDb(containerName, documents, portable), COSMOS_DB, documents,
                portable);
        runBatch(events, COSMOS_DB, portable);
    }

    /**
     * The same as {@link #cosmosDb(String, String, ExecutionContext)} with one JSON document per list entry.
     *
     * @param containerName the monitored container
     * @param documents     the changed documents, each as JSON
     * @param context       the invocation's context
     */
    public void cosmosDb(String containerName, List<String> documents, ExecutionContext context) {
        Context portable = AzureContexts.from(context, clock);
        List<Event<?>> events = decoded(() -> inputs.cosmosDb(containerName, documents, portable), COSMOS_DB,
                String.valueOf(documents), portable);
        runBatch(events, COSMOS_DB, portable);
    }

    private void runOne(Event<?> event, String binding, Context portable) {
        HostFailures.throwIfFailed(runner.event(event, portable), event, binding, portable, runner.deadLetters());
    }

    /** @return the decoded input, or {@code null} when it could not be decoded and went to the dead-letter destination */
    private <T> T decoded(Supplier<T> decoding, String binding, String raw, Context portable) {
        try {
            return decoding.get();
        } catch (EventDecodingException malformed) {
            HostFailures.deadLetterOrThrow(malformed, null, binding, raw, portable, runner.deadLetters());
            return null;
        }
    }

    private void runBatch(List<Event<?>> events, String binding, Context portable) {
        HostFailures.runOrdered(runner, events == null ? List.of() : events, binding, portable);
    }

    @Override
    public String toString() {
        return "AzureFunctions{" + runner.function() + "}";
    }
}
