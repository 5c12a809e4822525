package dev.portablefn.testing;

import dev.portablefn.api.Event;
import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpRequest;
import java.util.List;

/** Drives one provider's real adapter entry point in memory: raw payload in, raw response out. */
interface ProviderDriver {

    Provider provider();

    /** Runs one provider invocation on a raw payload. */
    ProviderCall invoke(byte[] payload);

    /** Runs one HTTP request in the provider's own request shape. */
    ProviderCall http(HttpRequest request);

    /** @return the raw payloads the provider sends for these queue messages, one per invocation */
    List<byte[]> queuePayloads(List<String> bodies);

    /** Runs one delivery of a message published to {@code topic}, through the provider's topic subscription entry. */
    ProviderCall topic(String topic, Event<?> message);

    /** Lambda's error response for an invocation that threw, shared by the drivers that need a JSON failure. */
    static byte[] errorJson(Throwable failure) {
        com.fasterxml.jackson.databind.node.ObjectNode error = RawJson.object();
        error.put("errorMessage", String.valueOf(failure.getMessage()));
        error.put("errorType", failure.getClass().getName());
        return RawJson.bytes(error);
    }
}
