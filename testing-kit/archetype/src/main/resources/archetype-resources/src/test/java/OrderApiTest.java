package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.OnAllProviders;
import dev.portablefn.testing.ProviderTester;

/** The order API through each provider's real adapter and wire format. */
class OrderApiTest {

    @OnAllProviders
    void aValidOrderIsCreated(ProviderTester cloud) {
        HttpResponse response = cloud.tester(new OrderApi()).http(Events.http("POST", "/orders")
                .header("Content-Type", "application/json").body("{\"item\":\"book\",\"quantity\":2}").build()).http();

        assertEquals(201, response.status());
        assertTrue(response.bodyAsString().contains("\"item\":\"book\""), response.bodyAsString());
    }

    @OnAllProviders
    void anInvalidOrderGetsAProblemNamingTheField(ProviderTester cloud) {
        HttpResponse response = cloud.tester(new OrderApi()).http(Events.http("POST", "/orders")
                .header("Content-Type", "application/json").body("{\"item\":\"\",\"quantity\":2}").build()).http();

        assertEquals(400, response.status());
        assertTrue(response.bodyAsString().contains("\"field\":\"item\""), response.bodyAsString());
    }

    @OnAllProviders
    void anOrderIsReadBackByItsId(ProviderTester cloud) {
        HttpResponse response = cloud.tester(new OrderApi()).http(Events.http("GET", "/orders/o-7").build()).http();

        assertEquals(200, response.status());
        assertTrue(response.bodyAsString().contains("\"id\":\"o-7\""), response.bodyAsString());
    }
}
