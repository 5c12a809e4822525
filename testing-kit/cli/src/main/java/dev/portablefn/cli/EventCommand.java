package dev.portablefn.cli;

import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.testing.AwsEvents;
import dev.portablefn.testing.AwsHttpEvents;
import dev.portablefn.testing.AzureEvents;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.GcpEvents;
import dev.portablefn.runtime.json.JacksonCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code portablefn event PROVIDER KIND [OPTIONS]}: prints a provider payload, like {@code sam local generate-event},
 * built by the testing kit's event builders (the same ones tests use), so it is what the adapters decode.
 */
final class EventCommand {

    static final String HELP = """
            Usage: portablefn event PROVIDER KIND [OPTIONS]

            Prints a provider payload to hand to 'invoke' or a deployed function's test console.
              aws    apigw-v2 | apigw-v1 | alb | function-url | sqs | sns | s3 | kinesis
              gcp    http | pubsub | storage      (http prints an HTTP/1.1 request)
              azure  http | queue | event-grid | blob
            Options (each kind reads the ones it needs):
              --method M           HTTP method (GET)            --path P       HTTP path and query (/)
              --header 'N: V'      HTTP header, repeatable      --body TEXT    body or message ("")
              --attribute K=V      message attribute, repeatable (sqs, sns, pubsub)
              --bucket B --key K --size N   storage object (s3, storage, blob)
              --partition-key K    Kinesis partition key (pk)   --type T --subject S   Event Grid event
            Exit status 2 with one line on stderr for an unknown kind or option.
            """;

    private static final List<String> SINGLE = List.of("--method", "--path", "--body", "--bucket", "--key", "--size",
            "--partition-key", "--type", "--subject");

    private final String method;
    private final String path;
    private final String body;
    private final List<String> headers;
    private final Map<String, String> attributes;
    private final Map<String, String> values;

    private EventCommand(Map<String, String> values, List<String> headers, Map<String, String> attributes) {
        this.values = values;
        this.method = values.getOrDefault("--method", "GET");
        this.path = values.getOrDefault("--path", "/");
        this.body = values.getOrDefault("--body", "");
        this.headers = headers;
        this.attributes = attributes;
    }

    /** Runs {@code event} with the arguments after the command name. */
    static int run(String[] args, PrintStream out) {
        if (args.length >= 2 && (args[1].equals("--help") || args[1].equals("-h"))) {
            out.print(HELP);
            return Cli.OK;
        }
        if (args.length < 3 || args[1].startsWith("--") || args[2].startsWith("--")) {
            throw new UsageException("name a provider and a kind, such as 'event aws apigw-v2'; see 'portablefn event --help'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> headers = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("option " + name + " needs a value");
            }
            String value = args[++i];
            if (name.equals("--header")) {
                headers.add(value);
            } else if (name.equals("--attribute")) {
                int equals = value.indexOf('=');
                if (equals <= 0) {
                    throw new UsageException("--attribute takes NAME=VALUE, got '" + value + "'");
                }
                attributes.put(value.substring(0, equals), value.substring(equals + 1));
            } else if (SINGLE.contains(name)) {
                if (values.put(name, value) != null) {
                    throw new UsageException("option " + name + " is given twice");
                }
            } else {
                throw new UsageException("unknown option '" + name + "'; see 'portablefn event --help'");
            }
        }
        byte[] payload = new EventCommand(values, headers, attributes).payload(args[1].toLowerCase(Locale.ROOT),
                args[2].toLowerCase(Locale.ROOT));
        out.write(payload, 0, payload.length);
        out.println();
        out.flush();
        return Cli.OK;
    }

    private byte[] payload(String provider, String kind) {
        return switch (provider + " " + kind) {
            case "aws apigw-v2" -> AwsHttpEvents.apiGatewayV2(http());
            case "aws apigw-v1" -> AwsHttpEvents.apiGatewayV1(http());
            case "aws alb" -> AwsHttpEvents.alb(http());
            case "aws function-url" -> AwsHttpEvents.functionUrl(http());
            case "aws sqs" -> AwsEvents.sqs(List.of(body), attributes);
            case "aws sns" -> AwsEvents.sns(body, attributes);
            case "aws s3" -> AwsEvents.s3(require("--bucket"), require("--key"), size());
            case "aws kinesis" -> AwsEvents.kinesis(values.getOrDefault("--partition-key", "pk"), List.of(body));
            case "gcp http" -> GcpEvents.http(http());
            case "gcp pubsub" -> GcpEvents.pubsub(AwsEvents.messageId(0), body, attributes);
            case "gcp storage" -> GcpEvents.storage(require("--bucket"), require("--key"), size());
            case "azure http" -> AzureEvents.http(http());
            case "azure queue" -> AzureEvents.queue(body);
            case "azure event-grid" -> AzureEvents.eventGrid(values.getOrDefault("--type", "Custom.Event"),
                    values.getOrDefault("--subject", "/"), json(body));
            case "azure blob" -> AzureEvents.blobCreated(require("--bucket"), require("--key"), size());
            default -> throw new UsageException("no event kind '" + kind + "' for provider '" + provider
                    + "'; see 'portablefn event --help'");
        };
    }

    private HttpRequest http() {
        HttpRequest.Builder request = Events.http(method, path);
        for (String header : headers) {
            int colon = header.indexOf(':');
            if (colon <= 0) {
                throw new UsageException("--header takes 'Name: value', got '" + header + "'");
            }
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        if (!body.isEmpty()) {
            if (headers.stream().noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("content-type"))) {
                request.header("Content-Type", body.startsWith("{") || body.startsWith("[") ? "application/json"
                        : "text/plain");
            }
            request.body(body);
        }
        return request.build();
    }

    private String require(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("this kind needs " + name);
        }
        return value;
    }

    private long size() {
        String value = values.getOrDefault("--size", "0");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--size " + value + " is not a number of bytes");
        }
    }

    /** Event Grid carries JSON data; a body that is not JSON goes as a JSON string. */
    private static Object json(String body) {
        if (body.isEmpty()) {
            return Map.of();
        }
        try {
            return JacksonCodec.standard().readTree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException notJson) {
            return body;
        }
    }
}
