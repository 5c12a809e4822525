package dev.portablefn.testing;

import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.event.DocumentChange;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Invokes a function through a real provider adapter in memory: the raw payload goes into the adapter's entry
 * point exactly as the provider would hand it over ({@code LambdaHandler.handleRequest} bytes on AWS, the
 * Functions Framework interfaces on GCP, the {@code AzureFunctions} delegations on Azure), and the raw response
 * comes back with a portable view of it in an {@link InvocationResult}.
 *
 * <pre>{@code
 * InvocationResult result = FunctionTester.aws(new Orders()).invoke(AwsEvents.sqs("{\"id\":1}", "oops"));
 * assertThat(result.failedIds()).containsExactly("message-2");
 *
 * // the same assertion on every provider:
 * FunctionTester tester = FunctionTester.forProvider(provider, new Orders());
 * assertThat(tester.queue(List.of("{\"id\":1}", "oops")).failedIds()).containsExactly("message-2");
 * }</pre>
 *
 * The function's {@code context.logger()} lines are captured with their MDC ({@link InvocationResult#logs()}).
 * A tester builds its adapter entry once, like a provider container; invocations run one at a time.
 */
public final class FunctionTester {

    private final ProviderDriver driver;
    private final Object lock = new Object();
    private volatile List<CapturedLog> currentLogs = new ArrayList<>();

    private FunctionTester(Provider provider, Object function) {
        Objects.requireNonNull(provider, "provider");
        PortableFunction portable = PortableFunction.of(Objects.requireNonNull(function, "function"))
                .with(CapturingContext.capturing(this::record));
        this.driver = switch (provider) {
            case AWS -> new AwsDriver(portable);
            case GCP -> new GcpDriver(portable);
            case AZURE -> new AzureDriver(portable);
            default -> throw new IllegalArgumentException("FunctionTester drives the AWS, GCP and AZURE adapters, not "
                    + provider + "; use LocalCloud or FunctionRunner for local runs");
        };
    }

    /**
     * @param function an {@code HttpFunction}, {@code EventFunction}, {@code BatchFunction} or {@code PortableFunction}
     * @return a tester running it behind {@code LambdaHandler}
     */
    public static FunctionTester aws(Object function) {
        return new FunctionTester(Provider.AWS, function);
    }

    /**
     * @param function an {@code HttpFunction}, {@code EventFunction}, {@code BatchFunction} or {@code PortableFunction}
     * @return a tester running it behind {@code GcpHttpFunction}, {@code GcpCloudEventFunction} and
     *         {@code GcpBackgroundFunction}, whichever the payload calls for
     */
    public static FunctionTester gcp(Object function) {
        return new FunctionTester(Provider.GCP, function);
    }

    /**
     * @param function an {@code HttpFunction}, {@code EventFunction}, {@code BatchFunction} or {@code PortableFunction}
     * @return a tester running it behind the {@code AzureFunctions} delegations
     */
    public static FunctionTester azure(Object function) {
        return new FunctionTester(Provider.AZURE, function);
    }

    /**
     * @param provider {@code AWS}, {@code GCP} or {@code AZURE}
     * @param function the function
     * @return a tester for that provider
     * @throws IllegalArgumentException for {@code LOCAL} or a function object of no known shape
     */
    public static FunctionTester forProvider(Provider provider, Object function) {
        return new FunctionTester(provider, function);
    }

    /** @return the provider whose adapter this tester drives */
    public Provider provider() {
        return driver.provider();
    }

    /**
     * Runs one provider invocation on a raw payload. AWS: any Lambda event JSON. GCP: a raw HTTP/1.1 request, a
     * structured CloudEvent or a legacy background event. Azure: a host invocation payload ({@code AzureEvents}) or
     * an Event Grid event.
     *
     * @param payload the payload, as built by {@link AwsEvents}, {@link GcpEvents}, {@link AzureEvents} or loaded
     *                with {@link RecordedEvents}
     * @return the raw response and its portable view
     * @throws IllegalArgumentException when the payload is of no shape this provider's driver knows
     */
    public InvocationResult invoke(byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return run(() -> List.of(driver.invoke(payload)));
    }

    /**
     * Sends a portable HTTP request the provider's way (API Gateway HTTP API 2.0 on AWS, an HTTP request to the
     * Functions Framework on GCP, an {@code HttpRequestMessage} under the {@code /api} route prefix on Azure) and
     * decodes the raw response back ({@link InvocationResult#http()}).
     *
     * @param request the request; build it with {@code Events.http("POST", "/orders").body(..).build()}
     * @return the result
     */
    public InvocationResult http(HttpRequest request) {
        Objects.requireNonNull(request, "request");
        return run(() -> List.of(driver.http(request)));
    }

    /**
     * Delivers queue messages the provider's way: one SQS batch on AWS, one Pub/Sub push per message on GCP, one
     * Queue Storage message per invocation on Azure. Message ids are {@code message-1}, {@code message-2}, ...
     * on every provider, so {@link InvocationResult#failedIds()} reads the same everywhere.
     *
     * @param bodies the message bodies
     * @return the combined result
     */
    public InvocationResult queue(List<String> bodies) {
        Objects.requireNonNull(bodies, "bodies");
        return run(() -> {
            List<ProviderCall> calls = new ArrayList<>();
            for (byte[] payload : driver.queuePayloads(bodies)) {
                calls.add(driver.invoke(payload));
            }
            return calls;
        });
    }

    /**
     * @param bodies the message bodies
     * @return the combined result of {@link #queue(List)}
     */
    public InvocationResult queue(String... bodies) {
        return queue(List.of(bodies));
    }

    /**
     * Delivers a message published to a topic the provider's way: an SNS notification on AWS, a Pub/Sub push on
     * GCP, a Service Bus topic subscription's invocation on Azure.
     *
     * @param topic   the topic's name
     * @param message the message, such as {@code Events.topicMessage(body)}
     * @return the result
     */
    public InvocationResult topic(String topic, Event<?> message) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        return run(() -> List.of(driver.topic(topic, message)));
    }

    /**
     * Delivers a bucket change the provider's way: an S3 notification on AWS, a Cloud Storage CloudEvent on GCP,
     * a Blob trigger invocation on Azure.
     *
     * @param change the change, such as {@code Events.storageObjectCreated("uploads", "a.txt")}
     * @return the result
     */
    public InvocationResult storage(Event<StorageObject> change) {
        Objects.requireNonNull(change, "change");
        return invoke(switch (driver.provider()) {
            case AWS -> AwsEvents.s3(change);
            case GCP -> GcpEvents.storage(change);
            default -> AzureEvents.blob(change);
        });
    }

    /**
     * Delivers a schedule's tick the provider's way: an EventBridge Scheduled Event on AWS, a Cloud Scheduler
     * CloudEvent on GCP, a Timer trigger invocation on Azure.
     *
     * @param tick the tick, such as {@code Events.scheduleTick("nightly", instant)}
     * @return the result
     */
    public InvocationResult schedule(Event<ScheduleTick> tick) {
        Objects.requireNonNull(tick, "tick");
        return invoke(switch (driver.provider()) {
            case AWS -> AwsEvents.scheduled(tick);
            case GCP -> GcpEvents.scheduler(tick);
            default -> AzureEvents.timer(tick);
        });
    }

    /**
     * Delivers stream records the provider's way: one Kinesis batch on AWS, one Event Hubs batch on Azure, and on
     * GCP (which streams through Pub/Sub with an ordering key) one push per record, in order.
     *
     * @param stream  the stream's name
     * @param records the records, in partition order; their ids are sequence numbers (digits), as Kinesis and Event
     *                Hubs number records
     * @return the combined result
     */
    public InvocationResult stream(String stream, List<? extends Event<?>> records) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(records, "records");
        return switch (driver.provider()) {
            case AWS -> invoke(AwsEvents.kinesisRecords(stream, records));
            case GCP -> oneByOne(records, record -> GcpEvents.pubsub(stream, record));
            default -> invoke(AzureEvents.eventHubs(stream, records));
        };
    }

    /**
     * Delivers database changes the provider's way: one DynamoDB Streams batch on AWS, one Firestore CloudEvent per
     * change on GCP (in order), one Cosmos DB change-feed batch on Azure. The change feed carries only the latest
     * version of each document, so on Azure every change arrives as {@code UPSERTED} and deletions cannot be sent.
     *
     * @param collection the table, collection or container
     * @param changes    the changes in order, as {@link Events#documentChange} builds them
     * @return the combined result
     */
    public InvocationResult databaseChange(String collection, List<? extends Event<? extends DocumentChange<?>>> changes) {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(changes, "changes");
        return switch (driver.provider()) {
            case AWS -> invoke(AwsEvents.dynamoDb(collection, changes));
            case GCP -> oneByOne(changes, GcpEvents::firestore);
            default -> invoke(AzureEvents.cosmosDb(collection, changes));
        };
    }

    /** One invocation per event, in order, each with the payload {@code encode} makes of it, as one result. */
    private <E> InvocationResult oneByOne(List<? extends E> events, Function<E, byte[]> encode) {
        return run(() -> {
            List<ProviderCall> calls = new ArrayList<>();
            for (E event : events) {
                calls.add(driver.invoke(encode.apply(event)));
            }
            return calls;
        });
    }

    private interface Calls {
        List<ProviderCall> run();
    }

    private InvocationResult run(Calls calls) {
        synchronized (lock) {
            List<CapturedLog> logs = new ArrayList<>();
            currentLogs = logs;
            List<ProviderCall> made = calls.run();
            synchronized (logs) {
                return new InvocationResult(driver.provider(), made, logs);
            }
        }
    }

    private void record(CapturedLog line) {
        List<CapturedLog> logs = currentLogs;
        synchronized (logs) {
            logs.add(line);
        }
    }

    @Override
    public String toString() {
        return "FunctionTester{" + driver.provider().name().toLowerCase(Locale.ROOT) + "}";
    }
}
