package dev.portablefn.deployment;

import java.util.List;
import java.util.Objects;

/**
 * What invokes a function: HTTP routes, or a logical topic, queue, bucket or schedule that the
 * {@link Application} declares. Build one with the static factories; a source that the application does not declare
 * is refused when rendering.
 */
public sealed interface TriggerSpec {

    /**
     * @param routes each {@code "METHOD /path"}, a path parameter in braces ({@code "GET /courses/{id}"})
     * @return an HTTP trigger answering those routes
     */
    static TriggerSpec http(String... routes) {
        return new Http(List.of(routes));
    }

    /**
     * @param topic the logical topic's name, as the functions publish to it
     * @return a trigger on every message published to the topic
     */
    static TriggerSpec topic(String topic) {
        return new Topic(topic);
    }

    /**
     * @param queue the logical queue's name
     * @return a trigger on every message sent to the queue
     */
    static TriggerSpec queue(String queue) {
        return new Queue(queue);
    }

    /**
     * @param bucket the logical bucket's name
     * @return a trigger on every object created in or deleted from the bucket
     */
    static TriggerSpec bucket(String bucket) {
        return new Bucket(bucket, "", true);
    }

    /**
     * @param bucket    the logical bucket's name
     * @param keyPrefix only objects whose key starts with it ({@code "courses/"}); AWS filters on it, the other
     *                  providers deliver every object and the function skips the rest
     * @return a trigger on every object created in or deleted from the bucket under the prefix
     */
    static TriggerSpec bucket(String bucket, String keyPrefix) {
        return new Bucket(bucket, keyPrefix, true);
    }

    /**
     * @param bucket    the logical bucket's name
     * @param keyPrefix only objects whose key starts with it, empty for all (AWS filters on it, the other providers
     *                  deliver every object and the function skips the rest)
     * @return a trigger on every object created in the bucket under the prefix, not on deletions
     */
    static TriggerSpec newObjects(String bucket, String keyPrefix) {
        return new Bucket(bucket, keyPrefix, false);
    }

    /**
     * @param schedule the name of a schedule the application declares
     * @return a trigger on each tick of the schedule
     */
    static TriggerSpec schedule(String schedule) {
        return new Schedule(schedule);
    }

    /** @return what the declaration calls this kind of trigger in its messages */
    String kind();

    /**
     * HTTP routes, as declared; rendering refuses one that is not a known method, a space and a path.
     *
     * @param routes the routes ({@code "GET /courses/{id}"}), in declaration order
     */
    record Http(List<String> routes) implements TriggerSpec {
        /** @param routes the routes */
        public Http {
            routes = List.copyOf(routes);
        }

        @Override
        public String kind() {
            return "http";
        }
    }

    /**
     * A logical topic.
     *
     * @param name the topic's logical name
     */
    record Topic(String name) implements TriggerSpec {
        /** @param name the topic */
        public Topic {
            Objects.requireNonNull(name, "topic");
        }

        @Override
        public String kind() {
            return "topic";
        }
    }

    /**
     * A logical queue.
     *
     * @param name the queue's logical name
     */
    record Queue(String name) implements TriggerSpec {
        /** @param name the queue */
        public Queue {
            Objects.requireNonNull(name, "queue");
        }

        @Override
        public String kind() {
            return "queue";
        }
    }

    /**
     * A logical bucket's created (and deleted) objects.
     *
     * @param name      the bucket's logical name
     * @param keyPrefix the key prefix, empty for every object
     * @param deletions whether deleted objects invoke the function too
     */
    record Bucket(String name, String keyPrefix, boolean deletions) implements TriggerSpec {
        /** @param name the bucket; @param keyPrefix the prefix; @param deletions whether deletions invoke it */
        public Bucket {
            Objects.requireNonNull(name, "bucket");
            Objects.requireNonNull(keyPrefix, "keyPrefix");
        }

        @Override
        public String kind() {
            return "bucket";
        }
    }

    /**
     * A declared schedule.
     *
     * @param name the schedule's name
     */
    record Schedule(String name) implements TriggerSpec {
        /** @param name the schedule */
        public Schedule {
            Objects.requireNonNull(name, "schedule");
        }

        @Override
        public String kind() {
            return "schedule";
        }
    }
}
