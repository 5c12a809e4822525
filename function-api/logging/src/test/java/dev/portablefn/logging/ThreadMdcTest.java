package dev.portablefn.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The MDC keeps one map per thread, in the order entries were put. */
class ThreadMdcTest {

    private final ThreadMdc mdc = new ThreadMdc();

    @Test
    void entriesKeepTheOrderTheyWerePutIn() {
        mdc.put("requestId", "r-1");
        mdc.put("traceId", "t-1");
        mdc.put("function", "orders");

        assertThat(mdc.current().keySet()).containsExactly("requestId", "traceId", "function");
        mdc.remove("traceId");
        assertThat(mdc.get("traceId")).isNull();
        assertThat(mdc.getCopyOfContextMap()).isEqualTo(Map.of("requestId", "r-1", "function", "orders"));
        mdc.clear();
        assertThat(mdc.current()).isEmpty();
        assertThat(mdc.getCopyOfContextMap()).isNull();
    }

    @Test
    void anotherThreadStartsEmptyAndLeavesThisThreadsEntriesAlone() throws Exception {
        mdc.put("requestId", "r-1");

        Map<String, String> seenElsewhere = CompletableFuture.supplyAsync(() -> {
            Map<String, String> seen = Map.copyOf(mdc.current());
            mdc.put("requestId", "r-2");
            return seen;
        }).get(10, TimeUnit.SECONDS);

        assertThat(seenElsewhere).isEmpty();
        assertThat(mdc.get("requestId")).isEqualTo("r-1");
        mdc.clear();
    }

    @Test
    void contextMapReplacesTheEntriesAndStacksAreKeptByKey() {
        mdc.put("stale", "x");
        mdc.setContextMap(Map.of("requestId", "r-3"));
        assertThat(mdc.current()).isEqualTo(Map.of("requestId", "r-3"));

        mdc.pushByKey("step", "decode");
        mdc.pushByKey("step", "validate");
        assertThat(mdc.popByKey("step")).isEqualTo("validate");
        assertThat(mdc.getCopyOfDequeByKey("step")).containsExactly("decode");
        mdc.clearDequeByKey("step");
        assertThat(mdc.getCopyOfDequeByKey("step")).isEmpty();
        mdc.clear();
    }
}
