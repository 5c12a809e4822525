package dev.portablefn.testing.localcloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What happened in a LocalCloud, kept for tests to inspect: every delivery, dead letter and invocation, in order. */
final class History {

    private final Map<String, List<Delivery>> deliveries = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final List<InvocationRecord> invocations = new ArrayList<>();

    void delivered(Delivery delivery) {
        deliveries.computeIfAbsent(delivery.messageId(), id -> new ArrayList<>()).add(delivery);
    }

    void deadLettered(DeadLetter deadLetter) {
        deadLetters.add(deadLetter);
    }

    void invoked(InvocationRecord invocation) {
        invocations.add(invocation);
    }

    List<Delivery> deliveries(String messageId) {
        return List.copyOf(deliveries.getOrDefault(messageId, List.of()));
    }

    /** Skipped deliveries (an earlier record of an ordered batch failed) are not attempts. */
    int attempts(String messageId) {
        return (int) deliveries.getOrDefault(messageId, List.of()).stream()
                .filter(d -> d.result() != Delivery.Result.SKIPPED).count();
    }

    List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    List<DeadLetter> deadLetters(String source) {
        return deadLetters.stream().filter(d -> d.source().equals(source)).toList();
    }

    List<InvocationRecord> invocations() {
        return List.copyOf(invocations);
    }

    List<InvocationRecord> invocations(String function) {
        return invocations.stream().filter(i -> i.function().equals(function)).toList();
    }
}
