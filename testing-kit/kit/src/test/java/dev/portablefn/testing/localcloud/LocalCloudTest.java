package dev.portablefn.testing.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.BatchFunction;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.batch.BatchResult;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LocalCloudTest {

    private static final Instant T0 = TestClock.DEFAULT_START;

    private static PortableFunction strings(EventFunction<String> function) {
        return PortableFunction.event(String.class, function);
    }

    @Test
    void functionFailingTwiceSucceedsOnThirdAttemptAfterExponentialBackoff() {
        List<Instant> attemptTimes = new ArrayList<>();
        List<Integer> attemptNumbers = new ArrayList<>();
        LocalCloud cloud = LocalCloud.create()
                .deploy("charge", strings((event, context) -> {
                    attemptTimes.add(context.clock().instant());
                    attemptNumbers.add(event.deliveryAttempt().orElse(-1));
                    if (attemptTimes.size() < 3) {
                        throw new IllegalStateException("payment service down");
                    }
                }))
                .createQueue("payments").subscribe("payments", "charge");
        String id = cloud.send("payments", "{\"amount\":42}");

        cloud.awaitQuiescence();
        assertThat(attemptTimes).containsExactly(T0);
        cloud.advance(Duration.ofMillis(999));
        assertThat(attemptTimes).hasSize(1);
        cloud.advance(Duration.ofMillis(1));
        assertThat(attemptTimes).containsExactly(T0, T0.plusSeconds(1));
        cloud.advance(Duration.ofMinutes(1));

        assertThat(attemptTimes).containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(3));
        assertThat(attemptNumbers).containsExactly(1, 2, 3);
        assertThat(cloud.attempts(id)).isEqualTo(3);
        assertThat(cloud.deliveries(id)).extracting(Delivery::result)
                .containsExactly(Delivery.Result.FAILED, Delivery.Result.FAILED, Delivery.Result.SUCCEEDED);
        assertThat(cloud.deadLetters()).isEmpty();
        assertThat(cloud.messages("payments")).isEmpty();
    }

    @Test
    void awsPresetRedeliversWhenTheVisibilityTimeoutExpires() {
        List<Instant> attemptTimes = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("charge", strings((event, context) -> {
                    attemptTimes.add(context.clock().instant());
                    if (attemptTimes.size() < 3) {
                        throw new IllegalStateException("down");
                    }
                }))
                .createQueue("payments").subscribe("payments", "charge");
        cloud.send("payments", "pay");

        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(attemptTimes).containsExactly(T0, T0.plusSeconds(30), T0.plusSeconds(60));
    }

    @Test
    void alwaysFailingMessageIsDeadLetteredAfterMaxAttemptsAndNothingElseIsLost() {
        List<String> processed = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("charge", strings((event, context) -> {
                    if (event.data().equals("poison")) {
                        throw new IllegalStateException("card declined");
                    }
                    processed.add(event.data());
                }))
                .createQueue("orders").subscribe("orders", "charge");
        List<String> bodies = List.of("o1", "o2", "poison", "o3", "o4", "o5", "o6", "o7", "o8", "o9");
        String poisonId = null;
        for (String body : bodies) {
            String id = cloud.send("orders", body);
            if (body.equals("poison")) {
                poisonId = id;
            }
        }

        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(processed).containsExactlyInAnyOrder("o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9");
        assertThat(cloud.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.source()).isEqualTo("orders");
            assertThat(dead.deadLetterQueue()).isEqualTo("orders-dlq");
            assertThat(dead.attempts()).isEqualTo(3);
            assertThat(dead.reason()).isEqualTo("failed 3 of 3 attempts; last: IllegalStateException: card declined");
            assertThat(new String((byte[]) dead.event().data(), StandardCharsets.UTF_8)).isEqualTo("poison");
        });
        assertThat(cloud.messages("orders-dlq")).extracting(Event::id).containsExactly(poisonId);
        assertThat(cloud.messages("orders")).isEmpty();
    }

    @Test
    void permanentFailureIsDeadLetteredWithoutRetry() {
        AtomicInteger calls = new AtomicInteger();
        LocalCloud cloud = LocalCloud.create()
                .deploy("validate", strings((event, context) -> {
                    calls.incrementAndGet();
                    throw new PermanentFailure("order has no lines");
                }))
                .createQueue("orders").subscribe("orders", "validate");
        String id = cloud.send("orders", "{}");

        cloud.runUntilIdle(Duration.ofHours(1));

        assertThat(calls).hasValue(1);
        assertThat(cloud.deliveries(id)).extracting(Delivery::result).containsExactly(Delivery.Result.REJECTED);
        assertThat(cloud.deadLetters("orders")).singleElement().extracting(DeadLetter::reason)
                .isEqualTo("permanent failure: PermanentFailure: order has no lines");
    }

    @Test
    void fifoGroupStaysOrderedWhileItsHeadIsRetried() {
        List<String> delivered = new ArrayList<>();
        Set<String> failedOnce = new java.util.HashSet<>();
        LocalCloud cloud = LocalCloud.create()
                .deploy("ship", strings((event, context) -> {
                    delivered.add(event.data());
                    if (event.data().equals("a1") && failedOnce.add("a1")) {
                        throw new IllegalStateException("warehouse busy");
                    }
                }))
                .createFifoQueue("shipments").subscribe("shipments", "ship");
        cloud.sendToGroup("shipments", "A", "a1");
        cloud.sendToGroup("shipments", "A", "a2");
        cloud.sendToGroup("shipments", "B", "b1");
        cloud.sendToGroup("shipments", "A", "a3");
        cloud.sendToGroup("shipments", "B", "b2");

        cloud.awaitQuiescence();
        assertThat(delivered).containsExactly("a1", "b1", "b2");
        cloud.runUntilIdle(Duration.ofMinutes(5));

        assertThat(delivered).containsExactly("a1", "b1", "b2", "a1", "a2", "a3");
        assertThat(cloud.deadLetters()).isEmpty();
    }

    @Test
    void awsFifoBatchStopsAtTheFailedRecordAndRetriesItWithEverythingAfterIt() {
        List<String> delivered = new ArrayList<>();
        Set<String> failedOnce = new java.util.HashSet<>();
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("ship", strings((event, context) -> {
                    delivered.add(event.data());
                    if (event.data().equals("a2") && failedOnce.add("a2")) {
                        throw new IllegalStateException("busy");
                    }
                }))
                .createFifoQueue("shipments").subscribe("shipments", "ship");
        String a1 = cloud.sendToGroup("shipments", "A", "a1");
        String a2 = cloud.sendToGroup("shipments", "A", "a2");
        String a3 = cloud.sendToGroup("shipments", "A", "a3");

        cloud.runUntilIdle(Duration.ofMinutes(5));

        assertThat(delivered).containsExactly("a1", "a2", "a2", "a3");
        assertThat(cloud.invocations("ship").get(0).failedIds()).containsExactly(a2, a3);
        assertThat(cloud.deliveries(a3)).extracting(Delivery::result)
                .containsExactly(Delivery.Result.SKIPPED, Delivery.Result.SUCCEEDED);
        assertThat(cloud.attempts(a3)).isEqualTo(1);
        assertThat(cloud.attempts(a1)).isEqualTo(1);
        assertThat(cloud.invocations("ship").get(1).startedAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void rateScheduleFiresOnClockAdvance() {
        List<ScheduleTick> ticks = new ArrayList<>();
        LocalCloud cloud = LocalCloud.create()
                .deploy("report", PortableFunction.event(ScheduleTick.class, (event, context) -> ticks.add(event.data())))
                .scheduleRate("every-5-minutes", Duration.ofMinutes(5), "report");

        cloud.advance(Duration.ofMinutes(4).plusSeconds(59));
        assertThat(ticks).isEmpty();
        cloud.advance(Duration.ofSeconds(1));
        assertThat(ticks).containsExactly(new ScheduleTick(T0.plus(Duration.ofMinutes(5)), "every-5-minutes"));
        cloud.advance(Duration.ofMinutes(10));

        assertThat(ticks).extracting(ScheduleTick::scheduledTime)
                .containsExactly(T0.plus(Duration.ofMinutes(5)), T0.plus(Duration.ofMinutes(10)),
                        T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void cronScheduleFiresAtMatchingMinutes() {
        List<Event<ScheduleTick>> ticks = new ArrayList<>();
        LocalCloud cloud = LocalCloud.create()
                .deploy("nightly", PortableFunction.event(ScheduleTick.class, (event, context) -> ticks.add(event)))
                .scheduleCron("nightly-cleanup", "30 3 * * *", "nightly");

        cloud.advance(Duration.ofDays(2));

        assertThat(ticks).extracting(e -> e.data().scheduledTime())
                .containsExactly(Instant.parse("2024-01-01T03:30:00Z"), Instant.parse("2024-01-02T03:30:00Z"));
        assertThat(ticks.get(0).trigger()).isEqualTo(Trigger.SCHEDULE);
        assertThat(ticks.get(0).source()).isEqualTo("//localcloud/schedules/nightly-cleanup");
    }

    @Test
    void topicFansOutToEverySubscribedFunctionAndQueue() {
        List<String> audit = new ArrayList<>();
        List<String> billing = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.GCP)
                .deploy("audit", strings((event, context) -> audit.add(event.id() + ":" + event.data())))
                .deploy("billing", strings((event, context) -> billing.add(event.id() + ":" + event.data())))
                .createTopic("orders").createQueue("archive")
                .subscribe("orders", "audit").subscribe("orders", "billing").subscribe("orders", "archive");

        String id = cloud.publish("orders", "order-1", Map.of("region", "eu"));
        cloud.awaitQuiescence();

        assertThat(audit).containsExactly(id + ":order-1");
        assertThat(billing).containsExactly(id + ":order-1");
        assertThat(cloud.messages("archive")).singleElement().satisfies(message -> {
            assertThat(message.trigger()).isEqualTo(Trigger.QUEUE);
            assertThat(message.attributes()).containsEntry("region", "eu").containsEntry("topicMessageId", id);
        });
    }

    record Paid(String order, int amount) {
    }

    @Test
    void messagesAreReadBackBoundToTheTypeThePublisherWroteAsJson() {
        LocalCloud cloud = LocalCloud.like(Provider.AWS).createQueue("paid");

        cloud.publisher().publish("paid", new Paid("o-1", 42));
        cloud.publisher().publish("paid", "{\"order\":\"o-2\",\"amount\":7}");

        assertThat(cloud.messages("paid", Paid.class)).extracting(Event::data)
                .containsExactly(new Paid("o-1", 42), new Paid("o-2", 7));
        assertThat(cloud.messages("paid", String.class)).extracting(Event::data)
                .containsExactly("{\"order\":\"o-1\",\"amount\":42}", "{\"order\":\"o-2\",\"amount\":7}");
    }

    @Test
    void publishingToAnUnknownDestinationIsAPermanentFailureNamingIt() {
        LocalCloud cloud = LocalCloud.like(Provider.GCP);

        assertThatThrownBy(() -> cloud.publisher().publish("nowhere", "{}", Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'nowhere'");
    }

    @Test
    void bucketChangesEmitStorageEventsToSubscribers() {
        List<StorageObject> changes = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AZURE)
                .deploy("thumbnails", PortableFunction.event(StorageObject.class,
                        (event, context) -> changes.add(event.data())))
                .createBucket("uploads").subscribe("uploads", "thumbnails");

        cloud.blobStore().put("uploads", "cats/tom.png", new byte[] {1, 2, 3}, "image/png");
        cloud.awaitQuiescence();
        assertThat(cloud.blobStore().get("uploads", "cats/tom.png")).hasValueSatisfying(
                bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        assertThat(cloud.blobStore().delete("uploads", "cats/tom.png")).isTrue();
        assertThat(cloud.blobStore().delete("uploads", "cats/tom.png")).isFalse();
        cloud.awaitQuiescence();

        assertThat(changes).hasSize(2);
        StorageObject created = changes.get(0);
        assertThat(created.bucket()).isEqualTo("uploads");
        assertThat(created.key()).isEqualTo("cats/tom.png");
        assertThat(created.size()).isEqualTo(3L);
        assertThat(created.contentType()).isEqualTo("image/png");
        assertThat(created.etag()).isEqualTo("5289df737df57326fcdd22597afb1fac");
        assertThat(created.change()).isEqualTo(StorageObject.Change.CREATED);
        assertThat(changes.get(1).change()).isEqualTo(StorageObject.Change.DELETED);
        assertThat(changes.get(1).size()).isNull();
        assertThatThrownBy(() -> cloud.blobStore().get("nope", "k"))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("no bucket named 'nope'");
    }

    @Test
    void batchFunctionPartialFailureRetriesOnlyTheFailedRecords() {
        List<List<String>> batches = new ArrayList<>();
        Set<String> failedOnce = new java.util.HashSet<>();
        BatchFunction<String> function = (events, context) -> {
            batches.add(events.stream().map(Event::data).toList());
            List<String> failed = events.stream()
                    .filter(e -> (e.data().equals("m3") || e.data().equals("m7")) && failedOnce.add(e.data()))
                    .map(Event::id).toList();
            return BatchResult.failed(failed);
        };
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("import", PortableFunction.batch(String.class, function))
                .createQueue("records").subscribe("records", "import");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            ids.add(cloud.send("records", "m" + i));
        }

        cloud.runUntilIdle(Duration.ofMinutes(5));

        assertThat(batches).containsExactly(
                List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10"), List.of("m3", "m7"));
        InvocationRecord first = cloud.invocations("import").get(0);
        assertThat(first.outcome()).isEqualTo(InvocationRecord.Outcome.PARTIALLY_FAILED);
        assertThat(first.failedIds()).containsExactly(ids.get(2), ids.get(6));
        assertThat(cloud.invocations("import").get(1).startedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(cloud.deadLetters()).isEmpty();
    }

    @Test
    void concurrencyLimitKeepsAtMostThatManyInvocationsInFlight() {
        LocalCloud cloud = LocalCloud.create()
                .deploy("slow", strings((event, context) -> { }),
                        Preset.of(Provider.LOCAL).function().withConcurrency(2)
                                .withSimulatedDuration(Duration.ofSeconds(10)))
                .createQueue("jobs").subscribe("jobs", "slow");
        for (int i = 0; i < 5; i++) {
            cloud.send("jobs", "job-" + i);
        }

        cloud.awaitQuiescence();
        assertThat(cloud.invocations("slow")).hasSize(2);
        cloud.advance(Duration.ofSeconds(10));
        assertThat(cloud.invocations("slow")).hasSize(4);
        cloud.advance(Duration.ofSeconds(10));

        List<InvocationRecord> all = cloud.invocations("slow");
        assertThat(all).extracting(InvocationRecord::startedAt).containsExactly(T0, T0,
                T0.plusSeconds(10), T0.plusSeconds(10), T0.plusSeconds(20));
        for (InvocationRecord invocation : all) {
            long overlapping = all.stream().filter(other -> other.startedAt().isBefore(invocation.finishedAt())
                    && other.finishedAt().isAfter(invocation.startedAt())).count();
            assertThat(overlapping).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void invocationRunningPastItsTimeoutFailsAndIsRetriedThenDeadLettered() {
        List<Duration> remainingAtStart = new ArrayList<>();
        LocalCloud cloud = LocalCloud.create()
                .deploy("stuck", strings((event, context) -> {
                    remainingAtStart.add(context.remainingTime());
                    ((TestClock) context.clock()).advance(Duration.ofSeconds(5));
                }), Preset.of(Provider.LOCAL).function().withTimeout(Duration.ofSeconds(3)))
                .createQueue("jobs").subscribe("jobs", "stuck");
        String id = cloud.send("jobs", "x");

        cloud.runUntilIdle(Duration.ofMinutes(10));

        assertThat(remainingAtStart).hasSize(3).allSatisfy(left -> assertThat(left).isEqualTo(Duration.ofSeconds(3)));
        assertThat(cloud.deliveries(id)).extracting(Delivery::result).containsOnly(Delivery.Result.TIMED_OUT);
        InvocationRecord first = cloud.invocations("stuck").get(0);
        assertThat(first.outcome()).isEqualTo(InvocationRecord.Outcome.TIMED_OUT);
        assertThat(first.finishedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(cloud.deadLetters()).singleElement().extracting(DeadLetter::reason)
                .isEqualTo("failed 3 of 3 attempts; last: timed out after 3000 ms");
    }

    @Test
    void crashedInvocationIsRedeliveredAfterTheVisibilityTimeout() {
        AtomicInteger calls = new AtomicInteger();
        LocalCloud cloud = LocalCloud.like(Provider.GCP)
                .deploy("fragile", strings((event, context) -> {
                    if (calls.incrementAndGet() == 1) {
                        throw LocalCloud.crash();
                    }
                }))
                .createQueue("work").subscribe("work", "fragile");
        String id = cloud.send("work", "x");

        cloud.awaitQuiescence();
        cloud.advance(Duration.ofSeconds(9));
        assertThat(calls).hasValue(1);
        cloud.advance(Duration.ofSeconds(1));

        assertThat(calls).hasValue(2);
        assertThat(cloud.deliveries(id)).extracting(Delivery::result)
                .containsExactly(Delivery.Result.LOST, Delivery.Result.SUCCEEDED);
        assertThat(cloud.invocations("fragile").get(0).outcome()).isEqualTo(InvocationRecord.Outcome.CRASHED);
    }

    @Test
    void streamDeliversInOrderPerPartitionKey() {
        List<String> seen = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("clicks", strings((event, context) -> seen.add(event.attribute("partitionKey").orElseThrow()
                        + ":" + event.data())))
                .createStream("clickstream").subscribe("clickstream", "clicks");
        cloud.putRecord("clickstream", "user-1", "c1");
        cloud.putRecord("clickstream", "user-2", "c2");
        cloud.putRecord("clickstream", "user-1", "c3");

        cloud.awaitQuiescence();

        assertThat(seen).containsExactly("user-1:c1", "user-2:c2", "user-1:c3");
        assertThat(cloud.invocations("clicks")).hasSize(1);
    }

    @Test
    void publisherFunctionToTopicToSubscriberPropagatesTheTrace() {
        List<Event<String>> notified = new ArrayList<>();
        List<String> subscriberTraceIds = new ArrayList<>();
        LocalCloud cloud = LocalCloud.like(Provider.AWS);
        cloud.deploy("payments", strings((event, context) -> {
                    context.logger().info("charging {}", event.data());
                    cloud.publisher().publish("payment-events", "{\"paid\":\"" + event.data() + "\"}", Map.of());
                }))
                .deploy("notifier", strings((event, context) -> {
                    notified.add(event);
                    subscriberTraceIds.add(context.traceId().orElse("none"));
                }))
                .createQueue("payment-requests").createTopic("payment-events")
                .subscribe("payment-requests", "payments").subscribe("payment-events", "notifier");
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

        cloud.send("payment-requests", "p-1", Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        cloud.awaitQuiescence();

        assertThat(notified).singleElement().satisfies(event -> {
            assertThat(event.data()).isEqualTo("{\"paid\":\"p-1\"}");
            assertThat(event.trigger()).isEqualTo(Trigger.TOPIC);
            assertThat(event.attribute("traceparent")).hasValueSatisfying(
                    traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-")
                            .doesNotContain("00f067aa0ba902b7"));
        });
        assertThat(subscriberTraceIds).containsExactly(traceId);
        InvocationRecord payment = cloud.invocations("payments").get(0);
        assertThat(payment.logs()).singleElement().satisfies(line -> {
            assertThat(line.level()).isEqualTo("INFO");
            assertThat(line.message()).isEqualTo("charging p-1");
            assertThat(line.mdc()).containsEntry("requestId", payment.requestId())
                    .containsEntry("functionName", "payments").containsEntry("traceId", traceId);
        });
    }

    @Test
    void wiringMistakesNameTheFix() {
        LocalCloud cloud = LocalCloud.create().createQueue("q").createFifoQueue("f");
        assertThatThrownBy(() -> cloud.subscribe("q", "missing"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no function or queue named 'missing'");
        assertThatThrownBy(() -> cloud.subscribe("nothing", "q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no queue, stream, table, topic or bucket");
        assertThatThrownBy(() -> cloud.send("f", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a messageGroupId");
        assertThatThrownBy(() -> cloud.createQueue("q"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> cloud.scheduleCron("s", "* * *", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 3 fields");
    }

    @Test
    void sameSeedGivesTheSameIds() {
        assertThat(LocalCloud.create().createQueue("q").send("q", "x"))
                .isEqualTo(LocalCloud.create().createQueue("q").send("q", "x"));
    }
    @Test
    void thousandsOfRandomlyFailingMessagesAreProcessedAtLeastOnceOrDeadLetteredNeverLost() {
        java.util.Random faults = new java.util.Random(7);
        Map<String, Integer> successes = new java.util.HashMap<>();
        LocalCloud cloud = LocalCloud.like(Provider.AWS)
                .deploy("flaky", strings((event, context) -> {
                    int roll = faults.nextInt(10);
                    if (roll == 0) {
                        throw LocalCloud.crash();
                    }
                    if (roll < 4) {
                        throw new IllegalStateException("flaky dependency");
                    }
                    successes.merge(event.id(), 1, Integer::sum);
                }))
                .createQueue("bulk").subscribe("bulk", "flaky");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            ids.add(cloud.send("bulk", "m" + i));
        }

        assertThat(cloud.runUntilIdle(Duration.ofHours(2))).isTrue();

        Set<String> deadLettered = new java.util.HashSet<>();
        cloud.deadLetters().forEach(dead -> deadLettered.add(dead.messageId()));
        for (String id : ids) {
            assertThat(successes.containsKey(id) || deadLettered.contains(id)).as(id).isTrue();
        }
        assertThat(cloud.messages("bulk")).isEmpty();
        assertThat(deadLettered).isNotEmpty();
    }
}
