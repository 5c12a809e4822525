package dev.portablefn.bench.baseline.azure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.OrderBook;
import dev.portablefn.bench.work.Receipt;
import java.util.Optional;

/** The hand-written Azure Functions methods (HTTP trigger and Queue Storage trigger) the Azure adapter is compared with. */
public final class BaselineAzureFunctions {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final OrderBook book;

    /** @param book where queue orders are recorded */
    public BaselineAzureFunctions(OrderBook book) {
        this.book = book;
    }

    /**
     * @param request the HTTP trigger request
     * @param context the invocation context
     * @return the receipt as JSON, or 400
     */
    public HttpResponseMessage http(HttpRequestMessage<Optional<String>> request, ExecutionContext context) {
        if (!BaselineMdc.ON) {
            return handle(request);
        }
        com.microsoft.azure.functions.TraceContext trace = context.getTraceContext();
        BaselineMdc.putTraceparent(context.getInvocationId(), trace == null ? null : trace.getTraceparent(),
                context.getFunctionName(), "AZURE");
        try {
            return handle(request);
        } finally {
            BaselineMdc.clear();
        }
    }

    private static HttpResponseMessage handle(HttpRequestMessage<Optional<String>> request) {
        try {
            Order order = MAPPER.readValue(request.getBody().orElse(""), Order.class);
            return request.createResponseBuilder(HttpStatus.OK)
                    .header("Content-Type", "application/json")
                    .body(MAPPER.writeValueAsBytes(Receipt.of(order)))
                    .build();
        } catch (JsonProcessingException malformed) {
            return request.createResponseBuilder(HttpStatus.BAD_REQUEST).build();
        }
    }

    /**
     * @param message the queue message text
     * @param context the invocation context
     * @throws JsonProcessingException when the message is not an order, so the host retries and poisons it
     */
    public void queue(String message, ExecutionContext context) throws JsonProcessingException {
        book.record(MAPPER.readValue(message, Order.class));
    }
}
