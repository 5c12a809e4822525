package dev.portablefn.aws.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.aws.sdk.AwsDestination.Kind;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule that tells a destination's service from its setting's value. */
class AwsDestinationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "arn:aws:sns:us-east-1:123456789012:orders, SNS_TOPIC, false",
            "arn:aws:sns:eu-west-1:123456789012:orders.fifo, SNS_TOPIC, true",
            "arn:aws-cn:sns:cn-north-1:123456789012:orders, SNS_TOPIC, false",
            "https://sqs.us-east-1.amazonaws.com/123456789012/orders, SQS_QUEUE_URL, false",
            "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo, SQS_QUEUE_URL, true",
            "http://localhost:4566/000000000000/orders, SQS_QUEUE_URL, false",
            "arn:aws:sqs:us-east-1:123456789012:orders, SQS_QUEUE_ARN, false",
            "arn:aws:sqs:us-east-1:123456789012:orders.fifo, SQS_QUEUE_ARN, true",
            "arn:aws:events:us-east-1:123456789012:event-bus/default, EVENT_BUS, false",
            "arn:aws:events:us-east-1:123456789012:event-bus/orders-bus, EVENT_BUS, false"})
    void theValueTellsTheService(String value, Kind kind, boolean fifo) {
        AwsDestination destination = AwsDestination.parse("orders", value);

        assertThat(destination.kind()).isEqualTo(kind);
        assertThat(destination.fifo()).isEqualTo(fifo);
        assertThat(destination.resource()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders", "sqs:orders", "arn:aws:s3:::orders", "arn:aws:events:us-east-1:1:rule/r",
            "arn:aws:events:us-east-1:1:event-bus/", "arn:aws:sns:::orders", "arn:aws:sns:us-east-1:1",
            "s3://bucket/key"})
    void anyOtherValueIsRefusedNamingTheSettingAndTheShapes(String value) {
        assertThatThrownBy(() -> AwsDestination.parse("order-events", value))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_DESTINATION_ORDER_EVENTS is '" + value + "'")
                .hasMessageContaining("SNS topic ARN").hasMessageContaining("SQS queue URL")
                .hasMessageContaining("EventBridge bus ARN");
    }

    @Test
    void queueArnGivesItsNameAndAccount() {
        AwsDestination queue = AwsDestination.parse("orders", "arn:aws:sqs:us-east-1:123456789012:orders.fifo");

        assertThat(queue.queueName()).isEqualTo("orders.fifo");
        assertThat(queue.account()).isEqualTo("123456789012");
    }

    @Test
    void unmappedDestinationNamesTheSettingWithAnExample() {
        assertThatThrownBy(() -> AwsDestination.resolve(LogicalNames.from(Map.<String, String>of()::get), "orders"))
                .isInstanceOf(PermanentFailure.class)
                .hasMessageContaining("PORTABLEFN_DESTINATION_ORDERS=arn:aws:sns:");
    }
}
