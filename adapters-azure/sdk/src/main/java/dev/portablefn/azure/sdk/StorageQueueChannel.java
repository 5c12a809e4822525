package dev.portablefn.azure.sdk;

import com.azure.core.util.Context;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.QueueServiceClient;
import com.azure.storage.queue.QueueServiceClientBuilder;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.MessageEnvelope;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sends to Storage queues. A queue message is text alone, so a message with attributes (a {@code traceparent}
 * included) goes in a {@link MessageEnvelope}, which the Azure inbound adapter opens; one without attributes goes as
 * its body. The text is base64-encoded, as the Functions host's queue trigger expects by default
 * ({@code extensions.queues.messageEncoding} in {@code host.json}).
 */
final class StorageQueueChannel {

    /** A queue message's limit: 64 KiB of (here base64) text. */
    static final long MAX_MESSAGE_BYTES = 64 * 1024;
    private static final Duration CALL_CAP = Duration.ofSeconds(10);

    private final StorageAccount account;
    private final ConcurrentHashMap<String, QueueClient> queues = new ConcurrentHashMap<>();
    private volatile QueueServiceClient service;

    StorageQueueChannel(StorageAccount account) {
        this.account = account;
    }

    String send(String logical, String queue, String body, Map<String, String> attributes) {
        String text = text(logical, body, attributes);
        Duration timeout = OutboundCalls.callTimeout(logical, CALL_CAP);
        try {
            return queues.computeIfAbsent(queue, name -> service().getQueueClient(name))
                    .sendMessageWithResponse(text, null, null, timeout, Context.NONE).getValue().getMessageId();
        } catch (RuntimeException failure) {
            throw AzureFailures.classify(failure, "Storage queue send", logical, "queue '" + queue + "'", timeout);
        }
    }

    /**
     * Gives the text a message is sent as, before base64, checking its size.
     *
     * @param logical    the logical destination, for errors
     * @param body       the body
     * @param attributes the attributes, {@code traceparent} included
     * @return the body, or the envelope when there are attributes
     * @throws PermanentFailure when the message names a {@value ServiceBusChannel#GROUP} (Storage queues do not
     *                          deliver in order) or is over 64 KiB once base64-encoded
     */
    static String text(String logical, String body, Map<String, String> attributes) {
        if (attributes.containsKey(ServiceBusChannel.GROUP)) {
            throw new PermanentFailure("the message to '" + logical + "' names a " + ServiceBusChannel.GROUP
                    + ", but Storage queues do not deliver in order: publish ordered messages to a session-enabled"
                    + " Service Bus queue");
        }
        String text = attributes.isEmpty() ? body : MessageEnvelope.wrap(body, attributes);
        long base64 = 4 * ((text.getBytes(StandardCharsets.UTF_8).length + 2L) / 3);
        OutboundCalls.checkSize(logical, base64, MAX_MESSAGE_BYTES, "Storage queue (counted base64-encoded)");
        return text;
    }

    private QueueServiceClient service() {
        QueueServiceClient built = service;
        if (built == null) {
            synchronized (this) {
                built = service;
                if (built == null) {
                    built = account.configure(new QueueServiceClientBuilder(), "queue")
                            .messageEncoding(QueueMessageEncoding.BASE64).buildClient();
                    service = built;
                }
            }
        }
        return built;
    }
}
