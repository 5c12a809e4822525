package dev.portablefn.testing.localcloud;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a function threw in one invocation run behind a provider adapter, as LocalCloud's context step (the first
 * step of the function's own middleware) saw it. Which messages failed is the adapter's answer; these say why, so
 * dead letters and invocation records carry the function's own reason, and whether the function crashed
 * ({@link LocalCloud#crash()}), which an adapter reports as an ordinary failure.
 */
final class Observations {

    /** The failures by the event id the function saw, in the order they happened; {@code null} until one fails. */
    private Map<String, Throwable> failures;
    private boolean crashed;

    void failed(String eventId, Throwable failure) {
        if (failures == null) {
            failures = new LinkedHashMap<>();
        }
        failures.putIfAbsent(eventId, failure);
        crashed |= failure instanceof SimulatedCrash;
    }

    boolean crashed() {
        return crashed;
    }

    /**
     * @param eventId the id the function saw
     * @return what the function threw for that event, else the first thing it threw in this invocation, or {@code null}
     */
    Throwable failureOf(String eventId) {
        if (failures == null) {
            return null;
        }
        Throwable failure = failures.get(eventId);
        return failure != null ? failure : failures.values().iterator().next();
    }
}
