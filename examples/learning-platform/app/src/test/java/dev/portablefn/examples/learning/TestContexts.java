package dev.portablefn.examples.learning;

import dev.portablefn.api.Context;
import dev.portablefn.api.Provider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Contexts with a fixed clock for unit tests. */
public final class TestContexts {

    /** The instant every test clock is fixed at. */
    public static final Instant NOW = Instant.parse("2026-03-14T09:26:53Z");

    private TestContexts() {
    }

    /** @param function a function name @return a context whose clock stands at {@link #NOW} */
    public static Context at(String function) {
        return at(function, NOW);
    }

    /** @param function a function name @param now the clock's instant @return a context whose clock stands there */
    public static Context at(String function, Instant now) {
        return Context.builder().requestId("req-1").functionName(function).provider(Provider.AWS)
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }
}
