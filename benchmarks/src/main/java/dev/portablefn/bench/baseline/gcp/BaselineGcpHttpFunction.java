package dev.portablefn.bench.baseline.gcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.work.Order;
import dev.portablefn.bench.work.Receipt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The hand-written Functions Framework HTTP function the GCP adapter is compared with. */
public final class BaselineGcpHttpFunction implements HttpFunction {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final String FUNCTION_NAME = System.getenv().getOrDefault("K_SERVICE", "function");

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        if (!BaselineMdc.ON) {
            handle(request, response);
            return;
        }
        BaselineMdc.putGcp(request, FUNCTION_NAME);
        try {
            handle(request, response);
        } finally {
            BaselineMdc.clear();
        }
    }


    private static void handle(HttpRequest request, HttpResponse response) throws IOException {
        Order order;
        try (InputStream body = request.getInputStream()) {
            order = MAPPER.readValue(body, Order.class);
        } catch (IOException malformed) {
            response.setStatusCode(400);
            return;
        }
        response.setStatusCode(200);
        response.setContentType("application/json");
        OutputStream out = response.getOutputStream();
        out.write(MAPPER.writeValueAsBytes(Receipt.of(order)));
        out.flush();
    }
}
