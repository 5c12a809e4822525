package dev.portablefn.examples.minimalazure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.ExponentialBackoffRetry;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.portablefn.azure.AzureFunctions;
import java.util.Optional;

/**
 * The Azure entry class: Azure's tooling reads these annotations to write each {@code function.json},
 * and every method hands its input to a portable function in one line.
 */
public class Functions {

    private static final AzureFunctions GREETING = AzureFunctions.of(new Greeting());
    private static final AzureFunctions AUDIT = AzureFunctions.of(new Audit());

    /** HTTP: {@code GET /api/greeting?name=Ada}. */
    @FunctionName("greeting")
    public HttpResponseMessage greeting(@HttpTrigger(name = "request", methods = {HttpMethod.GET, HttpMethod.POST},
            authLevel = AuthorizationLevel.ANONYMOUS, route = "greeting", dataType = "binary")
                                        HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return GREETING.http(request, context);
    }

    /** Queue Storage: a failure is retried up to host.json's maxDequeueCount, then lands in {@code audit-poison}. */
    @FunctionName("auditQueue")
    public void auditQueue(@QueueTrigger(name = "message", queueName = "audit", connection = "AzureWebJobsStorage") String message,
                           @BindingName("Id") String id, @BindingName("DequeueCount") long dequeueCount,
                           @BindingName("InsertionTime") String insertionTime, ExecutionContext context) {
        AUDIT.queue(message, id, dequeueCount, insertionTime, context);
    }

    /** Timer: every five minutes. */
    @FunctionName("auditTimer")
    public void auditTimer(@TimerTrigger(name = "timerInfo", schedule = "0 */5 * * * *") String timerInfo,
                           ExecutionContext context) {
        AUDIT.timer(timerInfo, context);
    }

    /** Event Hubs batch, in partition order; the retry policy re-runs a failed batch from its checkpoint. */
    @FunctionName("auditTelemetry")
    @ExponentialBackoffRetry(maxRetryCount = 5, minimumInterval = "00:00:02", maximumInterval = "00:05:00")
    public void auditTelemetry(@EventHubTrigger(name = "messages", eventHubName = "telemetry", connection = "EventHubConnection",
            cardinality = Cardinality.MANY, dataType = "string") String[] messages,
                               @BindingName("PartitionContext") String partitionContext,
                               @BindingName("SystemPropertiesArray") String systemProperties,
                               @BindingName("PropertiesArray") String properties, ExecutionContext context) {
        AUDIT.eventHubs(messages, partitionContext, systemProperties, properties, context);
    }
}
