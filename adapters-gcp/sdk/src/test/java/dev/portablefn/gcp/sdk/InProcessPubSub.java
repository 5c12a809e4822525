package dev.portablefn.gcp.sdk;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RecordingPublisherService} behind an in-process gRPC server, and {@link PubSubPublisher}s whose client
 * library speaks real gRPC to it.
 */
final class InProcessPubSub implements AutoCloseable {

    final RecordingPublisherService service = new RecordingPublisherService();
    private final Server server;
    private final ManagedChannel channel;

    InProcessPubSub() throws IOException {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(service).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    /** A publisher reading its destinations from {@code settings}, over the in-process channel. */
    PubSubPublisher publisher(Map<String, String> settings) {
        return new PubSubPublisher(LogicalNames.from(settings::get),
                FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)), NoCredentialsProvider.create());
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
