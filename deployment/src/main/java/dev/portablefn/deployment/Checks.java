package dev.portablefn.deployment;

import dev.portablefn.api.EventFunction;
import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.Provider;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses what a provider cannot honour, or what contradicts the rest of the declaration, each time with a
 * {@link DeclarationException} naming the field. What passes is rendered as declared (the documented exceptions on
 * {@link FunctionSpec#withRetries(int)} aside).
 */
final class Checks {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Pattern SETTING = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DAY_NUMBER = Pattern.compile(".*\\d.*");
    /** Cloud Functions (2nd gen) accepts these {@code --memory} values, in MB. */
    static final List<Integer> GCP_MEMORY_MB = List.of(128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768);
    static final Duration AWS_MAX_TIMEOUT = Duration.ofMinutes(15);
    static final Duration GCP_MAX_HTTP_TIMEOUT = Duration.ofMinutes(60);
    static final Duration GCP_MAX_EVENT_TIMEOUT = Duration.ofMinutes(9);
    static final Duration AZURE_MAX_TIMEOUT = Duration.ofMinutes(10);

    private Checks() {
    }

    /**
     * @return each function's checked entry, by function name, in declaration order
     * @throws DeclarationException at the first field at fault
     */
    static Map<String, Entry> check(Application app, Provider provider, ClassLoader loader) {
        name("name", app.name());
        unique("topics", app.topics());
        unique("queues", app.queues());
        unique("buckets", app.buckets());
        app.scopedBuckets().forEach(bucket -> declared("scopedBuckets", bucket, app.buckets(), "bucket"));
        unique("deadLetterQueues", app.deadLetterQueues());
        unique("schedules", app.schedules().stream().map(ScheduleSpec::name).toList());
        app.environment().keySet().forEach(setting -> setting("environment", setting));
        app.schedules().forEach(schedule -> schedule(schedule, provider));
        Set<String> names = new HashSet<>();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (FunctionSpec function : app.functions()) {
            String field = "functions[" + function.name() + "]";
            name(field + ".name", function.name());
            if (!names.add(function.name())) {
                throw new DeclarationException(field, "a second function of this name: names are unique");
            }
            Entry entry = Entry.resolve(field + ".entry", function.entry(), loader);
            trigger(app, function, field, entry, provider);
            limits(function, field, provider);
            references(app, function, field);
            entries.put(function.name(), entry);
        }
        if (entries.isEmpty()) {
            throw new DeclarationException("functions", "none: declare at least one");
        }
        return entries;
    }

    private static void trigger(Application app, FunctionSpec function, String field, Entry entry, Provider provider) {
        TriggerSpec trigger = function.trigger();
        if (trigger == null) {
            throw new DeclarationException(field + ".trigger", "missing: give TriggerSpec.http, topic, queue, bucket "
                    + "or schedule");
        }
        String at = field + ".trigger." + trigger.kind();
        if (trigger instanceof TriggerSpec.Http http) {
            if (http.routes().isEmpty()) {
                throw new DeclarationException(field + ".trigger.routes", "none: give at least one \"METHOD /path\"");
            }
            for (int i = 0; i < http.routes().size(); i++) {
                try {
                    HttpRoute.parse(http.routes().get(i));
                } catch (IllegalArgumentException e) {
                    throw new DeclarationException(field + ".trigger.routes[" + i + "]", e.getMessage());
                }
            }
            if (!entry.returns(HttpFunction.class) && !entry.returns(PortableFunction.class)) {
                throw new DeclarationException(field + ".entry", entry.className() + "#" + entry.method()
                        + " returns " + entry.returnType().getSimpleName() + ": an HTTP trigger needs an HttpFunction");
            }
        } else if (trigger instanceof TriggerSpec.Topic topic) {
            declared(at, topic.name(), app.topics(), "topic");
        } else if (trigger instanceof TriggerSpec.Queue queue) {
            declared(at, queue.name(), app.queues(), "queue");
        } else if (trigger instanceof TriggerSpec.Bucket bucket) {
            declared(at, bucket.name(), app.buckets(), "bucket");
        } else if (trigger instanceof TriggerSpec.Schedule schedule) {
            declared(at, schedule.name(), app.schedules().stream().map(ScheduleSpec::name).toList(), "schedule");
            // GCP's schedule arrives as a Pub/Sub message, which the generated entry turns into the tick.
            if (provider == Provider.GCP && !entry.returns(EventFunction.class)) {
                throw new DeclarationException(field + ".entry", entry.className() + "#" + entry.method()
                        + " returns " + entry.returnType().getSimpleName() + ": on GCP a schedule needs an "
                        + "EventFunction<ScheduleTick>, which the entry class feeds the Pub/Sub message as a tick");
            }
        }
        if (!(trigger instanceof TriggerSpec.Http) && entry.returns(HttpFunction.class)) {
            throw new DeclarationException(field + ".entry", entry.className() + "#" + entry.method()
                    + " returns an HttpFunction, which a " + trigger.kind() + " trigger cannot invoke");
        }
    }

    private static void limits(FunctionSpec function, String field, Provider provider) {
        int memory = function.memoryMb();
        Duration timeout = function.timeout();
        if (timeout.isNegative() || timeout.toSeconds() < 1 || timeout.toNanos() % 1_000_000_000L != 0) {
            throw new DeclarationException(field + ".timeout", Names.human(timeout)
                    + " is not a whole number of seconds, at least 1");
        }
        if (function.maxConcurrency() < 0) {
            throw new DeclarationException(field + ".maxConcurrency", function.maxConcurrency()
                    + " is negative: give 0 for no cap");
        }
        if (function.retries() < 0 || function.retries() > 99) {
            throw new DeclarationException(field + ".retries", function.retries()
                    + " is outside 0 to 99 (Pub/Sub dead-letters after at most 100 attempts)");
        }
        boolean http = function.trigger() instanceof TriggerSpec.Http;
        switch (provider) {
            case AWS -> {
                if (memory < 128 || memory > 10_240) {
                    throw new DeclarationException(field + ".memoryMb", memory + " MB is outside Lambda's 128 to 10,240 MB");
                }
                atMost(field, timeout, AWS_MAX_TIMEOUT, "Lambda's");
            }
            case GCP -> {
                if (!GCP_MEMORY_MB.contains(memory)) {
                    throw new DeclarationException(field + ".memoryMb", memory + " MB is not a Cloud Functions memory "
                            + "size: use one of " + GCP_MEMORY_MB);
                }
                atMost(field, timeout, http ? GCP_MAX_HTTP_TIMEOUT : GCP_MAX_EVENT_TIMEOUT, "GCP's",
                        http ? "HTTP functions" : "event functions");
            }
            case AZURE -> atMost(field, timeout, AZURE_MAX_TIMEOUT, "Azure's Consumption plan's");
            default -> throw new IllegalArgumentException("no deployment to render for " + provider);
        }
    }

    private static void atMost(String field, Duration timeout, Duration max, String whose) {
        if (timeout.compareTo(max) > 0) {
            throw new DeclarationException(field + ".timeout", Names.human(timeout) + " exceeds " + whose + " "
                    + Names.human(max));
        }
    }

    private static void atMost(String field, Duration timeout, Duration max, String whose, String which) {
        if (timeout.compareTo(max) > 0) {
            throw new DeclarationException(field + ".timeout", Names.human(timeout) + " exceeds " + whose + " "
                    + Names.human(max) + " for " + which);
        }
    }

    private static void references(Application app, FunctionSpec function, String field) {
        function.deadLetter().ifPresent(queue ->
                declared(field + ".deadLetter", queue, app.deadLetterQueues(), "dead-letter queue"));
        if (function.deadLetter().isPresent() && function.trigger() instanceof TriggerSpec.Http) {
            throw new DeclarationException(field + ".deadLetter", "an HTTP function's caller gets its failure: there is "
                    + "no event to keep; remove it");
        }
        for (String destination : function.publishesTo()) {
            if (!app.topics().contains(destination) && !app.queues().contains(destination)) {
                throw new DeclarationException(field + ".publishesTo", "'" + destination
                        + "' is not a topic or queue the application declares (topics " + app.topics() + ", queues "
                        + app.queues() + ")");
            }
        }
        function.reads().forEach(bucket -> declared(field + ".reads", bucket, app.buckets(), "bucket"));
        function.environment().keySet().forEach(setting -> setting(field + ".environment", setting));
    }

    private static void schedule(ScheduleSpec schedule, Provider provider) {
        String field = "schedules[" + schedule.name() + "]";
        name(field + ".name", schedule.name());
        String[] parts = schedule.cron().strip().split("\\s+");
        if (parts.length != 5) {
            throw new DeclarationException(field + ".cron", "'" + schedule.cron() + "' is not five-field cron "
                    + "(minute hour day-of-month month day-of-week, e.g. \"0 2 * * *\")");
        }
        // Providers number the days of the week differently (AWS: 1 is Sunday, Unix: 0 is): names mean the same.
        if (DAY_NUMBER.matcher(parts[4]).matches()) {
            throw new DeclarationException(field + ".cron", "day of week '" + parts[4] + "' is a number, which the "
                    + "providers read differently: use names (MON-FRI)");
        }
        if (!parts[2].equals("*") && !parts[4].equals("*")) {
            throw new DeclarationException(field + ".cron", "both a day of month and a day of week: AWS accepts one");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(schedule.zone());
        } catch (DateTimeException e) {
            throw new DeclarationException(field + ".zone", "'" + schedule.zone() + "' is not an IANA time zone");
        }
        if (provider == Provider.AZURE && !zone.getRules().equals(ZoneOffset.UTC.getRules())) {
            throw new DeclarationException(field + ".zone", schedule.zone() + ": Azure's timers on Linux run in UTC "
                    + "only; give the cron in UTC");
        }
    }

    private static void declared(String field, String name, List<String> declared, String kind) {
        if (!declared.contains(name)) {
            throw new DeclarationException(field, "'" + name + "' is not a " + kind + " the application declares "
                    + declared);
        }
    }

    private static void name(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new DeclarationException(field, "'" + name + "' is not a name every provider accepts: lower case "
                    + "letters, digits and '-', starting with a letter, at most 63");
        }
    }

    private static void setting(String field, String setting) {
        if (!SETTING.matcher(setting).matches()) {
            throw new DeclarationException(field, "'" + setting + "' is not an environment variable name");
        }
    }

    private static void unique(String field, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw new DeclarationException(field, "'" + name + "' is declared twice");
            }
            if (!field.equals("deadLetterQueues") && !field.equals("schedules")) {
                name(field + "[" + name + "]", name);
            }
        }
    }
}
