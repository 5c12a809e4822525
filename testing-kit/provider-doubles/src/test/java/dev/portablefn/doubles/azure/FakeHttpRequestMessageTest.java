package dev.portablefn.doubles.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FakeHttpRequestMessageTest {

    @Test
    void azureRequestMessageLowerCasesHeadersAndBuildsResponses() {
        FakeHttpRequestMessage<byte[]> request = FakeHttpRequestMessage.binary("post", "https://app/api/x?a=1",
                Map.of("X-Tenant", "t-1"), "hi".getBytes(StandardCharsets.UTF_8));

        assertThat(request.getHttpMethod()).isEqualTo(HttpMethod.POST);
        assertThat(request.getHeaders()).containsEntry("x-tenant", "t-1");
        assertThat(request.getQueryParameters()).containsEntry("a", "1");
        assertThat(request.getBody()).hasValueSatisfying(body -> assertThat(body).isEqualTo("hi".getBytes()));
        FakeHttpResponseMessage response = (FakeHttpResponseMessage) request.createResponseBuilder(HttpStatus.ACCEPTED)
                .header("X-A", "1").header("x-a", "2").status(HttpStatusType.custom(299)).body("ok").build();
        assertThat(response.getStatusCode()).isEqualTo(299);
        assertThat(response.getHeader("X-A")).isEqualTo("2");
        assertThat(response.headers()).hasSize(1);
        assertThat(response.getBody()).isEqualTo("ok");
        assertThatThrownBy(() -> FakeHttpRequestMessage.binary("BREW", "https://app/api", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BREW");
    }

    @Test
    void uriAndMethodAreWorkedOutOnEveryCallAsTheWorkerDoes() {
        FakeHttpRequestMessage.HostRequest host = FakeHttpRequestMessage.HostRequest.of("GET",
                "https://app.azurewebsites.net/api/courses?tag=x&tag=y%20z&q=a+b", Map.of("accept", "*/*"));

        FakeHttpRequestMessage<String> first = FakeHttpRequestMessage.bind(host, "one");
        FakeHttpRequestMessage<String> second = FakeHttpRequestMessage.bind(host, null);

        assertThat(first.getUri()).isEqualTo(first.getUri()).isNotSameAs(first.getUri());
        assertThat(first.getUri().getRawPath()).isEqualTo("/api/courses");
        assertThat(first.getHttpMethod()).isEqualTo(HttpMethod.GET);
        assertThat(first.getQueryParameters()).containsEntry("tag", "x,y z").containsEntry("q", "a b");
        assertThat(first.getBody()).contains("one");
        assertThat(second.getBody()).isEmpty();
        assertThat(second.getHeaders()).isSameAs(first.getHeaders()).containsEntry("accept", "*/*");
    }

    @Test
    void headerNamesDifferingOnlyInCaseAreJoinedAsTheHostJoinsThem() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tag", "a");
        headers.put("x-tag", "b");

        FakeHttpRequestMessage<String> request = FakeHttpRequestMessage.text("PUT", "http://localhost:7071/api/echo",
                headers, "hello");

        assertThat(request.getHeaders()).containsExactly(Map.entry("x-tag", "a, b"));
        assertThat(request.getBody()).contains("hello");
        assertThat(request.getQueryParameters()).isEmpty();
    }

    @Test
    void anIncompleteHostRequestHasNoMethodOrUri() {
        FakeHttpRequestMessage<byte[]> noMethod = FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete(null, "https://x/api"), null);
        FakeHttpRequestMessage<byte[]> noUri = FakeHttpRequestMessage.bind(
                FakeHttpRequestMessage.HostRequest.incomplete("GET", null), null);

        assertThat(noMethod.getHttpMethod()).isNull();
        assertThat(noMethod.getUri()).hasToString("https://x/api");
        assertThat(noUri.getUri()).isNull();
        assertThat(noUri.getHttpMethod()).isEqualTo(HttpMethod.GET);
        assertThat(noUri.getHeaders()).isEmpty();
    }

    @Test
    void responseReadsHeadersInAnyCaseAndIsItsOwnBuilder() {
        FakeHttpResponseMessage response = (FakeHttpResponseMessage) FakeHttpRequestMessage
                .text("GET", "https://x/api", Map.of(), null).createResponseBuilder(HttpStatus.OK)
                .header("Content-Type", "application/json").header("X-Request-Id", "r-1");

        assertThat(response.build()).isSameAs(response);
        assertThat(response.getStatus()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeader("content-type")).isEqualTo("application/json");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("r-1");
        assertThat(response.getHeader("missing")).isNull();
        assertThat(response.headers()).hasSize(2);
        assertThat(response.getBody()).isNull();
    }
}
