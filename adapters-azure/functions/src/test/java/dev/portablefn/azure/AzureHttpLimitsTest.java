package dev.portablefn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.HttpFunction;
import dev.portablefn.api.PortableFunction;
import dev.portablefn.api.http.Cookie;
import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.doubles.azure.FakeHttpRequestMessage;
import dev.portablefn.doubles.azure.FakeHttpResponseMessage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What the Java worker can carry, and the request limits, on Azure's HTTP delegation. */
class AzureHttpLimitsTest {

    private static FakeHttpResponseMessage call(HttpFunction function, FakeHttpRequestMessage<byte[]> request) {
        return (FakeHttpResponseMessage) AzureFunctions.of(PortableFunction.http(function))
                .http(request, FakeExecutionContext.builder().invocationId("inv-1").functionName("api").build());
    }

    private static FakeHttpRequestMessage<byte[]> get(String url, Map<String, String> headers) {
        return FakeHttpRequestMessage.binary("GET", url, headers, null);
    }

    private static String body(FakeHttpResponseMessage response) {
        return new String((byte[]) response.getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void twoCookiesAreRefusedWithALogged500InsteadOfBeingCommaJoinedIntoOne() {
        HttpFunction login = (request, context) -> HttpResponse.ok()
                .cookie(Cookie.of("session", "s1")).cookie(Cookie.of("theme", "dark"));

        FakeHttpResponseMessage response = call(login, get("https://app.azurewebsites.net/api/login", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(500);
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(body(response)).contains("inv-1");
        assertThat(AzureHttp.refusal(HttpResponse.ok().cookie(Cookie.of("a", "1")).cookie(Cookie.of("b", "2"))))
                .contains("one value per header name").contains("cannot be comma-joined");
    }

    @Test
    void oneCookieIsSentAsItIs() {
        HttpFunction login = (request, context) -> HttpResponse.ok().cookie(Cookie.of("session", "s1"));

        FakeHttpResponseMessage response = call(login, get("https://app.azurewebsites.net/api/login", Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeader("Set-Cookie")).startsWith("session=s1").doesNotContain(", ");
    }

    @Test
    void manyResponseHeadersAreWrittenOncePerNameWithRepeatedValuesJoined() {
        HttpFunction chatty = (request, context) -> {
            HttpResponse response = HttpResponse.ok();
            for (int i = 0; i < 300; i++) {
                response = response.header("X-H" + (i % 100), "v" + i);
            }
            return response;
        };

        FakeHttpResponseMessage response = call(chatty, get("https://app.azurewebsites.net/api/x", Map.of()));

        assertThat(response.headers()).hasSize(100);
        assertThat(response.getHeader("X-H7")).isEqualTo("v7, v107, v207");
    }

    @Test
    void sixtyFourKilobyteQueryOfRepeatedEmptyParametersIsRejectedWith400WhenTheFunctionRoutes() {
        AtomicInteger handled = new AtomicInteger();
        HttpFunction search = (request, context) -> {
            String path = request.path();
            handled.incrementAndGet();
            return HttpResponse.ok().text(path);
        };

        FakeHttpResponseMessage response = call(search,
                get("https://app.azurewebsites.net/api/search?" + "a=&".repeat(64 * 1024 / 3), Map.of()));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(body(response)).contains("21845 parameters");
        assertThat(handled).hasValue(0);
    }

    @Test
    void requestWithMoreHeadersThanTheLimitIsRejectedWith431WhenTheFunctionReadsOne() {
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; i < 201; i++) {
            headers.put("x-filler-" + i, "v");
        }

        FakeHttpResponseMessage response = call((request, context) -> HttpResponse.ok()
                .text(request.header("User-Agent").orElse("-")), get("https://app.azurewebsites.net/api/x", headers));

        assertThat(response.getStatusCode()).isEqualTo(431);
    }
}
