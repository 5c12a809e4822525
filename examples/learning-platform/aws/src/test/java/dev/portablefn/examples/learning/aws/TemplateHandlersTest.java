package dev.portablefn.examples.learning.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.ScheduleTick;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.examples.learning.LearningPlatform;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SAM template the build rendered from the app's declaration ({@code target/sam/template.yaml}) against this
 * module's code: every Handler is a {@link LambdaHandler} subclass that constructs (rendered too), the Input the
 * nightly schedule gives EventBridge Scheduler decodes as the scheduled tick, and asynchronous functions retry and
 * then dead-letter.
 */
class TemplateHandlersTest {

    private static final Map<String, JsonNode> FUNCTIONS = new TreeMap<>();
    private static JsonNode resources;

    @BeforeAll
    static void readTemplate() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("target/sam/template.yaml").toFile());
        resources = template.get("Resources");
        for (Map.Entry<String, JsonNode> resource : template.get("Resources").properties()) {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                JsonNode properties = resource.getValue().get("Properties");
                FUNCTIONS.put(properties.get("FunctionName").asText(), properties);
            }
        }
    }

    @Test
    void everyHandlerInTheTemplateIsALambdaHandlerSubclassThatConstructs() throws Exception {
        assertThat(FUNCTIONS).hasSize(7);
        for (var function : FUNCTIONS.entrySet()) {
            String handler = function.getValue().get("Handler").asText();
            assertThat(handler).as(function.getKey()).startsWith(getClass().getPackageName() + ".")
                    .endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(type).as(handler).isAssignableTo(LambdaHandler.class);
            assertThat(type.getConstructor().newInstance()).isInstanceOf(LambdaHandler.class);
        }
    }

    @Test
    void theInputTheSamScheduleGivesSchedulerDecodesAsTheScheduledTick() throws IOException {
        JsonNode schedule = null;
        for (JsonNode event : FUNCTIONS.get("nightly-report").get("Events")) {
            schedule = event.path("Type").asText().equals("ScheduleV2") ? event : schedule;
        }
        assertThat(schedule).as("the nightly report's ScheduleV2 event").isNotNull();
        assertThat(schedule.at("/Properties/Name").asText()).isEqualTo(LearningPlatform.NIGHTLY_SCHEDULE);
        assertThat(schedule.at("/Properties/ScheduleExpression").asText()).isEqualTo("cron(0 2 * * ? *)");
        String input = schedule.at("/Properties/Input").asText();
        // What EventBridge Scheduler sends: the input with its context attributes filled in.
        String sent = input.replace("<aws.scheduler.execution-id>", "d32c5kddcf5bb8c3")
                .replace("<aws.scheduler.scheduled-time>", "2026-12-03T02:00:00Z")
                .replace("<aws.scheduler.schedule-arn>",
                        "arn:aws:scheduler:eu-west-1:123456789012:schedule/default/" + LearningPlatform.NIGHTLY_SCHEDULE)
                .replace("<aws.scheduler.attempt-number>", "1");
        assertThat(sent).doesNotContain("<aws.scheduler.");
        List<Event<ScheduleTick>> ticks = new ArrayList<>();
        LambdaHandler handler = new LambdaHandler(new EventFunction<ScheduleTick>() {
            @Override
            public void handle(Event<ScheduleTick> tick, Context context) {
                ticks.add(tick);
            }
        });

        ByteArrayOutputStream output = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(sent.getBytes(StandardCharsets.UTF_8)), output,
                FakeLambdaContext.create());

        assertThat(ticks).singleElement().satisfies(tick -> {
            assertThat(tick.trigger()).isEqualTo(Trigger.SCHEDULE);
            assertThat(tick.data()).isEqualTo(new ScheduleTick(Instant.parse("2026-12-03T02:00:00Z"),
                    LearningPlatform.NIGHTLY_SCHEDULE));
            assertThat(tick.deliveryAttempt()).hasValue(1);
        });
    }

    @Test
    void everyAsynchronouslyInvokedFunctionRetriesTwiceThenKeepsTheEventInADeadLetterQueue() {
        int asynchronous = 0;
        for (var function : FUNCTIONS.entrySet()) {
            boolean async = false;
            for (JsonNode event : function.getValue().path("Events")) {
                async |= Set.of("SNS", "S3", "ScheduleV2", "Schedule", "EventBridgeRule").contains(event.path("Type").asText());
            }
            if (!async) {
                continue;
            }
            asynchronous++;
            JsonNode properties = function.getValue();
            assertThat(properties.at("/EventInvokeConfig/MaximumRetryAttempts").asInt(-1)).as(function.getKey()).isEqualTo(2);
            assertThat(properties.at("/DeadLetterQueue/Type").asText()).as(function.getKey()).isEqualTo("SQS");
            String queue = properties.at("/DeadLetterQueue/TargetArn").asText();   // !GetAtt QUEUE.Arn, read without its tag
            assertThat(queue).as(function.getKey()).endsWith(".Arn");
            assertThat(resources.at("/" + queue.substring(0, queue.length() - ".Arn".length()) + "/Type").asText())
                    .as(function.getKey()).isEqualTo("AWS::SQS::Queue");
        }
        assertThat(asynchronous).as("SNS, S3 and schedule functions").isEqualTo(3);
    }

    @Test
    void theQueueSnsRedrivesPaymentsToLetsSnsSendToIt() {
        String queue = FUNCTIONS.get("payment-subscriber").at("/Events/PaymentsMessage/Properties/RedrivePolicy/deadLetterTargetArn")
                .asText().replace(".Arn", "");   // !GetAtt QUEUE.Arn, read without its tag
        JsonNode policy = resources.get(queue + "Policy").get("Properties");
        assertThat(policy.get("Queues").get(0).asText()).isEqualTo(queue);   // !Ref, read without its tag
        JsonNode statement = policy.at("/PolicyDocument/Statement/0");
        assertThat(statement.at("/Principal/Service").asText()).isEqualTo("sns.amazonaws.com");
        assertThat(statement.get("Action").asText()).isEqualTo("sqs:SendMessage");
    }
}
