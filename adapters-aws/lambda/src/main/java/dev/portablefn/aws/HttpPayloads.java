package dev.portablefn.aws;

import static dev.portablefn.runtime.internal.json.JsonFields.base64;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalArray;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalBoolean;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalObject;
import static dev.portablefn.runtime.internal.json.JsonFields.optionalText;
import static dev.portablefn.runtime.internal.json.JsonFields.requiredObject;
import static dev.portablefn.runtime.internal.json.JsonFields.requiredText;
import static dev.portablefn.runtime.internal.json.JsonFields.stringMap;
import static dev.portablefn.runtime.internal.json.JsonFields.wrongType;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portablefn.api.EventDecodingException;
import dev.portablefn.api.http.HttpRequest;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.api.http.HttpStatus;
import dev.portablefn.runtime.internal.http.UrlDecoding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * API Gateway (REST and HTTP API, payload 1.0 and 2.0), Function URL and ALB requests and responses.
 * Each source gets its response back in its own shape: payload 1.0 and ALB with {@code headers} or
 * {@code multiValueHeaders} as the request used, payload 2.0 with a {@code cookies} array and
 * comma-joined headers, and binary bodies base64-encoded everywhere.
 */
final class HttpPayloads {

    private HttpPayloads() {
    }

    /** Payload 1.0 (REST API proxy, HTTP API 1.0) and ALB. */
    static AwsPayload decodeV1(JsonNode root, AwsSource source) {
        boolean multi = root.hasNonNull("multiValueHeaders");
        String where = source == AwsSource.ALB ? "ALB request" : "API Gateway request";
        try {
            HttpRequest.Builder request = HttpRequest.builder()
                    .method(requiredText(root, "httpMethod", where))
                    .nativeRequest(root);
            String path = optionalText(root, "path", where);
            if (source == AwsSource.ALB) {
                // ALB passes the path and query exactly as the client sent them, still percent-encoded.
                request.path(UrlDecoding.decodePath(path)).rawPath(path);
            } else {
                request.path(path);
            }
            if (multi) {
                multiValues(root, "multiValueHeaders", where, request::header);
            } else {
                stringMap(root, "headers", where).forEach(request::header);
            }
            boolean albEncoded = source == AwsSource.ALB;
            if (root.hasNonNull("multiValueQueryStringParameters")) {
                multiValues(root, "multiValueQueryStringParameters", where,
                        (name, value) -> request.queryParameter(query(name, albEncoded), query(value, albEncoded)));
            } else {
                stringMap(root, "queryStringParameters", where)
                        .forEach((name, value) -> request.queryParameter(query(name, albEncoded), query(value, albEncoded)));
            }
            request.pathParameters(stringMap(root, "pathParameters", where));
            JsonNode context = optionalObject(root, "requestContext", where);
            JsonNode identity = context == null ? null : optionalObject(context, "identity", where + " requestContext");
            if (identity != null) {
                request.remoteAddress(optionalText(identity, "sourceIp", where + " requestContext.identity"));
            }
            request.body(body(root, where));
            return AwsPayload.http(source, request.build(), multi);
        } catch (EventDecodingException malformed) {
            return AwsPayload.malformedHttp(source, malformed, multi);
        }
    }

    /** Payload 2.0: HTTP API and Function URLs. */
    static AwsPayload decodeV2(JsonNode root, AwsSource source) {
        String where = source == AwsSource.FUNCTION_URL ? "Function URL request" : "HTTP API request";
        try {
            JsonNode context = requiredObject(root, "requestContext", where);
            JsonNode http = requiredObject(context, "http", where + " requestContext");
            String rawPath = optionalText(root, "rawPath", where);
            if (rawPath == null) {
                rawPath = optionalText(http, "path", where + " requestContext.http");
            }
            HttpRequest.Builder request = HttpRequest.builder()
                    .method(requiredText(http, "method", where + " requestContext.http"))
                    .path(UrlDecoding.decodePath(rawPath))
                    .rawPath(rawPath)
                    .remoteAddress(optionalText(http, "sourceIp", where + " requestContext.http"))
                    .nativeRequest(root);
            // Payload 2.0 joins repeated headers with commas; they cannot be split back safely (dates contain commas).
            stringMap(root, "headers", where).forEach(request::header);
            JsonNode cookies = optionalArray(root, "cookies", where);
            if (cookies != null && !cookies.isEmpty()) {
                StringBuilder cookieHeader = new StringBuilder();
                for (int i = 0; i < cookies.size(); i++) {
                    JsonNode cookie = cookies.get(i);
                    if (!cookie.isTextual()) {
                        throw wrongType("cookies[" + i + "]", where, "a string", cookie);
                    }
                    cookieHeader.append(cookieHeader.length() == 0 ? "" : "; ").append(cookie.textValue());
                }
                request.header("Cookie", cookieHeader.toString());
            }
            String rawQuery = optionalText(root, "rawQueryString", where);
            if (rawQuery != null) {
                request.query(UrlDecoding.parseQuery(rawQuery));
            } else {
                stringMap(root, "queryStringParameters", where).forEach(request::queryParameter);
            }
            request.pathParameters(stringMap(root, "pathParameters", where));
            request.body(body(root, where));
            return AwsPayload.http(source, request.build(), false);
        } catch (EventDecodingException malformed) {
            return AwsPayload.malformedHttp(source, malformed, false);
        }
    }

    private static String query(String value, boolean encoded) {
        return encoded ? UrlDecoding.decodeForm(value) : value;
    }

    private static byte[] body(JsonNode root, String where) {
        String body = optionalText(root, "body", where);
        if (body == null) {
            return null;
        }
        boolean encoded = Boolean.TRUE.equals(optionalBoolean(root, "isBase64Encoded", where));
        return encoded ? base64(body, "body", where) : body.getBytes(StandardCharsets.UTF_8);
    }

    private static void multiValues(JsonNode root, String field, String where,
                                    java.util.function.BiConsumer<String, String> sink) {
        JsonNode values = optionalObject(root, field, where);
        if (values == null) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : values.properties()) {
            JsonNode list = entry.getValue();
            if (list.isNull()) {
                continue;
            }
            if (!list.isArray()) {
                throw wrongType(field + "." + entry.getKey(), where, "an array of strings", list);
            }
            for (JsonNode value : list) {
                if (!value.isTextual()) {
                    throw wrongType(field + "." + entry.getKey() + "[]", where, "a string", value);
                }
                sink.accept(entry.getKey(), value.textValue());
            }
        }
    }

    /**
     * Writes the response in the shape the request's source expects.
     *
     * @param multiValueHeaders whether the request used multi-value headers (payload 1.0, ALB)
     */
    static byte[] encode(ObjectMapper mapper, AwsSource source, boolean multiValueHeaders, HttpResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(response.bodyLength() + 256);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.status());
            if (source == AwsSource.ALB) {
                json.writeStringField("statusDescription", response.status() + " " + HttpStatus.reason(response.status()));
            }
            Map<String, List<String>> headers = response.headers().asMap();
            if (source.usesPayloadV2()) {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                    if (!header.getKey().equals("set-cookie")) {
                        json.writeStringField(header.getKey(), String.join(",", header.getValue()));
                    }
                }
                json.writeEndObject();
                json.writeArrayFieldStart("cookies");
                for (String cookie : response.cookies()) {
                    json.writeString(cookie);
                }
                json.writeEndArray();
            } else if (multiValueHeaders) {
                // ALB in multi-value mode reads only multiValueHeaders; API Gateway merges both, so one suffices.
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                    json.writeArrayFieldStart(header.getKey());
                    for (String value : header.getValue()) {
                        json.writeString(value);
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            } else {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                    List<String> values = header.getValue();
                    if (!header.getKey().equals("set-cookie")) {
                        json.writeStringField(header.getKey(), String.join(",", values));
                    } else if (values.size() == 1) {
                        json.writeStringField(header.getKey(), values.get(0));
                    }
                    // Set-Cookie cannot be comma-joined: several go in multiValueHeaders below (API Gateway), and an
                    // ALB in single-value mode never gets here with several (HttpResponseLimits refuses them).
                }
                json.writeEndObject();
                if (source == AwsSource.API_GATEWAY_V1 && response.cookies().size() > 1) {
                    // API Gateway merges multiValueHeaders into the headers, so every cookie is kept.
                    json.writeObjectFieldStart("multiValueHeaders");
                    json.writeArrayFieldStart("set-cookie");
                    for (String cookie : response.cookies()) {
                        json.writeString(cookie);
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
            }
            boolean binary = response.isBinary();
            json.writeStringField("body", binary ? Base64.getEncoder().encodeToString(response.body()) : response.bodyAsString());
            json.writeBooleanField("isBase64Encoded", binary);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTTP response", e);
        }
        return out.toByteArray();
    }
}
