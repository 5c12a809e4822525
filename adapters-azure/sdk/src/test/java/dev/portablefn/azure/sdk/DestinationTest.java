package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.PermanentFailure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "servicebus:orders, SERVICE_BUS, orders",
        "ServiceBus: orders-topic , SERVICE_BUS, orders-topic",
        "eventgrid:https://orders.westeurope-1.eventgrid.azure.net/api/events, EVENT_GRID,"
                + " https://orders.westeurope-1.eventgrid.azure.net/api/events",
        "storagequeue:orders, STORAGE_QUEUE, orders"})
    void theSettingNamesTheServiceThenTheResource(String value, Destination.Kind kind, String target) {
        assertThat(Destination.parse("orders", value)).isEqualTo(new Destination(kind, target));
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "sqs:orders", "servicebus:", "eventgrid:orders",
        "https://orders.westeurope-1.eventgrid.azure.net/api/events"})
    void aValueFollowingNoRuleNamesTheSettingAndTheForms(String value) {
        assertThatThrownBy(() -> Destination.parse("order-events", value))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_DESTINATION_ORDER_EVENTS")
                .hasMessageContaining("servicebus:ENTITY").hasMessageContaining("storagequeue:QUEUE");
    }
}
