package ${package}.azure;

import ${package}.OrderApi;
import ${package}.OrderPlaced;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import dev.portablefn.azure.AzureFunctions;
import java.util.Optional;

/** The Azure Functions entry class: each method hands its binding to a portable function in one line. */
public class Functions {

    private static final AzureFunctions ORDER_API = AzureFunctions.of(new OrderApi());
    private static final AzureFunctions ORDER_PLACED = AzureFunctions.of(OrderPlaced.create());

    /** HTTP: {@code /api/orders} and {@code /api/orders/{id}}. */
    @FunctionName("orderApi")
    public HttpResponseMessage orderApi(@HttpTrigger(name = "request", methods = {HttpMethod.GET, HttpMethod.POST},
            authLevel = AuthorizationLevel.FUNCTION, route = "orders/{*rest}", dataType = "binary")
                                        HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {
        return ORDER_API.http(request, context);
    }

    /** Queue Storage: retried up to host.json's maxDequeueCount, then in {@code orders-poison}. */
    @FunctionName("orderPlaced")
    public void orderPlaced(@QueueTrigger(name = "message", queueName = "orders", connection = "AzureWebJobsStorage")
                            String message, @BindingName("Id") String id, @BindingName("DequeueCount") long dequeueCount,
                            @BindingName("InsertionTime") String insertionTime, ExecutionContext context) {
        ORDER_PLACED.queue(message, id, dequeueCount, insertionTime, context);
    }
}
