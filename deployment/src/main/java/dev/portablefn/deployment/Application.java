package dev.portablefn.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * One application's deployment, declared once for every provider: its functions ({@link FunctionSpec}) and the
 * resources they share: topics, queues, buckets, schedules, dead-letter queues, and settings every function gets.
 * Name the logical topics, queues and buckets with the constants the functions themselves use, so a rename is a
 * compile error rather than a broken deployment. {@link Render} checks the rest and writes each provider's files.
 *
 * <pre>{@code
 * Application.builder("learning-platform")
 *         .topic(LearningPlatform.PAYMENTS_TOPIC)
 *         .deadLetterQueue("payments-dlq")
 *         .function(FunctionSpec.of("payment-subscriber", "com.example.Functions#paymentSubscriber",
 *                 TriggerSpec.topic(LearningPlatform.PAYMENTS_TOPIC)).withDeadLetter("payments-dlq"))
 *         .build();
 * }</pre>
 *
 * @param name             the application's name (lower case, digits and '-'): the Azure entry class and the AWS
 *                         stack description derive from it
 * @param functions        its functions, in declaration order
 * @param topics           the logical topics
 * @param queues           the logical queues
 * @param buckets          the logical buckets
 * @param scopedBuckets    those of the buckets whose provider name is made globally unique with the account:
 *                         {@code <name>-<account id>-<region>} on AWS, {@code <name>-<project id>} on GCP (an Azure
 *                         container's name is the storage account's own, so it stays {@code <name>})
 * @param schedules        the schedules
 * @param deadLetterQueues the queues failed events are kept in
 * @param environment      settings every function gets
 */
public record Application(String name, List<FunctionSpec> functions, List<String> topics, List<String> queues,
                          List<String> buckets, List<String> scopedBuckets, List<ScheduleSpec> schedules,
                          List<String> deadLetterQueues, Map<String, String> environment) {

    /** @throws NullPointerException when a part is null */
    public Application {
        Objects.requireNonNull(name, "name");
        functions = List.copyOf(functions);
        topics = List.copyOf(topics);
        queues = List.copyOf(queues);
        buckets = List.copyOf(buckets);
        scopedBuckets = List.copyOf(scopedBuckets);
        schedules = List.copyOf(schedules);
        deadLetterQueues = List.copyOf(deadLetterQueues);
        environment = Map.copyOf(environment);
    }

    /**
     * @param name the application's name
     * @return a builder of the application's declaration
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * @param name a function's name
     * @return that function
     * @throws NoSuchElementException when the application has none of that name
     */
    public FunctionSpec function(String name) {
        return functions.stream().filter(function -> function.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no function '" + name + "' in " + this.name));
    }

    /**
     * @param changed a function with the name of one of this application's
     * @return a copy of the application with that function replaced
     * @throws NoSuchElementException when the application has no function of that name
     */
    public Application with(FunctionSpec changed) {
        function(changed.name());
        List<FunctionSpec> replaced = functions.stream()
                .map(function -> function.name().equals(changed.name()) ? changed : function).toList();
        return new Application(name, replaced, topics, queues, buckets, scopedBuckets, schedules, deadLetterQueues,
                environment);
    }

    /** Collects an {@link Application}'s parts in declaration order; {@link #build()} makes it. */
    public static final class Builder {

        private final String name;
        private final List<FunctionSpec> functions = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();
        private final List<String> queues = new ArrayList<>();
        private final List<String> buckets = new ArrayList<>();
        private final List<String> scopedBuckets = new ArrayList<>();
        private final List<ScheduleSpec> schedules = new ArrayList<>();
        private final List<String> deadLetterQueues = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        /** @param function a function; @return this builder */
        public Builder function(FunctionSpec function) {
            functions.add(Objects.requireNonNull(function, "function"));
            return this;
        }

        /** @param topic a logical topic's name; @return this builder */
        public Builder topic(String topic) {
            topics.add(Objects.requireNonNull(topic, "topic"));
            return this;
        }

        /** @param queue a logical queue's name; @return this builder */
        public Builder queue(String queue) {
            queues.add(Objects.requireNonNull(queue, "queue"));
            return this;
        }

        /** @param bucket a logical bucket's name, also its name on every provider; @return this builder */
        public Builder bucket(String bucket) {
            buckets.add(Objects.requireNonNull(bucket, "bucket"));
            return this;
        }

        /**
         * @param bucket a logical bucket's name, made globally unique with the account on AWS and GCP (see
         *               {@link Application#scopedBuckets()}): bucket names are global there
         * @return this builder
         */
        public Builder scopedBucket(String bucket) {
            bucket(bucket);
            scopedBuckets.add(bucket);
            return this;
        }

        /**
         * @param schedule its name
         * @param cron     five-field Unix cron, see {@link ScheduleSpec#cron()}
         * @param zone     the IANA time zone, e.g. {@code "UTC"}
         * @return this builder
         */
        public Builder schedule(String schedule, String cron, String zone) {
            schedules.add(new ScheduleSpec(schedule, cron, zone));
            return this;
        }

        /** @param queue a dead-letter queue's name, kept 14 days on AWS, 7 on GCP; @return this builder */
        public Builder deadLetterQueue(String queue) {
            deadLetterQueues.add(Objects.requireNonNull(queue, "queue"));
            return this;
        }

        /**
         * @param setting an environment variable every function gets
         * @param value   its value
         * @return this builder
         */
        public Builder setting(String setting, String value) {
            environment.put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** @return the application; {@link Render} checks it */
        public Application build() {
            return new Application(name, functions, topics, queues, buckets, scopedBuckets, schedules, deadLetterQueues,
                    environment);
        }
    }
}
