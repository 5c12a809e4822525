package dev.portablefn.azure.sdk;

import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Publishes to Service Bus queues and topics, Event Grid topics and Storage queues on the Azure SDK. Each logical
 * destination is mapped by its {@code PORTABLEFN_DESTINATION_<NAME>} setting: {@code servicebus:ENTITY},
 * {@code eventgrid:https://TOPIC.REGION-1.eventgrid.azure.net/api/events} or {@code storagequeue:QUEUE}. Every
 * message carries the current invocation's {@code traceparent}. Registered with {@link java.util.ServiceLoader}, so
 * {@link Publisher#registered()} finds it; the module's README lists every setting.
 *
 * <p>Clients are made on first use and reused: one AMQP connection for Service Bus, one client per Event Grid topic
 * and Storage account, all over the JDK's HTTP client. Credentials come from {@code DefaultAzureCredential} (the
 * managed identity when deployed) unless a setting names a connection string or key for local use.
 */
public final class AzurePublisher implements Publisher {

    private final AzureSettings settings;
    private final ServiceBusChannel serviceBus;
    private final EventGridChannel eventGrid;
    private final StorageQueueChannel storageQueues;

    /** Makes a publisher configured by the process environment, as deployed functions use it. */
    public AzurePublisher() {
        this(System::getenv);
    }

    /**
     * Makes a publisher configured by other settings, for tests and applications that configure in code.
     *
     * @param settings looks a setting up by name ({@code PORTABLEFN_DESTINATION_ORDERS}); answers {@code null} for a
     *                 missing one
     */
    public AzurePublisher(UnaryOperator<String> settings) {
        this(new AzureSettings(Objects.requireNonNull(settings, "settings")));
    }

    AzurePublisher(AzureSettings settings) {
        this.settings = settings;
        this.serviceBus = new ServiceBusChannel(this.settings);
        this.eventGrid = new EventGridChannel(this.settings);
        this.storageQueues = new StorageQueueChannel(new StorageAccount(this.settings));
    }

    /**
     * Publishes one message to the Azure resource its logical destination maps to.
     *
     * @param destination the logical destination
     * @param body        the message body
     * @param attributes  the attributes; {@code messageGroupId} is the Service Bus session id and
     *                    {@code messageDeduplicationId} the message (or event) id
     * @return the id the message was sent with: the Service Bus message id, the CloudEvent id or the Storage queue
     *         message id
     * @throws dev.portablefn.api.RetryableException when the service throttled, failed or timed out
     * @throws dev.portablefn.api.PermanentFailure    when the destination is not configured or does not exist, access
     *                                               is refused, or the message cannot be carried (size, attributes)
     */
    @Override
    public String publish(String destination, String body, Map<String, String> attributes) {
        Objects.requireNonNull(body, "body");
        Destination target = Destination.parse(destination,
                settings.names().destination(destination, Destination.EXAMPLE));
        Map<String, String> outgoing = OutboundCalls.withTrace(attributes);
        return switch (target.kind()) {
            case SERVICE_BUS -> serviceBus.send(destination, target.target(), body, outgoing);
            case EVENT_GRID -> eventGrid.send(destination, target.target(), body, outgoing);
            case STORAGE_QUEUE -> storageQueues.send(destination, target.target(), body, outgoing);
        };
    }

    /**
     * Names this implementation, for logs and test failures.
     *
     * @return {@code "AzurePublisher"}
     */
    @Override
    public String toString() {
        return "AzurePublisher";
    }
}
