package dev.portablefn.idempotency;

import dev.portablefn.api.middleware.Invocation;
import java.util.Optional;

/**
 * Chooses the idempotency key of an invocation: two deliveries with the same key are the same work.
 * Ready-made extractors are in {@link KeyExtractors}.
 */
@FunctionalInterface
public interface KeyExtractor {

    /**
     * Finds the key of one invocation.
     *
     * @param invocation the request or event, with data already bound to the function's type
     * @return the key, or empty when this invocation has none
     * @throws RuntimeException if the input cannot yield a key; it is reported as the invocation's failure
     */
    Optional<String> keyOf(Invocation invocation);
}
