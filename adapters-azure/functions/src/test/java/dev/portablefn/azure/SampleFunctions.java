package dev.portablefn.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.CosmosDBTrigger;
import com.microsoft.azure.functions.annotation.EventGridTrigger;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.util.Optional;

/** An annotated entry class as a user writes it: every method is a one-line delegation. */
public class SampleFunctions {

    private final AzureFunctions azure;

    SampleFunctions(AzureFunctions azure) {
        this.azure = azure;
    }

    @FunctionName("api")
    public HttpResponseMessage api(@HttpTrigger(name = "request", methods = {HttpMethod.GET, HttpMethod.POST},
            authLevel = AuthorizationLevel.ANONYMOUS, route = "{*path}", dataType = "binary")
                                   HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return azure.http(request, context);
    }

    @FunctionName("apiText")
    public HttpResponseMessage apiText(@HttpTrigger(name = "request", authLevel = AuthorizationLevel.ANONYMOUS)
                                       HttpRequestMessage<Optional<String>> request, ExecutionContext context) {
        return azure.http(request, context);
    }

    @FunctionName("orders")
    public void orders(@QueueTrigger(name = "message", queueName = "orders", connection = "AzureWebJobsStorage") String message,
                       @BindingName("Id") String id, @BindingName("DequeueCount") long dequeueCount,
                       @BindingName("InsertionTime") String insertionTime, ExecutionContext context) {
        azure.queue(message, id, dequeueCount, insertionTime, context);
    }

    @FunctionName("payments")
    public void payments(@ServiceBusQueueTrigger(name = "message", queueName = "payments", connection = "ServiceBusConnection") String message,
                         @BindingName("MessageId") String messageId, @BindingName("DeliveryCount") int deliveryCount,
                         @BindingName("EnqueuedTimeUtc") String enqueuedTimeUtc,
                         @BindingName("ApplicationProperties") String applicationProperties, ExecutionContext context) {
        azure.serviceBusQueue(message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    @FunctionName("notifications")
    public void notifications(@ServiceBusTopicTrigger(name = "message", topicName = "events", subscriptionName = "mailer",
            connection = "ServiceBusConnection") String message,
                              @BindingName("MessageId") String messageId, @BindingName("DeliveryCount") int deliveryCount,
                              @BindingName("EnqueuedTimeUtc") String enqueuedTimeUtc,
                              @BindingName("ApplicationProperties") String applicationProperties, ExecutionContext context) {
        azure.serviceBusTopic(message, messageId, deliveryCount, enqueuedTimeUtc, applicationProperties, context);
    }

    @FunctionName("uploads")
    public void uploads(@EventGridTrigger(name = "event") String event, ExecutionContext context) {
        azure.eventGrid(event, context);
    }

    @FunctionName("inbox")
    public void inbox(@BlobTrigger(name = "content", path = "samples-workitems/{name}", dataType = "binary",
            connection = "AzureWebJobsStorage") byte[] content,
                      @BindingName("BlobTrigger") String blobPath, @BindingName("Uri") String uri,
                      @BindingName("Properties") String properties, @BindingName("Metadata") String metadata,
                      ExecutionContext context) {
        azure.blob(content, blobPath, uri, properties, metadata, context);
    }

    @FunctionName("nightly")
    public void nightly(@TimerTrigger(name = "timerInfo", schedule = "0 0 2 * * *") String timerInfo, ExecutionContext context) {
        azure.timer(timerInfo, context);
    }

    @FunctionName("telemetry")
    @ExponentialBackoffRetry(maxRetryCount = 5, minimumInterval = "00:00:02", maximumInterval = "00:05:00")
    public void telemetry(@EventHubTrigger(name = "messages", eventHubName = "telemetry", connection = "EventHubConnection",
            cardinality = Cardinality.MANY, dataType = "string") String[] messages,
                          @BindingName("PartitionContext") String partitionContext,
                          @BindingName("SystemPropertiesArray") String systemProperties,
                          @BindingName("PropertiesArray") String properties, ExecutionContext context) {
        azure.eventHubs(messages, partitionContext, systemProperties, properties, context);
    }

    @FunctionName("courses")
    public void courses(@CosmosDBTrigger(name = "documents", databaseName = "school", containerName = "courses",
            connection = "CosmosDBConnection", leaseContainerName = "leases", createLeaseContainerIfNotExists = true)
                        String documents, ExecutionContext context) {
        azure.cosmosDb("courses", documents, context);
    }
}
