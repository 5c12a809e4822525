package dev.portablefn.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SAM template read back as YAML (tags such as {@code !Ref} read as their plain values). */
class SamTemplateTest {

    private final JsonNode template = Rendered.sam(SampleApplication.declared());
    private final Map<String, JsonNode> functions = Rendered.samFunctions(template);
    private final JsonNode resources = template.get("Resources");

    @Test
    void everyFunctionHasItsGeneratedHandlerMemoryTimeoutAndReservedConcurrency() {
        assertThat(functions).containsOnlyKeys("orders", "billing", "refunds", "uploads", "nightly");
        JsonNode orders = functions.get("orders");
        assertThat(orders.get("Handler").asText()).isEqualTo(Rendered.PACKAGE + ".OrdersHandler::handleRequest");
        assertThat(orders.get("MemorySize").asInt()).isEqualTo(512);
        assertThat(orders.get("Timeout").asInt()).isEqualTo(10);
        assertThat(orders.get("ReservedConcurrentExecutions").asInt()).isEqualTo(20);
        assertThat(functions.get("uploads").has("ReservedConcurrentExecutions")).as("no cap declared").isFalse();
        assertThat(template.at("/Globals/Function/CodeUri").asText()).isEqualTo("../" + Rendered.JAR);
    }

    @Test
    void eachHttpRouteIsAnHttpApiEvent() {
        List<String> routes = new ArrayList<>();
        functions.get("orders").get("Events").forEach(event -> {
            assertThat(event.get("Type").asText()).isEqualTo("HttpApi");
            assertThat(event.at("/Properties/ApiId").asText()).isEqualTo("Api");
            routes.add(event.at("/Properties/Method").asText() + " " + event.at("/Properties/Path").asText());
        });
        assertThat(routes).containsExactly("GET /orders", "POST /orders", "GET /orders/{id}");
        assertThat(resources.at("/Api/Type").asText()).isEqualTo("AWS::Serverless::HttpApi");
    }

    @Test
    void asynchronousTriggersRetryAtMostTwiceAndKeepFailedEventsInTheirDeadLetterQueue() {
        JsonNode billing = functions.get("billing");
        assertThat(billing.at("/EventInvokeConfig/MaximumRetryAttempts").asInt()).as("4 declared, Lambda's cap").isEqualTo(2);
        assertThat(billing.at("/DeadLetterQueue/TargetArn").asText()).isEqualTo("BillingDeadLetterQueue.Arn");
        assertThat(billing.at("/Events/BillingMessage/Properties/RedrivePolicy/deadLetterTargetArn").asText())
                .isEqualTo("BillingDeadLetterQueue.Arn");
        assertThat(resources.at("/BillingDeadLetterQueue/Properties/QueueName").asText()).isEqualTo("billing-dlq");
        JsonNode grant = resources.at("/BillingDeadLetterQueuePolicy/Properties/PolicyDocument/Statement/0");
        assertThat(grant.at("/Principal/Service").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(grant.at("/Condition/ArnEquals/aws:SourceArn").asText()).isEqualTo("BillingTopic");
        assertThat(functions.get("uploads").at("/EventInvokeConfig/MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(functions.get("orders").has("EventInvokeConfig")).as("HTTP is synchronous").isFalse();
    }

    @Test
    void aQueueRedrivesToItsConsumersDeadLetterQueueAfterTheDeclaredRetries() {
        JsonNode queue = resources.at("/RefundsQueue/Properties");
        assertThat(queue.at("/RedrivePolicy/maxReceiveCount").asInt()).isEqualTo(4);
        assertThat(queue.at("/RedrivePolicy/deadLetterTargetArn").asText()).isEqualTo("RefundsDeadLetterQueue.Arn");
        assertThat(queue.get("VisibilityTimeout").asInt()).isGreaterThanOrEqualTo(30);
        JsonNode event = functions.get("refunds").at("/Events/RefundsMessage");
        assertThat(event.get("Type").asText()).isEqualTo("SQS");
        assertThat(event.at("/Properties/FunctionResponseTypes/0").asText()).isEqualTo("ReportBatchItemFailures");
    }

    @Test
    void theScheduleSendsTheScheduledEventInputInAwsCron() {
        JsonNode tick = functions.get("nightly").at("/Events/NightlyTick");
        assertThat(tick.get("Type").asText()).isEqualTo("ScheduleV2");
        assertThat(tick.at("/Properties/ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        assertThat(tick.at("/Properties/ScheduleExpressionTimezone").asText()).isEqualTo("UTC");
        JsonNode input = Rendered.yaml(tick.at("/Properties/Input").asText());
        assertThat(input.get("source").asText()).isEqualTo("aws.scheduler");
        assertThat(input.get("time").asText()).isEqualTo("<aws.scheduler.scheduled-time>");
        assertThat(input.at("/detail/attempt-number").asText()).isEqualTo("<aws.scheduler.attempt-number>");
    }

    @Test
    void aScopedBucketIsNamedWithTheAccountAndRegionWhereverItIsNamed() {
        Application scoped = Application.builder("shop").scopedBucket("inbox")
                .function(FunctionSpec.of("uploads", SampleApplication.ENTRIES + "uploads", TriggerSpec.newObjects("inbox", ""))
                        .withBucket("inbox"))
                .build();
        String text = Rendered.files(scoped, dev.portablefn.api.Provider.AWS).get("sam/template.yaml");

        assertThat(text).contains("Properties: {BucketName: !Sub \"inbox-${AWS::AccountId}-${AWS::Region}\"}")
                .contains("PORTABLEFN_BUCKET_INBOX: !Sub \"inbox-${AWS::AccountId}-${AWS::Region}\"")
                .contains("- S3ReadPolicy: {BucketName: !Sub \"inbox-${AWS::AccountId}-${AWS::Region}\"}");
        JsonNode events = Rendered.samFunctions(Rendered.yaml(text)).get("uploads").at("/Events/InboxChange/Properties/Events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).asText()).as("new objects only").isEqualTo("s3:ObjectCreated:*");
    }

    @Test
    void logicalNamesAreMappedWithTheirPoliciesAndSettingsReachTheFunctions() {
        JsonNode orders = functions.get("orders");
        assertThat(orders.at("/Environment/Variables/PORTABLEFN_DESTINATION_BILLING").asText()).isEqualTo("BillingTopic");
        assertThat(orders.at("/Policies/0/SNSPublishMessagePolicy/TopicName").asText()).isEqualTo("BillingTopic.TopicName");
        assertThat(orders.at("/Environment/Variables/CURRENCY").asText()).isEqualTo("EUR");
        JsonNode uploads = functions.get("uploads");
        assertThat(uploads.at("/Environment/Variables/PORTABLEFN_BUCKET_UPLOADS").asText()).isEqualTo("uploads");
        assertThat(uploads.at("/Policies/0/S3ReadPolicy/BucketName").asText()).isEqualTo("uploads");
        assertThat(uploads.at("/Events/UploadsChange/Properties/Filter/S3Key/Rules/0/Value").asText()).isEqualTo("incoming/");
        assertThat(template.at("/Globals/Function/Environment/Variables/PORTABLEFN_LOG_FORMAT").asText()).isEqualTo("json");
    }
}
