package dev.portablefn.bench.baseline.gcp;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpFunction;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import dev.portablefn.bench.baseline.BaselineMdc;
import dev.portablefn.bench.baseline.BaselineProblem;
import dev.portablefn.bench.baseline.BaselineRoute;
import dev.portablefn.bench.baseline.BaselineValidation;
import dev.portablefn.bench.realistic.work.NewOrder;
import dev.portablefn.bench.realistic.work.OrderDesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The hand-written Functions Framework HTTP function the realistic GCP benchmark compares the adapter with:
 * {@code POST /orders/{customerId}} routed by hand, the body streamed into Jackson and validated with Hibernate
 * Validator, the MDC filled from the invoker's header map (read once) and cleared after.
 */
public final class RealisticBaselineGcpHttpFunction implements HttpFunction {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final OrderDesk desk;
    private final String functionName;

    /**
     * @param desk        takes the orders
     * @param defaultName the function name to log when the platform sets none ({@code K_SERVICE}, {@code FUNCTION_TARGET})
     */
    public RealisticBaselineGcpHttpFunction(OrderDesk desk, String defaultName) {
        this.desk = desk;
        this.functionName = functionName(defaultName);
    }

    /** Cloud Run functions set K_SERVICE; gen1 sets FUNCTION_TARGET (and the older FUNCTION_NAME). */
    static String functionName(String defaultName) {
        for (String variable : new String[] {"K_SERVICE", "FUNCTION_TARGET", "FUNCTION_NAME"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return defaultName;
    }

    @Override
    public void service(HttpRequest request, HttpResponse response) throws IOException {
        BaselineMdc.putGcp(request, functionName);
        try {
            handle(request, response);
        } finally {
            BaselineMdc.clear();
        }
    }


    private void handle(HttpRequest request, HttpResponse response) throws IOException {
        String path = request.getPath();
        String customerId = BaselineRoute.customerId(path);
        if (customerId == null) {
            write(response, BaselineProblem.notFound(path));
            return;
        }
        String method = request.getMethod();
        if (!method.equals(BaselineRoute.METHOD)) {
            response.appendHeader("Allow", BaselineRoute.ALLOWED);
            write(response, BaselineProblem.methodNotAllowed(method, path, BaselineRoute.ALLOWED));
            return;
        }
        NewOrder order;
        try (InputStream body = request.getInputStream()) {
            order = MAPPER.readValue(body, NewOrder.class);
        } catch (IOException malformed) {
            order = null;
        }
        if (order == null) {
            write(response, BaselineProblem.badRequest("request body is not a valid NewOrder", List.of()));
            return;
        }
        BaselineProblem invalid = BaselineValidation.problemWith(order, "request body");
        if (invalid != null) {
            write(response, invalid);
            return;
        }
        write(response, 200, "application/json", MAPPER.writeValueAsBytes(desk.accept(customerId, order)));
    }

    private static void write(HttpResponse response, BaselineProblem problem) throws IOException {
        write(response, problem.status(), BaselineProblem.MEDIA_TYPE, MAPPER.writeValueAsBytes(problem));
    }

    private static void write(HttpResponse response, int status, String contentType, byte[] body) throws IOException {
        response.setStatusCode(status);
        response.setContentType(contentType);
        OutputStream out = response.getOutputStream();
        out.write(body);
        out.flush();
    }
}
