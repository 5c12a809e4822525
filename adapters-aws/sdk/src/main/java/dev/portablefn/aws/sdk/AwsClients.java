package dev.portablefn.aws.sdk;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * How this module builds its SDK clients, and the clients it built. Every client uses the JDK's
 * {@code URLConnection} HTTP client (no Apache or Netty on the cold path) and the SDK's standard retry strategy;
 * each call bounds all its attempts with its own timeout, so retries never outlast the invocation. Region and
 * credentials come from the SDK's default chains unless a test gives them, with an endpoint of its own.
 */
final class AwsClients implements AutoCloseable {

    private final URI endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    /** 0 for the standard strategy's own number of attempts. */
    private final int maxAttempts;
    private final List<SdkAutoCloseable> built = new ArrayList<>();

    private AwsClients(URI endpoint, Region region, AwsCredentialsProvider credentials, int maxAttempts) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.maxAttempts = maxAttempts;
    }

    /** @return clients on the SDK's default region and credentials chains and the services' own endpoints */
    static AwsClients fromDefaultChains() {
        return new AwsClients(null, null, null, 0);
    }

    /** @return clients that call {@code endpoint} (LocalStack, a test server) with the given region and credentials */
    static AwsClients at(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return new AwsClients(Objects.requireNonNull(endpoint, "endpoint"), Objects.requireNonNull(region, "region"),
                Objects.requireNonNull(credentials, "credentials"), 0);
    }

    /** @return the same settings with at most {@code attempts} attempts per call (tests of one answer) */
    AwsClients withMaxAttempts(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, got " + attempts);
        }
        return new AwsClients(endpoint, region, credentials, attempts);
    }

    boolean hasEndpoint() {
        return endpoint != null;
    }

    /**
     * Gives a client built on first use and reused after.
     *
     * @param service the service, named when the client cannot be built
     * @param builder makes the service's client builder, with any service-specific setting
     * @return the lazily built client
     */
    <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> Lazy<C> lazy(
            String service, Supplier<B> builder) {
        return new Lazy<>(() -> build(service, builder.get()));
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable> C build(
            String service, B builder) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(retryStrategy()));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (region != null) {
            builder.region(region);
        }
        if (credentials != null) {
            builder.credentialsProvider(credentials);
        }
        C client;
        try {
            client = builder.build();
        } catch (SdkException unusable) {
            // Typically no region: the default chain found neither AWS_REGION nor a profile.
            throw new PermanentFailure("cannot build the " + service + " client: "
                    + OutboundCalls.redact(unusable.getMessage()) + " (set AWS_REGION in the function's environment)");
        }
        synchronized (built) {
            built.add(client);
        }
        return client;
    }

    private RetryStrategy retryStrategy() {
        RetryStrategy standard = AwsRetryStrategy.standardRetryStrategy();
        return maxAttempts == 0 ? standard : standard.toBuilder().maxAttempts(maxAttempts).build();
    }

    /** Closes every client built so far. */
    @Override
    public void close() {
        synchronized (built) {
            built.forEach(SdkAutoCloseable::close);
            built.clear();
        }
    }

    @Override
    public String toString() {
        return "AwsClients[" + (endpoint == null ? "default endpoints" : endpoint) + "]";
    }

    /**
     * A client built on first use, once, and reused after: building one reads the region and credentials chains,
     * which a function that never publishes should not pay for.
     *
     * @param <C> the client type
     */
    static final class Lazy<C> {
        private final Supplier<C> factory;
        private volatile C client;

        Lazy(Supplier<C> factory) {
            this.factory = factory;
        }

        C get() {
            C found = client;
            if (found == null) {
                synchronized (this) {
                    found = client;
                    if (found == null) {
                        found = factory.get();
                        client = found;
                    }
                }
            }
            return found;
        }
    }
}
