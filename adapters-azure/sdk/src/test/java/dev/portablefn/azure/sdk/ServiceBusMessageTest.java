package dev.portablefn.azure.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.servicebus.ServiceBusMessage;
import dev.portablefn.api.PermanentFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The mapping from a portable message to a Service Bus message, a pure function tested without a broker (no Service
 * Bus emulator runs here, so sending itself is not exercised).
 */
class ServiceBusMessageTest {

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final long STANDARD = AzureSettings.STANDARD_SERVICE_BUS_MAX_BYTES;

    @Test
    void attributesBecomeApplicationPropertiesAndTheTraceAlsoTheDiagnosticId() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("tenant", "contoso");
        attributes.put("traceparent", TRACEPARENT);

        ServiceBusMessage message = ServiceBusChannel.message("orders", "{\"orderId\":\"42\"}", attributes, STANDARD);

        assertThat(message.getBody().toString()).isEqualTo("{\"orderId\":\"42\"}");
        assertThat(message.getApplicationProperties()).containsEntry("tenant", "contoso")
                .containsEntry("traceparent", TRACEPARENT).containsEntry("Diagnostic-Id", TRACEPARENT).hasSize(3);
        assertThat(message.getSessionId()).isNull();
    }

    @Test
    void aDiagnosticIdTheCallerSetIsKept() {
        ServiceBusMessage message = ServiceBusChannel.message("orders", "x",
                Map.of("traceparent", TRACEPARENT, "Diagnostic-Id", "|legacy.1."), STANDARD);

        assertThat(message.getApplicationProperties()).containsEntry("Diagnostic-Id", "|legacy.1.");
    }

    @Test
    void theGroupBecomesTheSessionIdAndTheDeduplicationIdTheMessageId() {
        ServiceBusMessage message = ServiceBusChannel.message("orders", "x",
                Map.of("messageGroupId", "customer-7", "messageDeduplicationId", "order-42-placed"), STANDARD);

        assertThat(message.getSessionId()).isEqualTo("customer-7");
        assertThat(message.getMessageId()).isEqualTo("order-42-placed");
        assertThat(message.getApplicationProperties()).containsEntry("messageGroupId", "customer-7");
    }

    @Test
    void withoutADeduplicationIdEachMessageGetsAFreshId() {
        String first = ServiceBusChannel.message("orders", "x", Map.of(), STANDARD).getMessageId();
        String second = ServiceBusChannel.message("orders", "x", Map.of(), STANDARD).getMessageId();

        assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    }

    @Test
    void aMessageOverTheStandardTierLimitIsRefusedBeforeAnyCall() {
        String body = "é".repeat(128 * 1024);   // 256 KiB of UTF-8, plus the message id

        assertThatThrownBy(() -> ServiceBusChannel.message("orders", body, Map.of(), STANDARD))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'orders'")
                .hasMessageContaining("Service Bus").hasMessageContaining("262144");
        assertThat(ServiceBusChannel.message("orders", "é".repeat(120 * 1024), Map.of(), STANDARD)).isNotNull();
    }

    @Test
    void propertiesCountTowardsTheLimit() {
        String body = "x".repeat(200 * 1024);

        assertThatThrownBy(() -> ServiceBusChannel.message("orders", body, Map.of("big", "y".repeat(60 * 1024)), STANDARD))
                .isInstanceOf(PermanentFailure.class);
    }

    @Test
    void thePublisherChecksTheSizeBeforeConnectingAndTheLimitIsASetting() {
        String body = "x".repeat(300 * 1024);
        Map<String, String> standard = Map.of("PORTABLEFN_DESTINATION_ORDERS", "servicebus:orders");
        Map<String, String> premium = Map.of("PORTABLEFN_DESTINATION_ORDERS", "servicebus:orders",
                "PORTABLEFN_SERVICEBUS_MAX_MESSAGE_BYTES", "1048576");

        assertThatThrownBy(() -> new AzurePublisher(standard::get).publish("orders", body, Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("262144");
        // Past the size check, it asks for the namespace it would connect to.
        assertThatThrownBy(() -> new AzurePublisher(premium::get).publish("orders", body, Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("PORTABLEFN_SERVICEBUS_NAMESPACE")
                .hasMessageContaining("PORTABLEFN_SERVICEBUS_CONNECTION_SETTING");
    }

    @Test
    void aLimitThatIsNotANumberIsRefusedNamingTheSetting() {
        Map<String, String> settings = Map.of("PORTABLEFN_DESTINATION_ORDERS", "servicebus:orders",
                "PORTABLEFN_SERVICEBUS_MAX_MESSAGE_BYTES", "256KB");

        assertThatThrownBy(() -> new AzurePublisher(settings::get).publish("orders", "x", Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("PORTABLEFN_SERVICEBUS_MAX_MESSAGE_BYTES");
    }

    @Test
    void aConnectionSettingThatNamesAMissingSettingSaysSoWithoutAValue() {
        Map<String, String> settings = Map.of("PORTABLEFN_DESTINATION_ORDERS", "servicebus:orders",
                "PORTABLEFN_SERVICEBUS_CONNECTION_SETTING", "ServiceBusConnection");

        assertThatThrownBy(() -> new AzurePublisher(settings::get).publish("orders", "x", Map.of()))
                .isInstanceOf(PermanentFailure.class).hasMessageContaining("'ServiceBusConnection'")
                .hasMessageContaining("not set");
    }
}
