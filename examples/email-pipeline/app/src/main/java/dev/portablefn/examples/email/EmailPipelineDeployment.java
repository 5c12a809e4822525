package dev.portablefn.examples.email;

import static dev.portablefn.examples.email.EmailPipeline.ADDRESSES_TOPIC;
import static dev.portablefn.examples.email.EmailPipeline.INBOX_BUCKET;

import dev.portablefn.deployment.Application;
import dev.portablefn.deployment.FunctionSpec;
import dev.portablefn.deployment.TriggerSpec;
import java.time.Duration;

/**
 * The email pipeline's deployment, declared once: what the aws, gcp and azure modules render at build time. New
 * objects in the inbox bucket (named per account: bucket names are global) run incoming-emails, which publishes to
 * the addresses topic both subscribers take. Every function retries a failed event 4 times (5 attempts; Lambda retries
 * an asynchronous event at most twice) and then keeps it in its dead-letter queue.
 */
public final class EmailPipelineDeployment {

    private static final String ENTRY = Functions.class.getName() + "#";
    private static final int RETRIES = 4;

    private EmailPipelineDeployment() {
    }

    /** @return the declaration */
    public static Application application() {
        return Application.builder("email-pipeline")
                .setting("PORTABLEFN_ACCESS_LOG", "true")
                .scopedBucket(INBOX_BUCKET)
                .topic(ADDRESSES_TOPIC)
                .deadLetterQueue("incoming-emails-dlq")
                .deadLetterQueue("addresses-contacts-dlq")
                .deadLetterQueue("addresses-domain-counter-dlq")
                .function(FunctionSpec.of("incoming-emails", ENTRY + "incomingEmails",
                                TriggerSpec.newObjects(INBOX_BUCKET, ""))
                        .withMemoryMb(512).withTimeout(Duration.ofSeconds(60)).withMaxConcurrency(10)
                        .withRetries(RETRIES).withDeadLetter("incoming-emails-dlq")
                        .withBucket(INBOX_BUCKET).withPublishing(ADDRESSES_TOPIC))
                .function(subscriber("contacts", "contacts", "addresses-contacts-dlq"))
                .function(subscriber("domain-counter", "domainCounter", "addresses-domain-counter-dlq"))
                .build();
    }

    private static FunctionSpec subscriber(String name, String factory, String deadLetters) {
        return FunctionSpec.of(name, ENTRY + factory, TriggerSpec.topic(ADDRESSES_TOPIC))
                .withMemoryMb(256).withTimeout(Duration.ofSeconds(15)).withMaxConcurrency(5)
                .withRetries(RETRIES).withDeadLetter(deadLetters);
    }
}
