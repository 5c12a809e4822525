package dev.portablefn.logging;

import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

/**
 * The MDC: one map per thread, in the order entries were put, so a line lists the request id, trace and span the way
 * the runtime's logging context adds them. Like logback's, a new thread starts with an empty map.
 */
final class ThreadMdc implements MDCAdapter {

    private final ThreadLocal<Map<String, String>> entries = new ThreadLocal<>();
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    /** @return this thread's entries, read in place (the caller only reads them while it logs), empty when none */
    Map<String, String> current() {
        Map<String, String> map = entries.get();
        return map == null ? Map.of() : map;
    }

    @Override
    public void put(String key, String value) {
        if (key == null) {
            throw new IllegalArgumentException("an MDC key cannot be null");
        }
        Map<String, String> map = entries.get();
        if (map == null) {
            map = new LinkedHashMap<>();
            entries.set(map);
        }
        map.put(key, value);
    }

    @Override
    public String get(String key) {
        Map<String, String> map = entries.get();
        return map == null || key == null ? null : map.get(key);
    }

    @Override
    public void remove(String key) {
        Map<String, String> map = entries.get();
        if (map != null) {
            map.remove(key);
        }
    }

    @Override
    public void clear() {
        entries.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        Map<String, String> map = entries.get();
        return map == null ? null : new HashMap<>(map);
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        entries.set(contextMap == null ? null : new LinkedHashMap<>(contextMap));
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return stacks.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }
}
