package dev.portablefn.testing;

import dev.portablefn.api.Provider;
import java.util.Objects;

/**
 * Makes {@link FunctionTester}s for one provider; what an {@link OnAllProviders} test receives, so the test body
 * does not name the provider it runs on.
 */
public final class ProviderTester {

    private final Provider provider;

    private ProviderTester(Provider provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /**
     * @param provider {@code AWS}, {@code GCP} or {@code AZURE}
     * @return a factory for that provider
     */
    public static ProviderTester of(Provider provider) {
        return new ProviderTester(provider);
    }

    /** @return the provider */
    public Provider provider() {
        return provider;
    }

    /**
     * @param function an {@code HttpFunction}, {@code EventFunction}, {@code BatchFunction} or {@code PortableFunction}
     * @return a tester running it behind this provider's adapter
     */
    public FunctionTester tester(Object function) {
        return FunctionTester.forProvider(provider, function);
    }

    @Override
    public String toString() {
        return provider.name();
    }
}
