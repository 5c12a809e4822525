package dev.portablefn.examples.email.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the SAM template the build rendered from the pipeline's declaration ({@code target/sam/template.yaml})
 * against the code: every handler is a {@link LambdaHandler} that constructs, the inbox bucket
 * triggers the parsing function and the {@value EmailPipeline#ADDRESSES_TOPIC} topic both subscribers, each function
 * has its limits and a dead-letter queue, and the logical names the code uses are mapped to the resources.
 */
class SamTemplateTest {

    private static final String BUCKET_SETTING =
            LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, EmailPipeline.INBOX_BUCKET);
    private static final String ADDRESSES_SETTING =
            LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, EmailPipeline.ADDRESSES_TOPIC);
    private static final Map<String, String> HANDLERS = Map.of(
            "incoming-emails", "IncomingEmailsHandler",
            "contacts", "ContactsHandler",
            "domain-counter", "DomainCounterHandler");
    private static final Set<String> SUBSCRIBERS = Set.of("contacts", "domain-counter");

    private static JsonNode resources;
    private static Map<String, JsonNode> functions;

    @BeforeAll
    static void load() throws IOException {
        JsonNode template = new ObjectMapper(new YAMLFactory()).readTree(Path.of("target/sam/template.yaml").toFile());
        resources = template.get("Resources");
        functions = new TreeMap<>();
        resources.properties().forEach(resource -> {
            if (resource.getValue().path("Type").asText().equals("AWS::Serverless::Function")) {
                JsonNode properties = resource.getValue().get("Properties");
                functions.put(properties.get("FunctionName").asText(), properties);
            }
        });
    }

    @Test
    void everyHandlerIsTheFunctionsLambdaHandlerAndConstructs() throws Exception {
        assertThat(functions.keySet()).isEqualTo(HANDLERS.keySet());
        for (var function : functions.entrySet()) {
            String handler = function.getValue().get("Handler").asText();
            assertThat(handler).as(function.getKey())
                    .isEqualTo(getClass().getPackageName() + "." + HANDLERS.get(function.getKey()) + "::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(LambdaHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getConstructor().newInstance()).isInstanceOf(LambdaHandler.class);
        }
    }

    @Test
    void everyFunctionHasMemoryTimeoutReservedConcurrencyAndADeadLetterQueue() {
        functions.forEach((name, function) -> {
            assertThat(function.path("MemorySize").asInt()).as(name + " MemorySize").isBetween(128, 10_240);
            assertThat(function.path("Timeout").asInt()).as(name + " Timeout").isBetween(1, 900);
            assertThat(function.path("ReservedConcurrentExecutions").asInt()).as(name + " reserved concurrency").isPositive();
            assertThat(function.at("/EventInvokeConfig/MaximumRetryAttempts").asInt(-1)).as(name + " retries").isBetween(0, 2);
            assertThat(function.at("/DeadLetterQueue/Type").asText()).as(name + " dead-letter queue").isEqualTo("SQS");
            String queue = arnOf(function.at("/DeadLetterQueue/TargetArn").asText());
            assertThat(resources.at("/" + queue + "/Type").asText()).as(name + " dead-letter queue").isEqualTo("AWS::SQS::Queue");
        });
    }

    @Test
    void newObjectsInTheInboxBucketTriggerTheParsingFunction() {
        assertThat(resources.at("/IncomingEmailsBucket/Type").asText()).isEqualTo("AWS::S3::Bucket");
        assertThat(functions.values()).filteredOn(f -> hasEvent(f, "S3")).singleElement()
                .isSameAs(functions.get("incoming-emails"));
        JsonNode trigger = functions.get("incoming-emails").at("/Events/IncomingEmailsChange");
        assertThat(trigger.path("Type").asText()).isEqualTo("S3");
        assertThat(trigger.at("/Properties/Bucket").asText()).isEqualTo("IncomingEmailsBucket");
        assertThat(texts(trigger.at("/Properties/Events"))).containsExactly("s3:ObjectCreated:*");
    }

    @Test
    void theAddressesTopicFeedsBothSubscribersWhichRedriveUndeliverableMessagesToTheirDeadLetterQueues() {
        assertThat(resources.at("/AddressesTopic/Type").asText()).isEqualTo("AWS::SNS::Topic");
        assertThat(resources.at("/AddressesTopic/Properties/TopicName").asText()).isEqualTo(EmailPipeline.ADDRESSES_TOPIC);
        assertThat(functions.entrySet()).filteredOn(f -> hasEvent(f.getValue(), "SNS")).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(SUBSCRIBERS);
        for (String name : SUBSCRIBERS) {
            JsonNode trigger = functions.get(name).at("/Events/AddressesMessage");
            assertThat(trigger.path("Type").asText()).as(name).isEqualTo("SNS");
            assertThat(trigger.at("/Properties/Topic").asText()).as(name).isEqualTo("AddressesTopic");
            String redrive = arnOf(trigger.at("/Properties/RedrivePolicy/deadLetterTargetArn").asText());
            assertThat(redrive).as(name + " redrive queue").isEqualTo(arnOf(functions.get(name).at("/DeadLetterQueue/TargetArn").asText()));
            // SNS can write to the redrive queue only when the queue's policy lets it.
            JsonNode policy = resources.at("/" + redrive + "Policy/Properties");
            assertThat(texts(policy.get("Queues"))).as(name + " redrive queue policy").contains(redrive);
            assertThat(policy.at("/PolicyDocument/Statement/0/Principal/Service").asText()).isEqualTo("sns.amazonaws.com");
            assertThat(policy.at("/PolicyDocument/Statement/0/Condition/ArnEquals/aws:SourceArn").asText())
                    .isEqualTo("AddressesTopic");
        }
    }

    @Test
    void theLogicalBucketAndTopicTheCodeUsesAreMappedToTheResourcesWithPolicies() {
        JsonNode parser = functions.get("incoming-emails");
        // !Sub, read without its tag: bucket names are global, so the account and region make this one unique.
        String bucketName = resources.at("/IncomingEmailsBucket/Properties/BucketName").asText();
        assertThat(bucketName).isEqualTo(EmailPipeline.INBOX_BUCKET + "-${AWS::AccountId}-${AWS::Region}");
        assertThat(parser.at("/Environment/Variables/" + BUCKET_SETTING).asText()).isEqualTo(bucketName);
        assertThat(parser.at("/Policies/1/S3ReadPolicy/BucketName").asText()).isEqualTo(bucketName);
        // !Ref of an AWS::SNS::Topic is its ARN, the shape portablefn-aws-sdk reads as an SNS topic.
        assertThat(parser.at("/Environment/Variables/" + ADDRESSES_SETTING).asText()).isEqualTo("AddressesTopic");
        assertThat(parser.at("/Policies/0/SNSPublishMessagePolicy/TopicName").asText()).isEqualTo("AddressesTopic.TopicName");
        functions.forEach((name, function) -> assertThat(outboundSettings(function.at("/Environment/Variables")))
                .as(name + "'s outbound settings")
                .isEqualTo(name.equals("incoming-emails") ? Set.of(BUCKET_SETTING, ADDRESSES_SETTING) : Set.of()));
    }

    private static boolean hasEvent(JsonNode function, String type) {
        for (JsonNode event : function.path("Events")) {
            if (event.path("Type").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** @return the resource a {@code !GetAtt Resource.Arn} names */
    private static String arnOf(String getAtt) {
        assertThat(getAtt).endsWith(".Arn");
        return getAtt.substring(0, getAtt.length() - ".Arn".length());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static Set<String> outboundSettings(JsonNode variables) {
        Set<String> names = new TreeSet<>();
        variables.fieldNames().forEachRemaining(name -> {
            if (name.startsWith(LogicalNames.DESTINATION_PREFIX) || name.startsWith(LogicalNames.BUCKET_PREFIX)) {
                names.add(name);
            }
        });
        return names;
    }
}
