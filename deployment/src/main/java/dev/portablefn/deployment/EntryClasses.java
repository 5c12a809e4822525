package dev.portablefn.deployment;

import java.util.Map;

/**
 * The Java source of the entry classes AWS and GCP name: one class per function that hands the function its entry
 * factory returns to the provider's adapter. Generated, so the descriptor and the classes it names cannot drift.
 */
final class EntryClasses {

    private EntryClasses() {
    }

    static String awsClass(FunctionSpec function) {
        return Names.pascal(function.name()) + "Handler";
    }

    static String gcpClass(FunctionSpec function) {
        return Names.pascal(function.name()) + "Function";
    }

    /** @return the source of {@code <Name>Handler extends LambdaHandler} */
    static String aws(String pkg, FunctionSpec function, Entry entry) {
        String name = awsClass(function);
        return "package " + pkg + ";\n\n"
                + "/**\n"
                + " * AWS Lambda entry of the function {@code " + function.name() + "} ({@code " + name
                + "::handleRequest}), rendered by\n"
                + " * portablefn-deployment from the application's declaration.\n"
                + " */\n"
                + "public final class " + name + " extends dev.portablefn.aws.LambdaHandler {\n\n"
                + "    /** Called by Lambda once per container. */\n"
                + "    public " + name + "() {\n"
                + "        super(" + entry.call() + ");\n"
                + "    }\n"
                + "}\n";
    }

    /**
     * @return the source of {@code <Name>Function}: a {@code GcpHttpFunction} for HTTP, else a
     *         {@code GcpCloudEventFunction}; a schedule's turns each Pub/Sub message from Cloud Scheduler into a tick
     */
    static String gcp(String pkg, FunctionSpec function, Entry entry) {
        String name = gcpClass(function);
        boolean http = function.trigger() instanceof TriggerSpec.Http;
        String base = http ? "dev.portablefn.gcp.GcpHttpFunction" : "dev.portablefn.gcp.GcpCloudEventFunction";
        StringBuilder source = new StringBuilder("package " + pkg + ";\n\n"
                + "/**\n"
                + " * Cloud Functions entry point of the function {@code " + function.name() + "} ({@code --entry-point="
                + pkg + "." + name + "}),\n"
                + " * rendered by portablefn-deployment from the application's declaration.\n"
                + " */\n"
                + "public final class " + name + " extends " + base + " {\n\n"
                + "    /** Called by the Functions Framework once per instance. */\n"
                + "    public " + name + "() {\n");
        if (function.trigger() instanceof TriggerSpec.Schedule schedule) {
            source.append("        super(dev.portablefn.api.PortableFunction.event(Object.class, new Ticks(")
                    .append(entry.call()).append(", ").append(Text.quoted(schedule.name())).append(")));\n")
                    .append("    }\n\n")
                    .append(TICKS);
        } else {
            source.append("        super(").append(entry.call()).append(");\n").append("    }\n");
        }
        return source.append("}\n").toString();
    }

    /** The schedule's route on GCP is a Pub/Sub topic: a message becomes a tick at its publish time. */
    private static final String TICKS = """
                /**
                 * Cloud Scheduler publishes to the schedule's Pub/Sub topic: each message becomes a tick at the message's
                 * publish time, named after the schedule. Ticks the adapter already decoded pass through.
                 */
                private static final class Ticks implements dev.portablefn.api.EventFunction<Object> {

                    private final dev.portablefn.api.EventFunction<dev.portablefn.api.event.ScheduleTick> schedule;
                    private final String scheduleName;

                    Ticks(dev.portablefn.api.EventFunction<dev.portablefn.api.event.ScheduleTick> schedule, String scheduleName) {
                        this.schedule = schedule;
                        this.scheduleName = scheduleName;
                    }

                    @Override
                    public void handle(dev.portablefn.api.Event<Object> event, dev.portablefn.api.Context context) throws Exception {
                        dev.portablefn.api.event.ScheduleTick tick = event.data() instanceof dev.portablefn.api.event.ScheduleTick given
                                ? given
                                : new dev.portablefn.api.event.ScheduleTick(event.time().orElse(context.clock().instant()), scheduleName);
                        schedule.handle(event.toBuilder().trigger(dev.portablefn.api.Trigger.SCHEDULE).build().withData(tick), context);
                    }
                }
            """;

    /** @return each file's path relative to the source root, and its text */
    static Map<String, String> files(String pkg, Map<String, String> classes) {
        Map<String, String> files = new java.util.LinkedHashMap<>();
        classes.forEach((name, source) -> files.put(pkg.replace('.', '/') + "/" + name + ".java", source));
        return files;
    }
}
