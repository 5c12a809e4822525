package dev.portablefn.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import dev.portablefn.testing.aws.TestLambdaContext;
import dev.portablefn.testing.azure.TestExecutionContext;
import dev.portablefn.testing.azure.TestHttpRequestMessage;
import dev.portablefn.testing.azure.TestHttpResponseMessage;
import dev.portablefn.testing.gcp.TestCloudEvent;
import dev.portablefn.testing.gcp.TestHttpRequest;
import dev.portablefn.testing.gcp.TestHttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** The provider interfaces the kit implements behave like the providers' own. */
class ProviderTestDoublesTest {

    @Test
    void lambdaContextRemainingTimeFollowsTheClock() {
        TestClock clock = TestClock.create();
        TestLambdaContext context = TestLambdaContext.builder().clock(clock).timeout(Duration.ofSeconds(3))
                .functionName("orders").requestId("r-1").build();

        clock.advance(Duration.ofMillis(1200));

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(1800);
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:orders");
        assertThat(context.getAwsRequestId()).isEqualTo("r-1");
        clock.advance(Duration.ofSeconds(5));
        assertThat(context.getRemainingTimeInMillis()).isZero();
        context.getLogger().log("line");
        assertThat(context.getLogger().lines()).containsExactly("line");
    }

    @Test
    void gcpRequestParsesHeadersCaseInsensitivelyAndQueryDecoded() throws Exception {
        TestHttpRequest request = TestHttpRequest.parse(("POST /a%20b?q=x%2By&q=2 HTTP/1.1\r\nX-One: 1\r\nx-one: 2\r\n"
                + "Content-Type: text/plain; charset=ISO-8859-1\r\n\r\nbody").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(request.getPath()).isEqualTo("/a%20b");
        assertThat(request.getQuery()).contains("q=x%2By&q=2");
        assertThat(request.getQueryParameters().get("q")).containsExactly("x+y", "2");
        assertThat(request.getHeaders().get("X-ONE")).containsExactly("1", "2");
        assertThat(request.getCharacterEncoding()).contains("ISO-8859-1");
        assertThat(request.getReader().readLine()).isEqualTo("body");
        assertThatThrownBy(request::getParts).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> TestHttpRequest.parse("nonsense".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank line");
    }

    @Test
    void gcpResponseKeepsWhatTheWriterWroteAndForbidsMixingStreams() throws Exception {
        TestHttpResponse response = new TestHttpResponse();
        response.setStatusCode(404);
        response.setContentType("text/plain");
        response.appendHeader("X-A", "1");
        response.appendHeader("x-a", "2");
        response.getWriter().write("gone");

        assertThat(response.bodyAsString()).isEqualTo("gone");
        assertThat(response.getHeaders().get("X-A")).containsExactly("1", "2");
        assertThat(new String(response.toBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 404 Not Found\r\n")
                .endsWith("\r\n\r\ngone");
        assertThatThrownBy(response::getOutputStream).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cloudEventReadsStructuredJsonWithBase64DataAndExtensions() {
        TestCloudEvent event = TestCloudEvent.fromJson(("{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"//x/y\","
                + "\"type\":\"t\",\"time\":\"2024-05-01T10:00:00Z\",\"traceparent\":\"00-abc\",\"data_base64\":\"aGk=\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getSource()).hasToString("//x/y");
        assertThat(event.getTime()).hasToString("2024-05-01T10:00Z");
        assertThat(event.getExtensionNames()).containsExactly("traceparent");
        assertThat(event.getData().toBytes()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThat(event.getAttribute("type")).isEqualTo("t");
        assertThatThrownBy(() -> event.getAttribute("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestCloudEvent.fromJson("{\"specversion\":\"1.0\",\"source\":\"s\",\"type\":\"t\"}".getBytes()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'id'");
    }

    @Test
    void azureRequestMessageLowerCasesHeadersAndBuildsResponses() {
        TestHttpRequestMessage request = TestHttpRequestMessage.of("post", "https://app/api/x?a=1",
                Map.of("X-Tenant", "t-1"), "hi".getBytes(StandardCharsets.UTF_8));

        assertThat(request.getHttpMethod()).isEqualTo(HttpMethod.POST);
        assertThat(request.getHeaders()).containsEntry("x-tenant", "t-1");
        assertThat(request.getQueryParameters()).containsEntry("a", "1");
        assertThat(request.getBody()).hasValueSatisfying(body -> assertThat(body).isEqualTo("hi".getBytes()));
        TestHttpResponseMessage response = (TestHttpResponseMessage) request.createResponseBuilder(HttpStatus.ACCEPTED)
                .header("X-A", "1").header("x-a", "2").status(HttpStatusType.custom(299)).body("ok").build();
        assertThat(response.getStatusCode()).isEqualTo(299);
        assertThat(response.getHeader("X-A")).isEqualTo("2");
        assertThat(response.headers()).hasSize(1);
        assertThat(response.getBody()).isEqualTo("ok");
        assertThatThrownBy(() -> TestHttpRequestMessage.of("BREW", "https://app/api", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BREW");
    }

    @Test
    void azureExecutionContextKeepsItsLogsAndTrace() {
        TestExecutionContext context = TestExecutionContext.builder().functionName("orders").invocationId("i-1")
                .traceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01").retryCount(2).build();

        context.getLogger().log(Level.WARNING, "careful");

        assertThat(context.logs()).extracting(java.util.logging.LogRecord::getMessage).containsExactly("careful");
        assertThat(context.getTraceContext().getTraceparent()).startsWith("00-0af76519");
        assertThat(context.getRetryContext().getRetrycount()).isEqualTo(2);
        assertThat(TestExecutionContext.create().getRetryContext()).isNull();
        assertThat(TestExecutionContext.create().logs()).isEqualTo(List.of());
    }
}
