package dev.portablefn.runtime.internal;

import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.Provider;

/**
 * Decodes a provider's raw JSON payload into portable values: a pure function of the bytes, with no
 * I/O and no state, so it can be tested with recorded events and fuzzed. Each adapter registers one
 * through {@link java.util.ServiceLoader}; the CLI's {@code decode} command uses them.
 */
public interface ProviderDecoder {

    /**
     * Names the provider whose payloads this decodes, which the CLI's {@code --provider} option selects by.
     *
     * @return the provider
     */
    Provider provider();

    /**
     * Decodes one payload into the HTTP request or events it carries.
     *
     * @param payload the raw payload as the provider sends it
     * @return the decoded request or events
     * @throws EventDecodingException naming the field and the problem when the payload is malformed or unknown
     */
    Decoded decode(byte[] payload);
}
