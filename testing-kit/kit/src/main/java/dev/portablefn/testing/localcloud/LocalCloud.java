package dev.portablefn.testing.localcloud;

import dev.portablefn.runtime.internal.trace.TraceHeaders;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.batch.BatchResult.Reason;
import dev.portablefn.api.batch.BatchResult.RecordFailure;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.FunctionRunner;
import dev.portablefn.runtime.internal.Outcome;
import dev.portablefn.api.TraceContext;
import dev.portablefn.testing.CapturedLog;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.RecordingLogger;
import dev.portablefn.testing.TestClock;
import io.github.resilience4j.core.IntervalFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;

/**
 * An in-memory cloud for whole-system tests: queues (standard and FIFO), topics, buckets, schedules
 * and streams wired to functions by name, delivering with the semantics of a real provider —
 * at-least-once, visibility timeout, retries with backoff, max attempts then a dead-letter queue,
 * FIFO groups, batches with partial failure, a concurrency limit and a timeout per function.
 *
 * <p>Time is virtual and delivery is deterministic: nothing happens until the test calls
 * {@link #advance(Duration)}, {@link #awaitQuiescence()} or {@link #runUntilIdle(Duration)}, and then
 * functions run one after another on the caller's thread through the real {@link FunctionRunner}
 * (binding, validation and failure classification are the library's own). An invocation takes the
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
 * <p>All methods are thread-safe (the dev server calls in from its threads); functions must not call
 * {@code advance} or {@code awaitQuiescence} from inside an invocation.
 */
public final class LocalCloud {

    private static final int MAX_STEPS_PER_INSTANT = 1_000_000;
    private static final String SOURCE = Events.SOURCE_PREFIX;
    /** Message attribute naming a FIFO message's group. */
    public static final String MESSAGE_GROUP_ID = "messageGroupId";
    /** Message attribute carrying the W3C trace context. */
    public static final String TRACEPARENT = "traceparent";

    private final Preset preset;
    private final Random random;
    private final TestClock clock;
    private final Map<String, Deployed> functions = new LinkedHashMap<>();
    private final Map<String, Channel> channels = new LinkedHashMap<>();
    private final Map<String, ResourceKind> resources = new HashMap<>();
    private final Map<String, List<String>> topicSubscriptions = new HashMap<>();
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final List<ScheduleEntry> schedules = new ArrayList<>();
    private final PriorityQueue<Completion> inFlight = new PriorityQueue<>();
    private final Map<String, List<Delivery>> deliveries = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<InvocationRecord> invocations = new ArrayList<>();
    private final Map<String, IntervalFunction> backoffs = new HashMap<>();
    private final ThreadLocal<Deque<InvocationContext>> current = ThreadLocal.withInitial(ArrayDeque::new);
    private long sequence;
    private long streamSequence;

    private enum ResourceKind { QUEUE, FIFO_QUEUE, TOPIC, BUCKET, STREAM, SCHEDULE, SUBSCRIPTION }

    private LocalCloud(Preset preset, long seed, Instant start) {
        this.preset = Objects.requireNonNull(preset, "preset");
        this.random = new Random(seed);
        this.clock = TestClock.at(start);
    }

    /**
     * @param provider the provider whose delivery defaults to reproduce; {@link Provider#LOCAL} for LocalCloud's own
     * @return an empty cloud at {@link TestClock#DEFAULT_START}, seeded with 0
     */
    public static LocalCloud like(Provider provider) {
        return create(Preset.of(provider), 0L);
    }

    /** @return an empty cloud with LocalCloud's own defaults */
    public static LocalCloud create() {
        return like(Provider.LOCAL);
    }

    /**
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

    /** @return the delivery defaults in use */
    public Preset preset() {
        return preset;
    }

    /** @return the virtual time */
    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------- setup

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
     * @param name     the function name
     * @param function the function
     * @param options  its concurrency limit, timeout and simulated duration
     * @return this cloud
     * @throws IllegalArgumentException if the name is taken or the object is not a function
     */
    public synchronized LocalCloud deploy(String name, Object function, FunctionOptions options) {
        requireName(name);
        if (functions.containsKey(name)) {
            throw new IllegalArgumentException("a function named '" + name + "' is already deployed");
        }
        functions.put(name, new Deployed(name, FunctionRunner.of(PortableFunction.of(function)),
                Objects.requireNonNull(options, "options")));
        return this;
    }

    /** @param name the queue name @return this cloud, with a standard queue using the preset's policy */
    public synchronized LocalCloud createQueue(String name) {
        return createQueue(name, preset.queue());
    }

    /** @param name the queue name @param policy its delivery policy @return this cloud */
    public synchronized LocalCloud createQueue(String name, DeliveryPolicy policy) {
        addChannel(name, ResourceKind.QUEUE, policy, false);
        return this;
    }

    /** @param name the queue name @return this cloud, with a FIFO queue (ordered per message group) */
    public synchronized LocalCloud createFifoQueue(String name) {
        return createFifoQueue(name, preset.fifoQueue());
    }

    /** @param name the queue name @param policy its delivery policy @return this cloud */
    public synchronized LocalCloud createFifoQueue(String name, DeliveryPolicy policy) {
        addChannel(name, ResourceKind.FIFO_QUEUE, policy, true);
        return this;
    }

    /** @param name the stream name @return this cloud, with a stream ordered per partition key */
    public synchronized LocalCloud createStream(String name) {
        addChannel(name, ResourceKind.STREAM, preset.stream(), true);
        return this;
    }

    /** @param name the topic name @return this cloud */
    public synchronized LocalCloud createTopic(String name) {
        addResource(name, ResourceKind.TOPIC);
        topicSubscriptions.put(name, new ArrayList<>());
        return this;
    }

    /** @param name the bucket name @return this cloud */
    public synchronized LocalCloud createBucket(String name) {
        addResource(name, ResourceKind.BUCKET);
        buckets.put(name, new Bucket());
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
        ResourceKind kind = resources.get(source);
        if (kind == null) {
            throw new IllegalArgumentException("no queue, stream, topic or bucket named '" + source
                    + "'; create it first (createQueue, createTopic, ...)");
        }
        boolean toFunction = functions.containsKey(target);
        if (!toFunction && !isQueue(target)) {
            throw new IllegalArgumentException("no function or queue named '" + target
                    + "'; deploy(..) the function or createQueue(..) first");
        }
        switch (kind) {
            case QUEUE, FIFO_QUEUE, STREAM -> {
                if (!toFunction) {
                    throw new IllegalArgumentException(kind + " '" + source + "' can only deliver to a function, not to queue '"
                            + target + "'; use a topic to fan out");
                }
                Channel channel = channels.get(source);
                if (channel.subscriber != null && !channel.subscriber.equals(target)) {
                    throw new IllegalArgumentException("'" + source + "' already delivers to function '"
                            + channel.subscriber + "'; use a topic to fan out to several functions");
                }
                channel.subscriber = target;
            }
            case TOPIC -> topicSubscriptions.get(source).add(toFunction
                    ? subscriptionChannel(source, target, preset.topicSubscription()) : target);
            case BUCKET -> buckets.get(source).targets.add(toFunction
                    ? subscriptionChannel(source, target, preset.asyncInvocation()) : target);
            default -> throw new IllegalArgumentException("'" + source + "' is a " + kind + " and cannot be subscribed to");
        }
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
        addSchedule(name, function, expression, null, expression.nextAfter(now()));
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
        addSchedule(name, function, null, rate, now().plus(rate));
        return this;
    }

    // ---------------------------------------------------------------- sending

    /**
     * @param queue a standard queue or stream-less queue
     * @param body  a {@code String}, {@code byte[]}, or any object (sent as JSON)
     * @return the message id
     */
    public synchronized String send(String queue, Object body) {
        return send(queue, body, Map.of());
    }

    /**
     * @param queue      a queue; a FIFO queue needs a {@value #MESSAGE_GROUP_ID} attribute
     * @param body       a {@code String}, {@code byte[]}, or any object (sent as JSON)
     * @param attributes message attributes
     * @return the message id
     * @throws IllegalArgumentException for an unknown queue or a FIFO message without group
     */
    public synchronized String send(String queue, Object body, Map<String, String> attributes) {
        return enqueue(queue, Events.bytesOf(body), attributes, sendTime());
    }

    /**
     * @param queue   a FIFO queue
     * @param groupId the message group; messages of a group are delivered one after another, in order
     * @param body    the body
     * @return the message id
     */
    public synchronized String sendToGroup(String queue, String groupId, Object body) {
        return send(queue, body, Map.of(MESSAGE_GROUP_ID, groupId));
    }

    /**
     * @param topic the topic
     * @param body  the body
     * @return the message id
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
        return fanOut(topic, Events.bytesOf(body), attributes, sendTime());
    }

    /**
     * @param stream       the stream
     * @param partitionKey records with the same key are delivered in order
     * @param body         the body
     * @return the record's id (its sequence number)
     */
    public synchronized String putRecord(String stream, String partitionKey, Object body) {
        Channel channel = channelOf(stream, ResourceKind.STREAM);
        Instant at = sendTime();
        String sequenceNumber = String.format("%020d", ++streamSequence);
        Event<byte[]> event = Event.<byte[]>builder().id(sequenceNumber).source(SOURCE + "streams/" + stream)
                .type("dev.portablefn.local.stream.record").trigger(Trigger.STREAM).time(at)
                .data(Events.bytesOf(body)).attribute("partitionKey", partitionKey)
                .attribute("sequenceNumber", sequenceNumber).build();
        channel.add(new Channel.Message(event, partitionKey, ++sequence, at));
        return sequenceNumber;
    }

    /** @return a {@link Publisher} over this cloud's topics and queues, propagating the caller's trace */
    public Publisher publisher() {
        return this::publishFromFunction;
    }

    /** @return a {@link BlobStore} over this cloud's buckets; changes emit storage events to subscribers */
    public BlobStore blobStore() {
        return new LocalBlobStore();
    }

    // ---------------------------------------------------------------- time

    /**
     * Moves virtual time forward, firing schedules, delivering due messages and applying due retries at
     * each instant something happens, in order.
     *
     * @param duration how far to move
     * @return this cloud
     */
    public synchronized LocalCloud advance(Duration duration) {
        requireOutsideInvocation("advance");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("cannot advance by a negative duration " + duration);
        }
        Instant target = now().plus(duration);
        runNow();
        while (true) {
            Instant next = nextEventTime(true);
            if (next == null || next.isAfter(target)) {
                break;
            }
            clock.set(next);
            runNow();
        }
        clock.set(target);
        runNow();
        return this;
    }

    /**
     * Delivers everything deliverable now, including what the deliveries publish, without moving time.
     *
     * @return this cloud
     */
    public synchronized LocalCloud awaitQuiescence() {
        requireOutsideInvocation("awaitQuiescence");
        runNow();
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
        requireOutsideInvocation("runUntilIdle");
        Instant target = now().plus(limit);
        runNow();
        while (hasWork()) {
            Instant next = nextEventTime(false);
            if (next == null || next.isAfter(target)) {
                return false;
            }
            clock.set(next);
            runNow();
        }
        return true;
    }

    // ---------------------------------------------------------------- HTTP

    /**
     * Invokes an HTTP function (the dev server does this for every request) and records the invocation.
     *
     * @param function the deployed HTTP function
     * @param request  the request
     * @return the response; failures become problem responses as on every provider
     */
    public synchronized HttpResponse invokeHttp(String function, HttpRequest request) {
        Deployed deployed = functionNamed(function);
        Instant start = now();
        TraceContext trace = TraceHeaders.firstOf(request.header(TRACEPARENT).orElse(null),
                request.header("X-Amzn-Trace-Id").orElse(null),
                request.header("X-Cloud-Trace-Context").orElse(null)).orElse(null);
        List<CapturedLog> logs = new ArrayList<>();
        InvocationContext context = context(deployed, start, trace, null, logs);
        HttpResponse response;
        current.get().push(context);
        try {
            response = deployed.runner.http(request, context);
        } finally {
            current.get().pop();
        }
        boolean failed = response.status() >= 500;
        invocations.add(new InvocationRecord(context.requestId(), function, start, context.testClock().instant(),
                List.of(), failed ? InvocationRecord.Outcome.FAILED : InvocationRecord.Outcome.SUCCEEDED, List.of(),
                failed ? "HTTP " + response.status() : null, logs));
        return response;
    }

    // ---------------------------------------------------------------- inspection

    /**
     * @param messageId a message id
     * @return every delivery of it, in order
     */
    public synchronized List<Delivery> deliveries(String messageId) {
        return List.copyOf(deliveries.getOrDefault(messageId, List.of()));
    }

    /**
     * @param messageId a message id
     * @return how many times it was delivered, not counting skipped deliveries
     */
    public synchronized int attempts(String messageId) {
        return (int) deliveries.getOrDefault(messageId, List.of()).stream()
                .filter(d -> d.result() != Delivery.Result.SKIPPED).count();
    }

    /** @return every dead-lettered message, in order */
    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /**
     * @param source a queue, subscription or stream name
     * @return the messages dead-lettered from it
     */
    public synchronized List<DeadLetter> deadLetters(String source) {
        return deadLetters.stream().filter(d -> d.source().equals(source)).toList();
    }

    /** @return every invocation, in the order they started */
    public synchronized List<InvocationRecord> invocations() {
        return List.copyOf(invocations);
    }

    /**
     * @param function a function name
     * @return its invocations
     */
    public synchronized List<InvocationRecord> invocations(String function) {
        return invocations.stream().filter(i -> i.function().equals(function)).toList();
    }

    /**
     * @param queue a queue (including a dead-letter queue), stream or subscription
     * @return the messages it still holds (waiting or in flight), in order
     */
    public synchronized List<Event<?>> messages(String queue) {
        Channel channel = channels.get(queue);
        if (channel == null) {
            throw new IllegalArgumentException("no queue named '" + queue + "'; known: " + channels.keySet());
        }
        return channel.pending().stream().<Event<?>>map(m -> m.event).toList();
    }

    // ---------------------------------------------------------------- internals: setup

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a LocalCloud resource needs a non-blank name");
        }
    }

    private void addResource(String name, ResourceKind kind) {
        requireName(name);
        ResourceKind existing = resources.get(name);
        if (existing != null) {
            throw new IllegalArgumentException("a " + existing.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " named '" + name + "' already exists");
        }
        resources.put(name, kind);
    }

    private Channel addChannel(String name, ResourceKind kind, DeliveryPolicy policy, boolean ordered) {
        addResource(name, kind);
        Channel channel = new Channel(name, Objects.requireNonNull(policy, "policy"), ordered);
        channels.put(name, channel);
        return channel;
    }

    private String subscriptionChannel(String source, String function, DeliveryPolicy policy) {
        String name = source + "." + function;
        Channel channel = addChannel(name, ResourceKind.SUBSCRIPTION, policy, false);
        channel.subscriber = function;
        return name;
    }

    private void addSchedule(String name, String function, CronExpression cron, Duration rate, Instant first) {
        functionNamed(function);
        Channel channel = addChannel(name, ResourceKind.SCHEDULE, preset.asyncInvocation(), false);
        channel.subscriber = function;
        schedules.add(new ScheduleEntry(name, cron, rate, first));
    }

    private boolean isQueue(String name) {
        ResourceKind kind = resources.get(name);
        return kind == ResourceKind.QUEUE || kind == ResourceKind.FIFO_QUEUE;
    }

    private Channel channelOf(String name, ResourceKind expected) {
        ResourceKind kind = resources.get(name);
        if (kind != expected) {
            throw new IllegalArgumentException("no " + expected.name().toLowerCase(java.util.Locale.ROOT) + " named '"
                    + name + "'" + (kind == null ? "; create it first" : "; it is a " + kind));
        }
        return channels.get(name);
    }

    private Deployed functionNamed(String name) {
        Deployed deployed = functions.get(name);
        if (deployed == null) {
            throw new IllegalArgumentException("no function named '" + name + "'; deploy it first; deployed: "
                    + functions.keySet());
        }
        return deployed;
    }

    // ---------------------------------------------------------------- internals: messages

    /** Messages published from inside an invocation are stamped with the invocation's own clock. */
    private Instant sendTime() {
        InvocationContext context = current.get().peek();
        return context == null ? now() : context.testClock().instant();
    }

    private String newId() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private String enqueue(String queue, byte[] body, Map<String, String> attributes, Instant at) {
        if (!isQueue(queue)) {
            throw new IllegalArgumentException("no queue named '" + queue + "'; create it with createQueue or createFifoQueue"
                    + (resources.containsKey(queue) ? " (it is a " + resources.get(queue) + ")" : ""));
        }
        Channel channel = channels.get(queue);
        String group = attributes.get(MESSAGE_GROUP_ID);
        if (channel.ordered && (group == null || group.isBlank())) {
            throw new IllegalArgumentException("FIFO queue '" + queue + "' needs a " + MESSAGE_GROUP_ID
                    + " attribute; use sendToGroup(queue, groupId, body)");
        }
        String id = newId();
        Event<byte[]> event = Event.<byte[]>builder().id(id).source(SOURCE + "queues/" + queue)
                .type("dev.portablefn.local.queue.message").trigger(Trigger.QUEUE).time(at)
                .dataContentType(contentTypeOf(body)).data(body).attributes(attributes).build();
        channel.add(new Channel.Message(event, group, ++sequence, at));
        return id;
    }

    private String fanOut(String topic, byte[] body, Map<String, String> attributes, Instant at) {
        List<String> targets = topicSubscriptions.get(topic);
        if (targets == null) {
            throw new IllegalArgumentException("no topic named '" + topic + "'; create it with createTopic");
        }
        String id = newId();
        Event<byte[]> event = Event.<byte[]>builder().id(id).source(SOURCE + "topics/" + topic)
                .type("dev.portablefn.local.topic.message").trigger(Trigger.TOPIC).time(at)
                .dataContentType(contentTypeOf(body)).data(body).attributes(attributes).build();
        for (String target : targets) {
            Channel channel = channels.get(target);
            if (resources.get(target) == ResourceKind.SUBSCRIPTION) {
                channel.add(new Channel.Message(event, null, ++sequence, at));
            } else {
                Map<String, String> copy = new LinkedHashMap<>(attributes);
                copy.put("topicMessageId", id);
                if (channel.ordered) {
                    copy.putIfAbsent(MESSAGE_GROUP_ID, topic);
                }
                enqueue(target, body, copy, at);
            }
        }
        return id;
    }

    private String publishFromFunction(String destination, String body, Map<String, String> attributes) {
        synchronized (this) {
            Map<String, String> copy = new LinkedHashMap<>(attributes == null ? Map.of() : attributes);
            InvocationContext context = current.get().peek();
            if (context != null && context.traceOrNull() != null && !copy.containsKey(TRACEPARENT)) {
                TraceContext trace = context.traceOrNull();
                copy.put(TRACEPARENT, "00-" + trace.traceId() + "-" + HexFormat.of().toHexDigits(random.nextLong())
                        + "-" + (trace.sampled() ? "01" : "00"));
            }
            byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (topicSubscriptions.containsKey(destination)) {
                return fanOut(destination, bytes, copy, sendTime());
            }
            if (isQueue(destination)) {
                return enqueue(destination, bytes, copy, sendTime());
            }
            throw new IllegalArgumentException("no topic or queue named '" + destination + "' in LocalCloud");
        }
    }

    private static String contentTypeOf(byte[] body) {
        int i = 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        return i < body.length && (body[i] == '{' || body[i] == '[') ? "application/json" : "text/plain";
    }

    private void emitStorage(String bucketName, StorageObject object) {
        Bucket bucket = buckets.get(bucketName);
        Instant at = sendTime();
        Event<StorageObject> event = Event.<StorageObject>builder().id(newId()).source(SOURCE + "buckets/" + bucketName)
                .type("dev.portablefn.local.storage.object." + object.change().name().toLowerCase(java.util.Locale.ROOT))
                .subject(object.key()).trigger(Trigger.STORAGE).time(at).data(object).build();
        for (String target : bucket.targets) {
            Channel channel = channels.get(target);
            Map<String, String> group = channel.ordered ? Map.of(MESSAGE_GROUP_ID, bucketName) : Map.of();
            channel.add(new Channel.Message(event.toBuilder().attributes(group).build(),
                    channel.ordered ? bucketName : null, ++sequence, at));
        }
    }

    // ---------------------------------------------------------------- internals: delivery

    private void requireOutsideInvocation(String method) {
        if (!current.get().isEmpty()) {
            throw new IllegalStateException(method + " was called from inside an invocation; only the test drives time");
        }
    }

    private void runNow() {
        fireDueSchedules();
        int steps = 0;
        while (completeOneDue() || dispatchOne()) {
            if (++steps > MAX_STEPS_PER_INSTANT) {
                throw new IllegalStateException("more than " + MAX_STEPS_PER_INSTANT + " deliveries at " + now()
                        + " without time passing; does a function publish to its own trigger with no delay?");
            }
        }
    }

    private void fireDueSchedules() {
        Instant now = now();
        for (ScheduleEntry schedule : schedules) {
            while (!schedule.next.isAfter(now)) {
                Instant due = schedule.next;
                Event<ScheduleTick> tick = Event.<ScheduleTick>builder().id(newId())
                        .source(SOURCE + "schedules/" + schedule.name).type("dev.portablefn.local.schedule.tick")
                        .trigger(Trigger.SCHEDULE).time(due).data(new ScheduleTick(due, schedule.name)).build();
                channels.get(schedule.name).add(new Channel.Message(tick, null, ++sequence, due));
                schedule.next = schedule.cron != null ? schedule.cron.nextAfter(due) : due.plus(schedule.rate);
            }
        }
    }

    private Instant nextEventTime(boolean includeSchedules) {
        Instant now = now();
        Instant next = inFlight.isEmpty() ? null : inFlight.peek().at;
        if (next != null && !next.isAfter(now)) {
            next = null;
        }
        for (Channel channel : channels.values()) {
            if (channel.subscriber != null) {
                next = earliest(next, channel.nextVisible(now));
            }
        }
        if (includeSchedules) {
            for (ScheduleEntry schedule : schedules) {
                next = earliest(next, schedule.next);
            }
        }
        return next;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private boolean hasWork() {
        if (!inFlight.isEmpty()) {
            return true;
        }
        for (Channel channel : channels.values()) {
            if (channel.subscriber != null && !channel.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean completeOneDue() {
        Completion head = inFlight.peek();
        if (head == null || head.at.isAfter(now())) {
            return false;
        }
        inFlight.poll().action.run();
        return true;
    }

    private boolean dispatchOne() {
        Instant now = now();
        for (Channel channel : channels.values()) {
            if (channel.subscriber == null) {
                continue;
            }
            Deployed function = functions.get(channel.subscriber);
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

    private InvocationContext context(Deployed function, Instant start, TraceContext trace, String eventId,
                                      List<CapturedLog> logs) {
        String requestId = newId();
        TestClock invocationClock = TestClock.at(start);
        Map<String, String> mdc = new HashMap<>();
        mdc.put(Context.MDC_REQUEST_ID, requestId);
        mdc.put(Context.MDC_FUNCTION_NAME, function.name);
        mdc.put(Context.MDC_PROVIDER, Provider.LOCAL.name());
        if (trace != null) {
            mdc.put(Context.MDC_TRACE_ID, trace.traceId());
        }
        if (eventId != null) {
            mdc.put("eventId", eventId);
        }
        RecordingLogger logger = new RecordingLogger("dev.portablefn.function." + function.name, invocationClock, mdc,
                logs::add);
        return new InvocationContext(requestId, function.name, invocationClock, start.plus(function.options.timeout()),
                trace, logger, this);
    }

    private void invoke(Deployed function, Channel channel, List<Channel.Message> batch) {
        Instant start = now();
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
        TraceContext trace = events.stream().map(e -> e.attribute(TRACEPARENT).orElse(null))
                .map(TraceHeaders::fromTraceparent).flatMap(Optional::stream).findFirst().orElse(null);
        List<CapturedLog> logs = new ArrayList<>();
        InvocationContext context = context(function, start, trace, events.size() == 1 ? events.get(0).id() : null, logs);
        BatchResult result;
        current.get().push(context);
        try {
            if (events.size() == 1 && function.runner.function().kind() != PortableFunction.Kind.BATCH) {
                Outcome outcome = function.runner.event(events.get(0), context);
                result = outcome.isSuccess() ? BatchResult.success() : new BatchResult(List.of(new RecordFailure(0,
                        events.get(0).id(), outcome.status() == Outcome.Status.PERMANENT_FAILURE ? Reason.PERMANENT
                        : Reason.RETRYABLE, outcome.failure())));
            } else {
                result = function.runner.batch(events, channel.ordering(), context);
            }
        } finally {
            current.get().pop();
        }
        Duration elapsed = Duration.between(start, context.testClock().instant()).plus(function.options.simulatedDuration());
        boolean crashed = result.failures().stream().anyMatch(f -> f.cause() instanceof SimulatedCrash);
        boolean timedOut = !crashed && elapsed.compareTo(function.options.timeout()) > 0;
        Instant end = start.plus(timedOut ? function.options.timeout() : elapsed);

        Delivery.Result[] results = new Delivery.Result[batch.size()];
        String[] reasons = new String[batch.size()];
        java.util.Arrays.fill(results, Delivery.Result.SUCCEEDED);
        for (RecordFailure failure : result.failures()) {
            int index = failure.index() >= 0 ? failure.index() : indexOf(events, failure.id());
            if (index < 0) {
                continue;
            }
            results[index] = switch (failure.reason()) {
                case PERMANENT -> Delivery.Result.REJECTED;
                case SKIPPED -> Delivery.Result.SKIPPED;
                case RETRYABLE -> Delivery.Result.FAILED;
            };
            reasons[index] = failure.cause() == null ? "reported failed by the batch function" : describe(failure.cause());
        }
        if (timedOut || crashed) {
            java.util.Arrays.fill(results, timedOut ? Delivery.Result.TIMED_OUT : Delivery.Result.LOST);
            java.util.Arrays.fill(reasons, timedOut ? "timed out after " + function.options.timeout().toMillis() + " ms"
                    : "crashed");
        }
        List<String> failedIds = new ArrayList<>();
        String firstFailure = null;
        for (int i = 0; i < batch.size(); i++) {
            Channel.Message message = batch.get(i);
            deliveries.computeIfAbsent(message.event.id(), k -> new ArrayList<>()).add(new Delivery(message.event.id(),
                    message.attempts, function.name, context.requestId(), start, results[i]));
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
        invocations.add(new InvocationRecord(context.requestId(), function.name, start, end,
                events.stream().map(Event::id).toList(), outcome, failedIds, firstFailure, logs));
        function.inFlight++;
        inFlight.add(new Completion(end, ++sequence, () -> {
            function.inFlight--;
            if (!crashed) {
                settle(channel, batch, receipts, results, reasons, end);
            }
        }));
    }

    private static int indexOf(List<Event<?>> events, String id) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

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

    private IntervalFunction backoffOf(Channel channel) {
        return backoffs.computeIfAbsent(channel.name, name -> channel.policy.backoff().intervalFunction(random));
    }

    private void deadLetter(Channel channel, Channel.Message message, String reason) {
        channel.remove(message);
        String queueName = channel.deadLetterQueueName();
        Channel queue = channels.get(queueName);
        if (queue == null) {
            queue = addChannel(queueName, ResourceKind.QUEUE, preset.queue(), false);
        }
        Instant now = now();
        queue.add(new Channel.Message(message.event, message.group, ++sequence, now));
        deadLetters.add(new DeadLetter(channel.name, queueName,
                message.event.toBuilder().deliveryAttempt(Math.max(1, message.attempts)).build(), message.attempts,
                reason, now));
    }

    // ---------------------------------------------------------------- internals: state

    private static final class Deployed {
        final String name;
        final FunctionRunner runner;
        final FunctionOptions options;
        int inFlight;

        Deployed(String name, FunctionRunner runner, FunctionOptions options) {
            this.name = name;
            this.runner = runner;
            this.options = options;
        }
    }

    private static final class Completion implements Comparable<Completion> {
        final Instant at;
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

    private static final class ScheduleEntry {
        final String name;
        final CronExpression cron;
        final Duration rate;
        Instant next;

        ScheduleEntry(String name, CronExpression cron, Duration rate, Instant next) {
            this.name = name;
            this.cron = cron;
            this.rate = rate;
            this.next = next;
        }
    }

    private static final class Bucket {
        final Map<String, StoredObject> objects = new HashMap<>();
        final List<String> targets = new ArrayList<>();
    }

    private record StoredObject(byte[] content, String contentType, String etag) {
    }

    private final class LocalBlobStore implements BlobStore {

        @Override
        public void put(String bucket, String key, byte[] content, String contentType) {
            synchronized (LocalCloud.this) {
                Bucket target = bucketNamed(bucket);
                Objects.requireNonNull(key, "key");
                byte[] copy = content.clone();
                String etag = md5(copy);
                target.objects.put(key, new StoredObject(copy, contentType, etag));
                emitStorage(bucket, new StorageObject(bucket, key, (long) copy.length, contentType, etag,
                        StorageObject.Change.CREATED, sendTime(), Map.of()));
            }
        }

        @Override
        public Optional<byte[]> get(String bucket, String key) {
            synchronized (LocalCloud.this) {
                StoredObject object = bucketNamed(bucket).objects.get(key);
                return object == null ? Optional.empty() : Optional.of(object.content().clone());
            }
        }

        @Override
        public boolean delete(String bucket, String key) {
            synchronized (LocalCloud.this) {
                StoredObject removed = bucketNamed(bucket).objects.remove(key);
                if (removed != null) {
                    emitStorage(bucket, new StorageObject(bucket, key, null, null, removed.etag(),
                            StorageObject.Change.DELETED, sendTime(), Map.of()));
                }
                return removed != null;
            }
        }

        private Bucket bucketNamed(String name) {
            Bucket bucket = buckets.get(name);
            if (bucket == null) {
                throw new IllegalArgumentException("no bucket named '" + name + "' in LocalCloud; create it with createBucket");
            }
            return bucket;
        }

        private String md5(byte[] content) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("MD5 is required of every JVM", e);
            }
        }
    }
}
