package dev.portablefn.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portablefn.api.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the HTTP payloads Lambda receives from each AWS front door, as JSON bytes for a {@code LambdaHandler} or
 * {@link FunctionTester#invoke(byte[])}: API Gateway HTTP APIs (payload format 2.0), REST APIs (payload format 1.0),
 * Application Load Balancers and Function URLs, shaped as AWS documents and records them. Each takes a portable
 * {@link HttpRequest} (method, path or raw path, query, headers, body: text when it is UTF-8, else base64 with
 * {@code isBase64Encoded}), region {@code us-east-1}, times at {@link TestClock#DEFAULT_START}.
 */
public final class AwsHttpEvents {

    private static final Instant TIME = TestClock.DEFAULT_START;
    /** The request time as API Gateway writes it in the request context. */
    private static final String REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
            .format(TIME.atOffset(ZoneOffset.UTC));
    private static final String API_HOST = "abcdef1234.execute-api." + AwsEvents.REGION + ".amazonaws.com";
    private static final String URL_HOST = "abcdefghijklmnopqrstuvwxyz012345.lambda-url." + AwsEvents.REGION + ".on.aws";
    private static final String TARGET_GROUP = "arn:aws:elasticloadbalancing:" + AwsEvents.REGION + ":"
            + AwsEvents.ACCOUNT + ":targetgroup/portablefn-test/0123456789abcdef";

    private AwsHttpEvents() {
    }

    /**
     * @param request the portable request ({@code Cookie} headers go to {@code cookies})
     * @return an API Gateway HTTP API (payload format 2.0) request on route {@code $default}
     */
    public static byte[] apiGatewayV2(HttpRequest request) {
        ObjectNode root = payloadV2(request, API_HOST);
        root.put("routeKey", "$default");
        return RawJson.bytes(root);
    }

    /**
     * A Lambda Function URL request: payload format 2.0 without a route key, on the function's {@code lambda-url}
     * host, which is how the adapter tells it from an HTTP API request.
     *
     * @param request the portable request ({@code Cookie} headers go to {@code cookies})
     * @return the Function URL request
     */
    public static byte[] functionUrl(HttpRequest request) {
        return RawJson.bytes(payloadV2(request, URL_HOST));
    }

    /**
     * An API Gateway REST API proxy request (payload format 1.0) on resource {@code /{proxy+}}, stage {@code test}:
     * the path as API Gateway sends it (decoded), headers and query both single- and multi-valued.
     *
     * @param request the portable request
     * @return the REST API request
     */
    public static byte[] apiGatewayV1(HttpRequest request) {
        ObjectNode root = payloadV1(request, false);
        root.put("resource", "/{proxy+}");
        root.putObject("pathParameters").put("proxy", request.path().startsWith("/") ? request.path().substring(1)
                : request.path());
        root.putNull("stageVariables");
        ObjectNode context = root.putObject("requestContext");
        context.put("accountId", AwsEvents.ACCOUNT);
        context.put("apiId", "abcdef1234");
        context.put("domainName", API_HOST);
        context.put("httpMethod", request.method());
        context.put("path", "/test" + request.path());
        context.put("protocol", "HTTP/1.1");
        context.put("requestId", requestId(request));
        context.put("requestTime", REQUEST_TIME);
        context.put("requestTimeEpoch", TIME.toEpochMilli());
        context.put("resourcePath", "/{proxy+}");
        context.put("stage", "test");
        context.putObject("identity").put("sourceIp", "192.0.2.1")
                .put("userAgent", request.header("user-agent").orElse("portablefn-testing"));
        return RawJson.bytes(root);
    }

    /**
     * An Application Load Balancer request to a Lambda target group with multi-value headers on: the path and the
     * query exactly as the client sent them, percent-encoded, as ALB passes them.
     *
     * @param request the portable request
     * @return the ALB request
     */
    public static byte[] alb(HttpRequest request) {
        ObjectNode root = payloadV1(request, true);
        root.putObject("requestContext").putObject("elb").put("targetGroupArn", TARGET_GROUP);
        return RawJson.bytes(root);
    }

    /** Method, path, headers (single- and multi-valued), query and body of payload format 1.0 and ALB. */
    private static ObjectNode payloadV1(HttpRequest request, boolean encoded) {
        ObjectNode root = RawJson.object();
        root.put("httpMethod", request.method());
        root.put("path", encoded ? rawPath(request) : request.path());
        ObjectNode headers = root.putObject("headers");
        ObjectNode multiHeaders = root.putObject("multiValueHeaders");
        request.headers().asMap().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            headers.put(lower, values.get(values.size() - 1));
            ArrayNode all = multiHeaders.putArray(lower);
            values.forEach(all::add);
        });
        Map<String, List<String>> query = request.query().asMap();
        if (query.isEmpty()) {
            root.putNull("queryStringParameters");
            root.putNull("multiValueQueryStringParameters");
        } else {
            ObjectNode single = root.putObject("queryStringParameters");
            ObjectNode multi = root.putObject("multiValueQueryStringParameters");
            query.forEach((name, values) -> {
                String key = encoded ? encode(name) : name;
                single.put(key, encoded ? encode(values.get(values.size() - 1)) : values.get(values.size() - 1));
                ArrayNode all = multi.putArray(key);
                values.forEach(value -> all.add(encoded ? encode(value) : value));
            });
        }
        body(root, request, true);
        return root;
    }

    /** The fields payload format 2.0 shares between HTTP APIs and Function URLs. */
    private static ObjectNode payloadV2(HttpRequest request, String host) {
        ObjectNode root = RawJson.object();
        root.put("version", "2.0");
        String rawPath = rawPath(request);
        root.put("rawPath", rawPath);
        StringBuilder query = new StringBuilder();
        ObjectNode parameters = RawJson.object();
        request.query().asMap().forEach((name, values) -> {
            for (String value : values) {
                query.append(query.length() == 0 ? "" : "&").append(encode(name)).append('=').append(encode(value));
            }
            parameters.put(name, String.join(",", values));
        });
        root.put("rawQueryString", query.toString());
        List<String> cookies = request.headers().all("cookie");
        if (!cookies.isEmpty()) {
            ArrayNode array = root.putArray("cookies");
            for (String header : cookies) {
                for (String cookie : header.split(";")) {
                    if (!cookie.isBlank()) {
                        array.add(cookie.trim());
                    }
                }
            }
        }
        ObjectNode headers = root.putObject("headers");
        request.headers().asMap().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("cookie")) {
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
            }
        });
        if (!headers.has("host")) {
            headers.put("host", host);
        }
        if (!parameters.isEmpty()) {
            root.set("queryStringParameters", parameters);
        }
        ObjectNode context = root.putObject("requestContext");
        context.put("accountId", AwsEvents.ACCOUNT);
        context.put("domainName", host);
        String prefix = host.substring(0, host.indexOf('.'));
        context.put("apiId", prefix);   // an HTTP API's id and a Function URL's id are their host's first label
        context.put("domainPrefix", prefix);
        ObjectNode http = context.putObject("http");
        http.put("method", request.method());
        http.put("path", rawPath);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", "192.0.2.1");
        http.put("userAgent", request.header("user-agent").orElse("portablefn-testing"));
        context.put("requestId", requestId(request));
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME);
        context.put("timeEpoch", TIME.toEpochMilli());
        body(root, request, false);
        return root;
    }

    /** Payload format 1.0 and ALB send {@code "body": null} for no body; format 2.0 leaves it out. */
    private static void body(ObjectNode root, HttpRequest request, boolean nullWhenEmpty) {
        byte[] body = request.body();
        Optional<String> text = RawJson.utf8(body);
        if (body.length > 0) {
            root.put("body", text.orElseGet(() -> Base64.getEncoder().encodeToString(body)));
        } else if (nullWhenEmpty) {
            root.putNull("body");
        }
        root.put("isBase64Encoded", body.length > 0 && text.isEmpty());
    }

    private static String requestId(HttpRequest request) {
        return "test-request-" + Integer.toHexString(rawPath(request).hashCode() & 0xfffff);
    }

    /**
     * The path as a client sends it: the request's raw path when it was given one of its own, else its path with each
     * segment percent-encoded.
     */
    static String rawPath(HttpRequest request) {
        String raw = request.rawPath();
        if (raw != null && !raw.isEmpty() && !raw.equals(request.path())) {
            return raw;
        }
        StringBuilder out = new StringBuilder();
        for (String segment : request.path().split("/", -1)) {
            if (out.length() > 0 || request.path().startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment).replace("+", "%20"));
        }
        String path = out.toString().replace("//", "/");
        return path.isEmpty() ? "/" : path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
