package dev.portablefn.testing.localcloud;

import dev.portablefn.api.Event;
import dev.portablefn.api.batch.Ordering;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A queue, subscription or stream: messages waiting for, or in flight to, one function (or nobody). */
final class Channel {

    final String name;
    /** What delivers into it: a queue, FIFO queue, stream or schedule; for a function's subscription, TOPIC or BUCKET. */
    final Registry.Kind kind;
    final DeliveryPolicy policy;
    final boolean ordered;
    String subscriber;
    private final Map<String, Message> messages = new LinkedHashMap<>();

    Channel(String name, Registry.Kind kind, DeliveryPolicy policy, boolean ordered) {
        this.name = name;
        this.kind = kind;
        this.policy = policy;
        this.ordered = ordered;
    }

    Ordering ordering() {
        return ordered ? Ordering.ORDERED : Ordering.UNORDERED;
    }

    String deadLetterQueueName() {
        return name + policy.deadLetterSuffix();
    }

    void add(Message message) {
        messages.put(message.event.id() + "#" + message.sequence, message);
    }

    void remove(Message message) {
        messages.remove(message.event.id() + "#" + message.sequence);
    }

    boolean contains(Message message) {
        return messages.get(message.event.id() + "#" + message.sequence) == message;
    }

    List<Message> pending() {
        return List.copyOf(messages.values());
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /**
     * Picks the next batch that may be delivered at {@code now}: visible messages (or in-flight ones whose
     * visibility expired), at most a batch; for ordered channels only the consecutive deliverable messages
     * at the head of each group.
     */
    List<Message> deliverable(Instant now) {
        List<Message> batch = new ArrayList<>();
        Set<String> blockedGroups = ordered ? new HashSet<>() : Set.of();
        for (Iterator<Message> it = messages.values().iterator(); it.hasNext() && batch.size() < policy.batchSize(); ) {
            Message message = it.next();
            boolean ready = message.isDeliverable(now);
            if (!ordered) {
                if (ready) {
                    batch.add(message);
                }
                continue;
            }
            if (blockedGroups.contains(message.group)) {
                continue;
            }
            if (ready) {
                batch.add(message);
            } else {
                blockedGroups.add(message.group);
            }
        }
        return batch;
    }

    /** @return the earliest instant after {@code now} at which a message becomes deliverable, or {@code null} */
    Instant nextVisible(Instant now) {
        Instant next = null;
        for (Message message : messages.values()) {
            Instant at = message.inFlight ? message.invisibleUntil : message.visibleAt;
            if (at.isAfter(now) && (next == null || at.isBefore(next))) {
                next = at;
            }
        }
        return next;
    }

    /** A message in a channel. */
    static final class Message {
        final Event<?> event;
        final String group;
        final long sequence;
        int attempts;
        int receipt;
        boolean inFlight;
        Instant visibleAt;
        Instant invisibleUntil;
        Instant receivedAt;
        String lastFailure;

        Message(Event<?> event, String group, long sequence, Instant visibleAt) {
            this.event = event;
            this.group = group == null ? "" : group;
            this.sequence = sequence;
            this.visibleAt = visibleAt;
        }

        boolean isDeliverable(Instant now) {
            return inFlight ? !invisibleUntil.isAfter(now) : !visibleAt.isAfter(now);
        }
    }
}
