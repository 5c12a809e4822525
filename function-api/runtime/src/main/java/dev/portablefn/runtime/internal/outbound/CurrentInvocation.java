package dev.portablefn.runtime.internal.outbound;

import dev.portablefn.api.Context;
import java.util.Optional;

/**
 * The {@link Context} of the invocation running on this thread, so that outbound calls made from inside a
 * function (a publish, a blob read) carry its trace and respect its deadline without the function passing its
 * context along. {@code FunctionRunner} sets it around the function's own code.
 */
public final class CurrentInvocation {

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();

    private CurrentInvocation() {
    }

    /**
     * Gives the context of the invocation running on this thread.
     *
     * @return the context, or empty outside an invocation (setup code, another thread the function started)
     */
    public static Optional<Context> context() {
        return Optional.ofNullable(CURRENT.get());
    }

    /**
     * Makes {@code context} the current one until {@link #exit(Context)}.
     *
     * @param context the invocation's context
     * @return the context that was current before, to hand to {@link #exit(Context)}
     */
    public static Context enter(Context context) {
        Context outer = CURRENT.get();
        CURRENT.set(context);
        return outer;
    }

    /**
     * Restores the context that was current before {@link #enter(Context)}.
     *
     * @param outer what {@link #enter(Context)} returned
     */
    public static void exit(Context outer) {
        CURRENT.set(outer);   // set, not remove: a removed entry is allocated anew by the next invocation's set
    }
}
