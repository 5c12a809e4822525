package dev.portablefn.examples.email.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.examples.email.CloudDeployment;
import dev.portablefn.examples.email.EmailPipeline;

/**
 * The email pipeline on Azure Functions: an Event Grid {@code BlobCreated} event of the {@code incoming-emails}
 * container runs the parsing function, which sends the addresses to the Service Bus topic {@code addresses}; its
 * subscriptions {@code contacts} and {@code domain-counter} feed the two subscribers. Each method is a one-line
 * delegation to the portable function. Redelivery is the platform's: Event Grid's retry policy and dead-letter container
 * on the event subscription, each Service Bus subscription's {@code maxDeliveryCount} and dead-letter sub-queue;
 * {@code host.json} holds the Service Bus client's retries, the function timeout and the concurrency.
 */
public final class EmailPipelineFunctions {

    private final AzureFunctions incomingEmails;
    private final AzureFunctions contacts;
    private final AzureFunctions domainCounter;

    /** Called by the Java worker for each invocation: the functions themselves are built once per worker. */
    public EmailPipelineFunctions() {
        this(Deployed.INCOMING_EMAILS, Deployed.CONTACTS, Deployed.DOMAIN_COUNTER);
    }

    EmailPipelineFunctions(EmailPipeline pipeline) {
        this(AzureFunctions.of(pipeline.incomingEmails()), AzureFunctions.of(pipeline.contactsSubscriber()),
                AzureFunctions.of(pipeline.domainCounter()));
    }

    private EmailPipelineFunctions(AzureFunctions incomingEmails, AzureFunctions contacts, AzureFunctions domainCounter) {
        this.incomingEmails = incomingEmails;
        this.contacts = contacts;
        this.domainCounter = domainCounter;
    }

    /**
     * @param event   the Event Grid {@code Microsoft.Storage.BlobCreated} event of an e-mail file
     * @param context the invocation context
     */
    @FunctionName("incoming-emails")
    public void incomingEmails(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
        incomingEmails.eventGrid(event, context);
    }

    /**
     * @param message               the {@code ExtractedAddresses} JSON
     * @param messageId             the message id
     * @param deliveryCount         which delivery this is
     * @param enqueuedTimeUtc       when it was enqueued
     * @param applicationProperties the message's application properties as JSON
     * @param context               the invocation context
     */
    @FunctionName("contacts")
    public void contacts(@ServiceBusTopicTrigger(name = "message", topicName = EmailPipeline.ADDRESSES_TOPIC,
            subscriptionName = "contacts", connection = "ServiceBusConnection") String message,
                         @BindingName("MessageId") String messageId,
                         @BindingName("DeliveryCount") int deliveryCount,
                         @BindingName("EnqueuedTimeUtc") String enqueuedTimeUtc,
                         @BindingName("ApplicationProperties") String applicationProperties,
                         ExecutionContext context) {
        contacts.serviceBusTopic(message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    /**
     * @param message               the {@code ExtractedAddresses} JSON
     * @param messageId             the message id
     * @param deliveryCount         which delivery this is
     * @param enqueuedTimeUtc       when it was enqueued
     * @param applicationProperties the message's application properties as JSON
     * @param context               the invocation context
     */
    @FunctionName("domain-counter")
    public void domainCounter(@ServiceBusTopicTrigger(name = "message", topicName = EmailPipeline.ADDRESSES_TOPIC,
            subscriptionName = "domain-counter", connection = "ServiceBusConnection") String message,
                              @BindingName("MessageId") String messageId,
                              @BindingName("DeliveryCount") int deliveryCount,
                              @BindingName("EnqueuedTimeUtc") String enqueuedTimeUtc,
                              @BindingName("ApplicationProperties") String applicationProperties,
                              ExecutionContext context) {
        domainCounter.serviceBusTopic(message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    /** The worker's functions over the container's pipeline, built on first use. */
    private static final class Deployed {
        static final AzureFunctions INCOMING_EMAILS = AzureFunctions.of(CloudDeployment.pipeline().incomingEmails());
        static final AzureFunctions CONTACTS = AzureFunctions.of(CloudDeployment.pipeline().contactsSubscriber());
        static final AzureFunctions DOMAIN_COUNTER = AzureFunctions.of(CloudDeployment.pipeline().domainCounter());
    }
}
