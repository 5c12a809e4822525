package dev.portablefn.examples.email.domains;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A {@link DomainCountRepository} in memory, for local runs and tests; thread-safe. */
public final class InMemoryDomainCountRepository implements DomainCountRepository {

    private final Set<String> countedMessages = new HashSet<>();
    private final TreeMap<String, Integer> totals = new TreeMap<>();

    @Override
    public synchronized boolean add(String messageId, Map<String, Integer> counts) {
        if (!countedMessages.add(messageId)) {
            return false;
        }
        counts.forEach((domain, count) -> totals.merge(domain, count, Integer::sum));
        return true;
    }

    @Override
    public synchronized Map<String, Integer> totals() {
        return Collections.unmodifiableMap(new TreeMap<>(totals));
    }
}
