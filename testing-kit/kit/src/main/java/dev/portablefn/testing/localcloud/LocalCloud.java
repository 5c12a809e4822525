package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An in-memory cloud for whole-system tests: queues (standard and FIFO), topics, buckets, schedules,
 * streams and tables wired to functions by name, delivering with the semantics of a real provider —
 * at-least-once, visibility timeout, retries with backoff, max attempts then a dead-letter queue,
 * FIFO groups, batches with partial failure, a concurrency limit and a timeout per function.
 *
 * <p>Time is virtual and delivery is deterministic: nothing happens until the test calls
 * {@link #advance(Duration)}, {@link #awaitQuiescence()} or {@link #runUntilIdle(Duration)}, and then
 * functions run one after another on the caller's thread. On the AWS, GCP and Azure presets each delivery is
 * encoded in the provider's wire format and run through its real adapter entry, whose answer decides redelivery;
 * on the {@code LOCAL} preset (and for HTTP) through the real {@link FunctionRunner}. An invocation takes the
 * virtual time the function spends by advancing its context's clock (a {@link TestClock}) plus
 * {@link FunctionOptions#simulatedDuration()}; it counts against the function's concurrency limit
 * until then, and fails as timed out if that exceeds the function's timeout.
 *
 * <pre>{@code
 * LocalCloud cloud = LocalCloud.like(Provider.AWS)
 *         .deploy("charge", new ChargeFunction())
 *         .createQueue("payments")
 *         .subscribe("payments", "charge");
 * cloud.send("payments", new Payment("p-1", 42));
 * cloud.advance(Duration.ofMinutes(5));
 * assertThat(cloud.deadLetters()).isEmpty();
 * }</pre>
 *
 * <p>Every resource has a name that is unique across queues, topics, buckets, streams, tables, schedules and
 * subscriptions; creating one with a blank or taken name throws {@link IllegalArgumentException}.
 * All methods are thread-safe (the dev server calls in from its threads); functions must not call
 * {@code advance} or {@code awaitQuiescence} from inside an invocation.
 */
public final class LocalCloud {

    /** Message attribute naming a FIFO message's group: {@link Publisher#MESSAGE_GROUP_ID}. */
    public static final String MESSAGE_GROUP_ID = Publisher.MESSAGE_GROUP_ID;
    /** Message attribute carrying the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";
    // Each public method takes this cloud's lock, the one lock of all these parts, and delegates to one of them.
    private final Preset preset;
    private final Registry registry;
    private final History history = new History();
    private final Invocations invocations;
    private final MessageRouter router;
    private final ObjectStore objects;
    private final DeliveryEngine engine;
    private final Scheduler scheduler;

    private LocalCloud(Preset preset, long seed, Instant start) {
        this.preset = Objects.requireNonNull(preset, "preset");
        TestClock clock = TestClock.at(start);
        RandomSource random = new RandomSource(seed);
        this.invocations = new Invocations(this, clock, random);
        AdapterDelivery adapters = new AdapterDelivery(preset.provider(), invocations, publisher());
        this.registry = new Registry(preset, adapters);
        this.router = new MessageRouter(registry, random, invocations);
        this.objects = new ObjectStore(this, router, invocations);
        this.engine = new DeliveryEngine(registry, router, history, invocations, clock, random, adapters);
        this.scheduler = new Scheduler(clock, engine, router, invocations);
    }

    /**
     * Creates an empty cloud that delivers as the given provider does by default.
     *
     * @param provider the provider whose delivery defaults to reproduce; {@link Provider#LOCAL} for LocalCloud's own
     * @return an empty cloud at {@link TestClock#DEFAULT_START}, seeded with 0
     */
    public static LocalCloud like(Provider provider) {
        return create(Preset.of(provider), 0L);
    }

    /** {@return an empty cloud with LocalCloud's own delivery defaults, at {@link TestClock#DEFAULT_START}, seeded with 0} */
    public static LocalCloud create() {
        return like(Provider.LOCAL);
    }

    /**
     * Creates an empty cloud with the given delivery defaults and random seed.
     *
     * @param preset the delivery defaults
     * @param seed   seeds ids and backoff jitter, so runs repeat exactly
     * @return an empty cloud at {@link TestClock#DEFAULT_START}
     */
    public static LocalCloud create(Preset preset, long seed) {
        return new LocalCloud(preset, seed, TestClock.DEFAULT_START);
    }

    /**
     * Makes a function throw this to simulate its process dying mid-invocation: nothing is reported,
     * so its messages reappear when their visibility timeout expires, as after a real crash.
     *
     * @return the error to throw
     */
    public static Error crash() {
        return new SimulatedCrash();
    }

    /** {@return the delivery defaults this cloud gives the resources it creates} */
    public Preset preset() {
        return preset;
    }

    /** {@return the virtual time, which moves only when the test moves it} */
    public Instant now() {
        return scheduler.now();
    }

    /**
     * Deploys a function with the preset's {@link Preset#function()} options.
     *
     * @param name     the function name resources subscribe by
     * @param function an {@code HttpFunction}, {@code EventFunction}, {@code BatchFunction} or {@code PortableFunction}
     * @return this cloud
     * @throws IllegalArgumentException if the name is taken or the object is not a function
     */
    public synchronized LocalCloud deploy(String name, Object function) {
        return deploy(name, function, preset.function());
    }

    /**
     * Deploys a function with its own concurrency limit, timeout and simulated duration.
     *
     * @param name     the function name
     * @param function the function
     * @param options  its concurrency limit, timeout and simulated duration
     * @return this cloud
     * @throws IllegalArgumentException if the name is taken or the object is not a function
     */
    public synchronized LocalCloud deploy(String name, Object function, FunctionOptions options) {
        registry.deploy(name, function, options);
        return this;
    }

    /**
     * Creates a standard queue with the preset's queue policy.
     *
     * @param name the queue name
     * @return this cloud
     */
    public synchronized LocalCloud createQueue(String name) {
        return createQueue(name, preset.queue());
    }

    /**
     * Creates a standard queue with its own delivery policy.
     *
     * @param name   the queue name
     * @param policy its delivery policy
     * @return this cloud
     */
    public synchronized LocalCloud createQueue(String name, DeliveryPolicy policy) {
        registry.addChannel(name, Registry.Kind.QUEUE, policy, false);
        return this;
    }

    /**
     * Creates a FIFO queue, ordered per message group, with the preset's FIFO policy.
     *
     * @param name the queue name
     * @return this cloud
     */
    public synchronized LocalCloud createFifoQueue(String name) {
        return createFifoQueue(name, preset.fifoQueue());
    }

    /**
     * Creates a FIFO queue, ordered per message group, with its own delivery policy.
     *
     * @param name   the queue name
     * @param policy its delivery policy
     * @return this cloud
     */
    public synchronized LocalCloud createFifoQueue(String name, DeliveryPolicy policy) {
        registry.addChannel(name, Registry.Kind.FIFO_QUEUE, policy, true);
        return this;
    }

    /**
     * {@return this cloud, with a stream ordered per partition key and the preset's stream policy}
     * @param name the stream name
     */
    public synchronized LocalCloud createStream(String name) {
        registry.addChannel(name, Registry.Kind.STREAM, preset.stream(), true);
        return this;
    }

    /**
     * Creates a table whose changes go, ordered per document, to its subscriber with the preset's stream policy.
     *
     * @param name the table name
     * @return this cloud
     */
    public synchronized LocalCloud createTable(String name) {
        registry.addChannel(name, Registry.Kind.TABLE, preset.stream(), true);
        return this;
    }

    /**
     * {@return this cloud, with a topic that fans each message out to its subscriptions}
     * @param name the topic name
     */
    public synchronized LocalCloud createTopic(String name) {
        registry.addTopic(name);
        return this;
    }

    /**
     * Creates a bucket, whose object changes go as storage events to its subscribers.
     *
     * @param name the bucket name
     * @return this cloud
     */
    public synchronized LocalCloud createBucket(String name) {
        registry.addBucket(name);
        objects.createBucket(name);
        return this;
    }

    /**
     * Wires a source to a target: a queue or stream to its (single) function; a topic or bucket to a
     * function (through its own subscription with the preset's policy) or to a queue.
     *
     * @param source a queue, stream, topic or bucket
     * @param target a deployed function or, for topics and buckets, a queue
     * @return this cloud
     * @throws IllegalArgumentException naming the fix when either does not exist or the wiring is not possible
     */
    public synchronized LocalCloud subscribe(String source, String target) {
        registry.subscribe(source, target);
        return this;
    }

    /**
     * Runs a function on a 5-field cron schedule (UTC), such as {@code "0 3 * * *"} or {@code "*}{@code /5 * * * *"}.
     *
     * @param name     the schedule name (the ticks' {@link ScheduleTick#scheduleName()})
     * @param cron     minute hour day-of-month month day-of-week
     * @param function the deployed function
     * @return this cloud
     * @throws IllegalArgumentException for a malformed expression or an unknown function
     */
    public synchronized LocalCloud scheduleCron(String name, String cron, String function) {
        CronExpression expression = CronExpression.parse(cron);
        registry.addSchedule(name, function);
        scheduler.addCron(name, expression);
        return this;
    }

    /**
     * Runs a function every {@code rate}, the first time one rate from now.
     *
     * @param name     the schedule name
     * @param rate     the period, at least one second
     * @param function the deployed function
     * @return this cloud
     */
    public synchronized LocalCloud scheduleRate(String name, Duration rate, String function) {
        if (rate.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("schedule '" + name + "' rate " + rate + " is below one second");
        }
        registry.addSchedule(name, function);
        scheduler.addRate(name, rate);
        return this;
    }

    /**
     * {@return the id of a message sent to a queue}
     * @param queue a standard queue or stream-less queue
     * @param body  a {@code String}, {@code byte[]}, or any object (sent as JSON)
     */
    public synchronized String send(String queue, Object body) {
        return send(queue, body, Map.of());
    }

    /**
     * Sends a message with attributes to a queue.
     *
     * @param queue      a queue; a FIFO queue needs a {@value #MESSAGE_GROUP_ID} attribute
     * @param body       a {@code String}, {@code byte[]}, or any object (sent as JSON)
     * @param attributes message attributes
     * @return the message id
     * @throws IllegalArgumentException for an unknown queue or a FIFO message without group
     */
    public synchronized String send(String queue, Object body, Map<String, String> attributes) {
        return router.enqueue(queue, Events.bytesOf(body), attributes, invocations.sendTime());
    }

    /**
     * {@return the id of a message sent to a FIFO queue in a message group}
     * @param queue   a FIFO queue
     * @param groupId the message group; messages of a group are delivered one after another, in order
     * @param body    the body
     */
    public synchronized String sendToGroup(String queue, String groupId, Object body) {
        return send(queue, body, Map.of(MESSAGE_GROUP_ID, groupId));
    }

    /**
     * {@return the id of a message published to every subscription of a topic}
     * @param topic the topic
     * @param body  the body
     */
    public synchronized String publish(String topic, Object body) {
        return publish(topic, body, Map.of());
    }

    /**
     * Publishes to every subscription of a topic: each function subscription gets the message with the same id,
     * each subscribed queue gets its own copy.
     *
     * @param topic      the topic
     * @param body       the body
     * @param attributes message attributes
     * @return the message id
     */
    public synchronized String publish(String topic, Object body, Map<String, String> attributes) {
        return router.fanOut(topic, Events.bytesOf(body), attributes, invocations.sendTime());
    }

    /**
     * {@return the sequence number of a record put on a stream}
     * @param stream       the stream
     * @param partitionKey records with the same key are delivered in order
     * @param body         the body
     */
    public synchronized String putRecord(String stream, String partitionKey, Object body) {
        return router.putRecord(stream, partitionKey, body);
    }

    /**
     * Stores a document, sending its change (created, or updated with the document before) to the table's subscriber.
     *
     * @param table    the table
     * @param id       the document's key
     * @param document the document: a JSON object's value, such as a record or a map
     * @return the change's id (its sequence number)
     */
    public synchronized String putDocument(String table, String id, Object document) {
        return router.changeDocument(table, id, Objects.requireNonNull(document, "document"), true);
    }

    /**
     * Deletes a document, which sends its deletion to the table's subscriber; on the Azure preset it sends nothing,
     * as Cosmos DB's change feed carries no deletions.
     *
     * @param table the table
     * @param id    the document's key
     * @return the change's id, or {@code null} when nothing was sent
     */
    public synchronized String deleteDocument(String table, String id) {
        return router.changeDocument(table, id, null, preset.provider() != Provider.AZURE);
    }

    /**
     * Gives functions a way to publish to this cloud's topics and queues, as their setup code would on a provider.
     *
     * @return a {@link Publisher} over this cloud's topics and queues, propagating the caller's trace
     */
    public Publisher publisher() {
        return (destination, body, attributes) -> {
            synchronized (this) {
                return router.publishFromFunction(destination, body, attributes);
            }
        };
    }

    /**
     * Gives functions a way to read and write this cloud's buckets, as their setup code would on a provider.
     *
     * @return a {@link BlobStore} over this cloud's buckets; changes emit storage events to subscribers
     */
    public BlobStore blobStore() {
        return objects;
    }

    /**
     * Moves virtual time forward, firing schedules, delivering due messages and applying due retries at
     * each instant something happens, in order.
     *
     * @param duration how far to move
     * @return this cloud
     */
    public synchronized LocalCloud advance(Duration duration) {
        scheduler.advance(duration);
        return this;
    }

    /**
     * Delivers everything deliverable now, including what the deliveries publish, without moving time.
     *
     * @return this cloud
     */
    public synchronized LocalCloud awaitQuiescence() {
        scheduler.awaitQuiescence();
        return this;
    }

    /**
     * Moves time from one due delivery or retry to the next until no message waits for a function or is in
     * flight, or until {@code limit} has passed (schedules fire on the way, but do not keep it running).
     *
     * @param limit the most virtual time to let pass
     * @return whether the cloud became idle within the limit
     */
    public synchronized boolean runUntilIdle(Duration limit) {
        return scheduler.runUntilIdle(limit);
    }

    /**
     * Invokes an HTTP function (the dev server does this for every request) and records the invocation.
     *
     * @param function the deployed HTTP function
     * @param request  the request
     * @return the response; failures become problem responses as on every provider
     */
    public synchronized HttpResponse invokeHttp(String function, HttpRequest request) {
        return engine.invokeHttp(function, request);
    }

    /**
     * {@return every delivery of one message, in order}
     * @param messageId a message id
     */
    public synchronized List<Delivery> deliveries(String messageId) {
        return history.deliveries(messageId);
    }

    /**
     * {@return how many times one message was delivered, not counting skipped deliveries}
     * @param messageId a message id
     */
    public synchronized int attempts(String messageId) {
        return history.attempts(messageId);
    }

    /** {@return every dead-lettered message, from every source, in order} */
    public synchronized List<DeadLetter> deadLetters() {
        return history.deadLetters();
    }

    /**
     * {@return the messages dead-lettered from one source}
     * @param source a queue, subscription, stream or table name
     */
    public synchronized List<DeadLetter> deadLetters(String source) {
        return history.deadLetters(source);
    }

    /** {@return every invocation of every function, in the order they started} */
    public synchronized List<InvocationRecord> invocations() {
        return history.invocations();
    }

    /**
     * {@return the invocations of one function, in the order they started}
     * @param function a function name
     */
    public synchronized List<InvocationRecord> invocations(String function) {
        return history.invocations(function);
    }

    /**
     * {@return the messages a channel still holds (waiting or in flight), in order}
     * @param queue a queue (including a dead-letter queue), stream, table or subscription
     */
    public synchronized List<Event<?>> messages(String queue) {
        return registry.channelNamed(queue).pending().stream().<Event<?>>map(m -> m.event).toList();
    }

    /**
     * Lists the messages a channel still holds, each with its data bound to a type: a queue's bytes read as JSON
     * (or as text for {@code String.class}), data already of that type as it is.
     *
     * @param queue a queue (including a dead-letter queue), stream or subscription
     * @param type  the type of the messages' data, such as a record the publisher wrote as JSON
     * @param <T>   the data type
     * @return the messages it still holds (waiting or in flight), in order
     * @throws dev.portablefn.api.InvalidInputException naming the message whose data does not fit the type
     */
    public synchronized <T> List<Event<T>> messages(String queue, Class<T> type) {
        return messages(queue).stream().map(event -> MessageRouter.bound(event, type)).toList();
    }
}
