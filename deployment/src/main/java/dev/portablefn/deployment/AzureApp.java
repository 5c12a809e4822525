package dev.portablefn.deployment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The Azure Functions app of an application: {@code host.json} and the Java source of the class with one
 * {@code @FunctionName} method per function, from which azure-functions-maven-plugin writes each function.json.
 *
 * <p>Azure sets what the other providers set per function for the whole host: {@code functionTimeout} is the longest
 * of the functions' timeouts, the timer retry the most retries, {@code http.maxConcurrentRequests} and
 * {@code serviceBus.maxConcurrentCalls} the largest cap among the functions of that trigger. Memory is the plan's,
 * so none is rendered; Service Bus dead-letters into its own sub-queue after the subscription's max delivery count.
 */
final class AzureApp {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AzureApp() {
    }

    static String className(Application app) {
        return Names.pascal(app.name()) + "Functions";
    }

    /** @return host.json's text */
    static String hostJson(Application app) {
        Duration longest = app.functions().stream().map(FunctionSpec::timeout).max(Duration::compareTo).orElseThrow();
        ObjectNode host = JSON.createObjectNode();
        host.put("version", "2.0");
        host.put("functionTimeout", Names.hostDuration(longest));
        ObjectNode bundle = host.putObject("extensionBundle");
        bundle.put("id", "Microsoft.Azure.Functions.ExtensionBundle");
        bundle.put("version", "[4.*, 5.0.0)");
        List<FunctionSpec> events = app.functions().stream().filter(f -> !(f.trigger() instanceof TriggerSpec.Http))
                .toList();
        if (!events.isEmpty()) {
            ObjectNode retry = host.putObject("retry");
            retry.put("strategy", "exponentialBackoff");
            retry.put("maxRetryCount", events.stream().mapToInt(FunctionSpec::retries).max().orElseThrow());
            retry.put("minimumInterval", "00:00:10");
            retry.put("maximumInterval", "00:10:00");
        }
        ObjectNode extensions = host.putObject("extensions");
        ObjectNode http = extensions.putObject("http");
        http.put("routePrefix", "api");
        int httpCap = cap(app, f -> f.trigger() instanceof TriggerSpec.Http);
        if (httpCap > 0) {
            http.put("maxConcurrentRequests", httpCap);
        }
        Predicate<FunctionSpec> serviceBus = f -> f.trigger() instanceof TriggerSpec.Topic
                || f.trigger() instanceof TriggerSpec.Queue;
        if (app.functions().stream().anyMatch(serviceBus)) {
            ObjectNode bus = extensions.putObject("serviceBus");
            int busCap = cap(app, serviceBus);
            if (busCap > 0) {
                bus.put("maxConcurrentCalls", busCap);
            }
            bus.put("autoCompleteMessages", true);
            // The lock outlives the longest run, so a message is not delivered twice while it is being handled.
            bus.put("maxAutoLockRenewalDuration", Names.hostDuration(longest));
            // The Service Bus client's own retries of a transient failure (not the function's: those are deliveries).
            ObjectNode client = bus.putObject("clientRetryOptions");
            client.put("mode", "exponential");
            client.put("tryTimeout", "00:01:00");
            client.put("delay", "00:00:00.80");
            client.put("maxDelay", "00:01:00");
            client.put("maxRetries", 3);
        }
        host.putObject("logging").putObject("logLevel").put("default", "Information");
        try {
            return JSON.writeValueAsString(host) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int cap(Application app, Predicate<FunctionSpec> which) {
        return app.functions().stream().filter(which).mapToInt(FunctionSpec::maxConcurrency).max().orElse(0);
    }

    /** @return the route of an HTTP function on Azure: its one path, or the routes' common prefix and a catch-all */
    static String route(TriggerSpec.Http http) {
        List<HttpRoute> routes = http.routes().stream().map(HttpRoute::parse).toList();
        Set<String> paths = new LinkedHashSet<>();
        routes.forEach(route -> paths.add(route.path()));
        if (paths.size() == 1) {
            return paths.iterator().next().substring(1);
        }
        List<String> common = new ArrayList<>(List.of(routes.get(0).segments()));
        for (HttpRoute route : routes) {
            String[] segments = route.segments();
            int same = 0;
            while (same < common.size() && same < segments.length && common.get(same).equals(segments[same])
                    && !segments[same].startsWith("{")) {
                same++;
            }
            common = common.subList(0, same);
        }
        return common.isEmpty() ? "{*path}" : String.join("/", common) + "/{*path}";
    }

    /** @return the source of the {@code @FunctionName} class */
    static String source(String pkg, Application app, Map<String, Entry> entries) {
        StringBuilder fields = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (FunctionSpec function : app.functions()) {
            String field = Names.camel(function.name()).replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
            fields.append("    private static final AzureFunctions ").append(field).append(" = AzureFunctions.of(")
                    .append(entries.get(function.name()).call()).append(");\n");
            methods.append('\n').append(method(app, function, field));
        }
        return "package " + pkg + ";\n\n"
                + "import com.microsoft.azure.functions.ExecutionContext;\n"
                + "import com.microsoft.azure.functions.HttpMethod;\n"
                + "import com.microsoft.azure.functions.HttpRequestMessage;\n"
                + "import com.microsoft.azure.functions.HttpResponseMessage;\n"
                + "import com.microsoft.azure.functions.annotation.AuthorizationLevel;\n"
                + "import com.microsoft.azure.functions.annotation.BindingName;\n"
                + "import com.microsoft.azure.functions.annotation.EventGridTrigger;\n"
                + "import com.microsoft.azure.functions.annotation.FunctionName;\n"
                + "import com.microsoft.azure.functions.annotation.HttpTrigger;\n"
                + "import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;\n"
                + "import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;\n"
                + "import com.microsoft.azure.functions.annotation.TimerTrigger;\n"
                + "import dev.portablefn.azure.AzureFunctions;\n"
                + "import java.util.Optional;\n\n"
                + "/**\n"
                + " * The application {@code " + app.name() + "} on Azure Functions, rendered by portablefn-deployment from its\n"
                + " * declaration: one annotated method per function, each a one-line delegation to the portable function.\n"
                + " * Timeouts and concurrency are host-wide on Azure ({@code host.json}); memory is the plan's.\n"
                + " */\n"
                + "public final class " + className(app) + " {\n\n"
                + fields
                + methods
                + "}\n";
    }

    private static String method(Application app, FunctionSpec function, String field) {
        String name = Names.camel(function.name());
        String head = "    /** The function {@code " + function.name() + "}. */\n"
                + "    @FunctionName(" + Text.quoted(function.name()) + ")\n";
        String message = "String message,\n"
                + "            @BindingName(\"MessageId\") String messageId,\n"
                + "            @BindingName(\"DeliveryCount\") int deliveryCount,\n"
                + "            @BindingName(\"EnqueuedTimeUtc\") String enqueuedTimeUtc,\n"
                + "            @BindingName(\"ApplicationProperties\") String applicationProperties,\n"
                + "            ExecutionContext context) {\n";
        TriggerSpec trigger = function.trigger();
        if (trigger instanceof TriggerSpec.Http http) {
            Set<String> verbs = new LinkedHashSet<>();
            http.routes().stream().map(HttpRoute::parse).forEach(route -> verbs.add("HttpMethod." + route.method()));
            return head + "    public HttpResponseMessage " + name + "(@HttpTrigger(name = \"request\", methods = {"
                    + String.join(", ", verbs) + "},\n"
                    + "            authLevel = AuthorizationLevel.ANONYMOUS, route = " + Text.quoted(route(http))
                    + ", dataType = \"binary\")\n"
                    + "            HttpRequestMessage<Optional<byte[]>> request, ExecutionContext context) {\n"
                    + "        return " + field + ".http(request, context);\n    }\n";
        }
        if (trigger instanceof TriggerSpec.Topic topic) {
            return head + "    public void " + name + "(@ServiceBusTopicTrigger(name = \"message\", topicName = "
                    + Text.quoted(topic.name()) + ",\n            subscriptionName = " + Text.quoted(function.name())
                    + ", connection = \"ServiceBusConnection\") " + message
                    + "        " + field + ".serviceBusTopic(message, messageId, deliveryCount, enqueuedTimeUtc, "
                    + "applicationProperties, context);\n    }\n";
        }
        if (trigger instanceof TriggerSpec.Queue queue) {
            return head + "    public void " + name + "(@ServiceBusQueueTrigger(name = \"message\", queueName = "
                    + Text.quoted(queue.name()) + ",\n            connection = \"ServiceBusConnection\") " + message
                    + "        " + field + ".serviceBusQueue(message, messageId, deliveryCount, enqueuedTimeUtc, "
                    + "applicationProperties, context);\n    }\n";
        }
        // Event Grid pushes the bucket's (container's) events: the event subscription names the container.
        if (trigger instanceof TriggerSpec.Bucket) {
            return head + "    public void " + name
                    + "(@EventGridTrigger(name = \"event\") String event, ExecutionContext context) {\n"
                    + "        " + field + ".eventGrid(event, context);\n    }\n";
        }
        TriggerSpec.Schedule schedule = (TriggerSpec.Schedule) trigger;
        ScheduleSpec declared = app.schedules().stream().filter(s -> s.name().equals(schedule.name()))
                .findFirst().orElseThrow();
        return head + "    public void " + name + "(@TimerTrigger(name = \"timerInfo\", schedule = "
                + Text.quoted(Cron.azure(declared.cron())) + ") String timerInfo,\n"
                + "            ExecutionContext context) {\n"
                + "        " + field + ".timer(timerInfo, context);\n    }\n";
    }
}
