package dev.portablefn.testing;

import dev.portablefn.api.Provider;
import dev.portablefn.api.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link FunctionTester} invocation produced, raw and portable: the provider's raw response(s)
 * (bytes as the provider would receive them, and the native object where there is one), the response as a
 * portable {@link HttpResponse} for HTTP, the ids of the messages the provider would retry or dead-letter,
 * the failure thrown out of the entry point, and the lines the function logged with their MDC.
 * Portable-level calls ({@link FunctionTester#queue(List)} on GCP and Azure) can span several provider
 * invocations; their results are combined here.
 */
public final class InvocationResult {

    private final Provider provider;
    private final List<ProviderCall> calls;
    private final List<CapturedLog> logs;

    InvocationResult(Provider provider, List<ProviderCall> calls, List<CapturedLog> logs) {
        this.provider = provider;
        this.calls = List.copyOf(calls);
        this.logs = List.copyOf(logs);
    }

    /** @return the provider whose entry point ran */
    public Provider provider() {
        return provider;
    }

    /**
     * @return the raw response of the only provider invocation: AWS the handler's output (or Lambda's
     *         {@code errorMessage}/{@code errorType} JSON when it threw); GCP the HTTP/1.1 response the Functions
     *         Framework sends; Azure the Java worker's invocation response as JSON
     * @throws IllegalStateException when several provider invocations ran; use {@link #rawResponses()}
     */
    public byte[] rawResponse() {
        if (calls.size() != 1) {
            throw new IllegalStateException(calls.size() + " provider invocations ran (" + provider
                    + " delivers these messages one by one); use rawResponses()");
        }
        return calls.get(0).raw().clone();
    }

    /** @return {@link #rawResponse()} as UTF-8 text */
    public String rawResponseAsString() {
        return new String(rawResponse(), StandardCharsets.UTF_8);
    }

    /** @return the raw response of every provider invocation, in order */
    public List<byte[]> rawResponses() {
        List<byte[]> all = new ArrayList<>(calls.size());
        calls.forEach(call -> all.add(call.raw().clone()));
        return Collections.unmodifiableList(all);
    }

    /**
     * @param type the native type: {@code com.google.cloud.functions.HttpResponse} ({@code FakeHttpResponse}) on GCP,
     *             {@code com.microsoft.azure.functions.HttpResponseMessage} on Azure, {@code byte[]} on AWS
     * @param <T>  the type
     * @return the only invocation's native response, when it is of that type
     */
    public <T> Optional<T> nativeResponse(Class<T> type) {
        if (calls.size() != 1) {
            return Optional.empty();
        }
        Object response = calls.get(0).nativeResponse();
        return type.isInstance(response) ? Optional.of(type.cast(response)) : Optional.empty();
    }

    /**
     * @return the HTTP response decoded back from the provider's raw response
     * @throws IllegalStateException when the invocation was not an HTTP request
     */
    public HttpResponse http() {
        if (calls.size() != 1 || calls.get(0).http() == null) {
            throw new IllegalStateException("this " + provider + " invocation returned no HTTP response"
                    + (failure().map(f -> "; it threw " + f).orElse("")));
        }
        return calls.get(0).http();
    }

    /**
     * @return the ids of the messages the provider would deliver again or dead-letter: an SQS, Kinesis or
     *         DynamoDB batch's {@code batchItemFailures}, or the ids of events whose invocation threw; empty for HTTP
     */
    public List<String> failedIds() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        calls.forEach(call -> ids.addAll(call.failedIds()));
        return List.copyOf(ids);
    }

    /** @return the first failure thrown out of the provider entry point, which makes the provider retry */
    public Optional<Throwable> failure() {
        return calls.stream().map(ProviderCall::failure).filter(f -> f != null).findFirst();
    }

    /** @return whether nothing failed: no thrown failure, no failed record, no HTTP 5xx */
    public boolean succeeded() {
        return failure().isEmpty() && failedIds().isEmpty()
                && calls.stream().noneMatch(call -> call.http() != null && call.http().status() >= 500);
    }

    /** @return what the function logged through {@code context.logger()}, with the MDC of each line, in order */
    public List<CapturedLog> logs() {
        return logs;
    }

    @Override
    public String toString() {
        return "InvocationResult{" + provider + ", " + calls.size() + " invocation(s)"
                + (succeeded() ? ", succeeded" : ", failed " + failedIds() + failure().map(f -> " " + f).orElse("")) + "}";
    }
}
