package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portablefn.api.http.HttpResponse;
import dev.portablefn.testing.Events;
import dev.portablefn.testing.OnAllProviders;
import dev.portablefn.testing.ProviderTester;

class OrderFunctionTest {

    @OnAllProviders
    void aValidOrderIsCreatedOnEveryCloud(ProviderTester cloud) {
        HttpResponse response = cloud.tester(new OrderFunction()).http(Events.http("POST", "/orders")
                .header("Content-Type", "application/json").body("{\"item\":\"book\",\"quantity\":2}").build()).http();

        assertEquals(201, response.status());
        assertTrue(response.bodyAsString().contains("\"item\":\"book\""), response.bodyAsString());
    }

    @OnAllProviders
    void anInvalidOrderGetsAProblemNamingTheField(ProviderTester cloud) {
        HttpResponse response = cloud.tester(new OrderFunction()).http(Events.http("POST", "/orders")
                .header("Content-Type", "application/json").body("{\"item\":\"\",\"quantity\":2}").build()).http();

        assertEquals(400, response.status());
        assertTrue(response.bodyAsString().contains("\"field\":\"item\""), response.bodyAsString());
    }
}
