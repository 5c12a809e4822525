package dev.portablefn.deployment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The AWS SAM template of an application: an HTTP API for the HTTP functions, SNS topics, SQS queues and dead-letter
 * queues, S3 buckets, and one {@code AWS::Serverless::Function} per function with its memory, timeout, reserved
 * concurrency, settings, policies, events, and for asynchronous triggers (SNS, S3, schedule) its retries and
 * dead-letter queue. Written by hand rather than through a YAML library for the {@code !Ref}/{@code !GetAtt} tags.
 */
final class SamTemplate {

    /** Lambda retries an asynchronous invocation at most this often. */
    static final int LAMBDA_MAX_ASYNC_RETRIES = 2;
    private static final String SCHEDULER_INPUT = "{\"version\":\"0\",\"id\":\"<aws.scheduler.execution-id>\","
            + "\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\","
            + "\"time\":\"<aws.scheduler.scheduled-time>\",\"resources\":[\"<aws.scheduler.schedule-arn>\"],"
            + "\"detail\":{\"attempt-number\":\"<aws.scheduler.attempt-number>\"}}";

    private final Application app;
    private final String handlerPackage;
    private final String codeUri;
    private final StringBuilder out = new StringBuilder(8192);

    private SamTemplate(Application app, String handlerPackage, String codeUri) {
        this.app = app;
        this.handlerPackage = handlerPackage;
        this.codeUri = codeUri;
    }

    /**
     * @param app            a checked application
     * @param handlerPackage the package of the generated {@code <Name>Handler} classes
     * @param codeUri        the Lambda jar, relative to the template
     * @return the template's text
     */
    static String render(Application app, String handlerPackage, String codeUri) {
        return new SamTemplate(app, handlerPackage, codeUri).render();
    }

    static String topicId(String topic) {
        return Names.pascal(topic) + "Topic";
    }

    static String queueId(String queue) {
        return Names.pascal(queue) + "Queue";
    }

    static String bucketId(String bucket) {
        return Names.pascal(bucket) + "Bucket";
    }

    static String deadLetterQueueId(String queue) {
        return Names.pascal(queue.endsWith("-dlq") ? queue.substring(0, queue.length() - 4) : queue)
                + "DeadLetterQueue";
    }

    /** @return the bucket's S3 name: its own, or made unique with the account and region */
    private String bucketName(String bucket) {
        return app.scopedBuckets().contains(bucket)
                ? "!Sub " + Text.quoted(bucket + "-${AWS::AccountId}-${AWS::Region}") : Text.quoted(bucket);
    }

    static String functionId(FunctionSpec function) {
        return Names.pascal(function.name()) + "Function";
    }

    private String render() {
        boolean http = app.functions().stream().anyMatch(f -> f.trigger() instanceof TriggerSpec.Http);
        line(0, "# Rendered by portablefn-deployment from the application's declaration: change that, not this file.");
        line(0, "AWSTemplateFormatVersion: '2010-09-09'");
        line(0, "Transform: AWS::Serverless-2016-10-31");
        line(0, "Description: " + Text.quoted("portablefn application " + app.name() + ". Deploy from this directory "
                + "with: sam deploy --guided --capabilities CAPABILITY_IAM"));
        line(0, "");
        line(0, "Globals:");
        line(1, "Function:");
        line(2, "Runtime: java17");
        line(2, "Architectures: [arm64]");
        line(2, "# The shaded Lambda jar: the functions, portablefn-aws-lambda and portablefn-aws-sdk.");
        line(2, "CodeUri: " + Text.quoted(codeUri));
        Map<String, String> global = new TreeMap<>(app.environment());
        global.putIfAbsent("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        line(2, "Environment:");
        line(3, "Variables:");
        global.forEach((name, value) -> line(4, name + ": " + Text.quoted(value)));
        line(0, "");
        line(0, "Resources:");
        if (http) {
            line(1, "Api:");
            line(2, "Type: AWS::Serverless::HttpApi");
        }
        for (String topic : app.topics()) {
            line(1, topicId(topic) + ":");
            line(2, "Type: AWS::SNS::Topic");
            line(2, "Properties: {TopicName: " + Text.quoted(topic) + "}");
        }
        for (String queue : app.queues()) {
            queue(queue);
        }
        for (String bucket : app.buckets()) {
            line(1, bucketId(bucket) + ":");
            line(2, "Type: AWS::S3::Bucket");
            line(2, "Properties: {BucketName: " + bucketName(bucket) + "}");
        }
        for (String queue : app.deadLetterQueues()) {
            deadLetterQueue(queue);
        }
        app.functions().forEach(this::function);
        if (http) {
            line(0, "");
            line(0, "Outputs:");
            line(1, "ApiUrl:");
            line(2, "Description: Base URL of the HTTP API");
            line(2, "Value: !Sub https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/");
        }
        return out.toString();
    }

    private void queue(String queue) {
        line(1, queueId(queue) + ":");
        line(2, "Type: AWS::SQS::Queue");
        line(2, "Properties:");
        line(3, "QueueName: " + Text.quoted(queue));
        Optional<FunctionSpec> consumer = app.functions().stream()
                .filter(f -> f.trigger() instanceof TriggerSpec.Queue q && q.name().equals(queue)).findFirst();
        if (consumer.isPresent()) {
            // Lambda's event source mapping wants a visibility timeout of at least the function's; AWS advises six.
            line(3, "VisibilityTimeout: " + Math.min(43_200, 6 * consumer.get().timeout().toSeconds()));
            consumer.get().deadLetter().ifPresent(dlq -> {
                line(3, "RedrivePolicy:");
                line(4, "deadLetterTargetArn: !GetAtt " + deadLetterQueueId(dlq) + ".Arn");
                line(4, "maxReceiveCount: " + (consumer.get().retries() + 1));
            });
        }
    }

    private void deadLetterQueue(String queue) {
        String id = deadLetterQueueId(queue);
        line(1, id + ":");
        line(2, "Type: AWS::SQS::Queue");
        line(2, "Properties:");
        line(3, "QueueName: " + Text.quoted(queue));
        line(3, "MessageRetentionPeriod: 1209600");
        List<String> topics = app.functions().stream()
                .filter(f -> f.deadLetter().filter(queue::equals).isPresent())
                .filter(f -> f.trigger() instanceof TriggerSpec.Topic)
                .map(f -> ((TriggerSpec.Topic) f.trigger()).name()).distinct().toList();
        if (topics.isEmpty()) {
            return;
        }
        line(1, "# SNS's redrive policy delivers into the queue only with this grant.");
        line(1, id + "Policy:");
        line(2, "Type: AWS::SQS::QueuePolicy");
        line(2, "Properties:");
        line(3, "Queues: [!Ref " + id + "]");
        line(3, "PolicyDocument:");
        line(4, "Version: \"2012-10-17\"");
        line(4, "Statement:");
        for (String topic : topics) {
            line(5, "- Effect: Allow");
            line(6, "Principal: {Service: sns.amazonaws.com}");
            line(6, "Action: sqs:SendMessage");
            line(6, "Resource: !GetAtt " + id + ".Arn");
            line(6, "Condition:");
            line(7, "ArnEquals: {aws:SourceArn: !Ref " + topicId(topic) + "}");
        }
    }

    private void function(FunctionSpec function) {
        line(0, "");
        line(1, functionId(function) + ":");
        line(2, "Type: AWS::Serverless::Function");
        line(2, "Properties:");
        line(3, "FunctionName: " + Text.quoted(function.name()));
        line(3, "Handler: " + handlerPackage + "." + EntryClasses.awsClass(function) + "::handleRequest");
        line(3, "MemorySize: " + function.memoryMb());
        line(3, "Timeout: " + function.timeout().toSeconds());
        if (function.maxConcurrency() > 0) {
            line(3, "ReservedConcurrentExecutions: " + function.maxConcurrency());
        }
        environment(function);
        policies(function);
        TriggerSpec trigger = function.trigger();
        boolean asynchronous = trigger instanceof TriggerSpec.Topic || trigger instanceof TriggerSpec.Bucket
                || trigger instanceof TriggerSpec.Schedule;
        if (asynchronous) {
            function.deadLetter().ifPresent(dlq -> {
                line(3, "DeadLetterQueue:");
                line(4, "Type: SQS");
                line(4, "TargetArn: !GetAtt " + deadLetterQueueId(dlq) + ".Arn");
            });
            line(3, "EventInvokeConfig:");
            int retries = Math.min(function.retries(), LAMBDA_MAX_ASYNC_RETRIES);
            if (retries < function.retries()) {
                line(4, "# Declared " + function.retries() + " retries; Lambda retries an asynchronous event at most "
                        + LAMBDA_MAX_ASYNC_RETRIES + " times.");
            }
            line(4, "MaximumRetryAttempts: " + retries);
        }
        line(3, "Events:");
        if (trigger instanceof TriggerSpec.Http http) {
            for (String declared : http.routes()) {
                HttpRoute route = HttpRoute.parse(declared);
                line(4, Names.pascal(route.method().toLowerCase(java.util.Locale.ROOT) + "-"
                        + route.path().replaceAll("[{}]", "")) + ":");
                line(5, "Type: HttpApi");
                line(5, "Properties: {ApiId: !Ref Api, Method: " + route.method() + ", Path: "
                        + Text.quoted(route.path()) + "}");
            }
        } else if (trigger instanceof TriggerSpec.Topic topic) {
            line(4, Names.pascal(topic.name()) + "Message:");
            line(5, "Type: SNS");
            line(5, "Properties:");
            line(6, "Topic: !Ref " + topicId(topic.name()));
            function.deadLetter().ifPresent(dlq -> {
                line(6, "RedrivePolicy:");
                line(7, "deadLetterTargetArn: !GetAtt " + deadLetterQueueId(dlq) + ".Arn");
            });
        } else if (trigger instanceof TriggerSpec.Queue queue) {
            line(4, Names.pascal(queue.name()) + "Message:");
            line(5, "Type: SQS");
            line(5, "Properties:");
            line(6, "Queue: !GetAtt " + queueId(queue.name()) + ".Arn");
            line(6, "FunctionResponseTypes: [ReportBatchItemFailures]");
        } else if (trigger instanceof TriggerSpec.Bucket bucket) {
            line(4, Names.pascal(bucket.name()) + "Change:");
            line(5, "Type: S3");
            line(5, "Properties:");
            line(6, "Bucket: !Ref " + bucketId(bucket.name()));
            line(6, bucket.deletions() ? "Events: [s3:ObjectCreated:*, s3:ObjectRemoved:*]" : "Events: [s3:ObjectCreated:*]");
            if (!bucket.keyPrefix().isEmpty()) {
                line(6, "Filter:");
                line(7, "S3Key:");
                line(8, "Rules:");
                line(9, "- {Name: prefix, Value: " + Text.quoted(bucket.keyPrefix()) + "}");
            }
        } else if (trigger instanceof TriggerSpec.Schedule schedule) {
            ScheduleSpec declared = app.schedules().stream().filter(s -> s.name().equals(schedule.name()))
                    .findFirst().orElseThrow();
            line(4, Names.pascal(schedule.name()) + "Tick:");
            line(5, "Type: ScheduleV2");
            line(5, "Properties:");
            line(6, "Name: " + Text.quoted(declared.name()));
            line(6, "ScheduleExpression: " + Text.quoted(Cron.aws(declared.cron())));
            line(6, "ScheduleExpressionTimezone: " + Text.quoted(declared.zone()));
            line(6, "# Scheduler sends only this input, its context attributes filled in: an EventBridge-shaped");
            line(6, "# \"Scheduled Event\" that portablefn decodes as a SCHEDULE tick at the scheduled time.");
            line(6, "Input: " + Text.quoted(SCHEDULER_INPUT));
        }
    }

    private void environment(FunctionSpec function) {
        Map<String, String> variables = new TreeMap<>();
        function.environment().forEach((name, value) -> variables.put(name, Text.quoted(value)));
        for (String destination : function.publishesTo()) {
            // Ref gives a topic's ARN and a queue's URL, the shapes portablefn-aws-sdk reads.
            variables.put(Names.destinationSetting(destination), "!Ref " + (app.topics().contains(destination)
                    ? topicId(destination) : queueId(destination)));
        }
        for (String bucket : function.reads()) {
            // Written out: a Ref to a bucket whose notifications invoke this function would be a circular dependency.
            variables.put(Names.bucketSetting(bucket), bucketName(bucket));
        }
        if (variables.isEmpty()) {
            return;
        }
        line(3, "Environment:");
        line(4, "Variables:");
        variables.forEach((name, value) -> line(5, name + ": " + value));
    }

    private void policies(FunctionSpec function) {
        if (function.publishesTo().isEmpty() && function.reads().isEmpty()) {
            return;
        }
        line(3, "Policies:");
        for (String destination : function.publishesTo()) {
            if (app.topics().contains(destination)) {
                line(4, "- SNSPublishMessagePolicy: {TopicName: !GetAtt " + topicId(destination) + ".TopicName}");
            } else {
                line(4, "- SQSSendMessagePolicy: {QueueName: !GetAtt " + queueId(destination) + ".QueueName}");
            }
        }
        for (String bucket : function.reads()) {
            line(4, "- S3ReadPolicy: {BucketName: " + bucketName(bucket) + "}");
        }
    }

    private void line(int depth, String text) {
        if (!text.isEmpty()) {
            out.append("  ".repeat(depth)).append(text);
        }
        out.append('\n');
    }
}
