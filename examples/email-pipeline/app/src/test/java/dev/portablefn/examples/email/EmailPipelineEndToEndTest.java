package dev.portablefn.examples.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.Provider;
import dev.portablefn.examples.email.contacts.Contact;
import dev.portablefn.testing.localcloud.DeadLetter;
import dev.portablefn.testing.localcloud.InvocationRecord;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The pipeline in LocalCloud: e-mails land in the inbox bucket, the parser publishes their addresses
 * to the topic, and both subscribers receive every message. Malformed e-mails are dead-lettered with
 * the parser's reason, after the preset's attempts, while the good ones go through.
 */
class EmailPipelineEndToEndTest {

    @ParameterizedTest(name = "delivery like {0}")
    @EnumSource(value = Provider.class, names = {"AWS", "AZURE", "GCP"})
    void goodEmailsFanOutToBothSubscribersAndMalformedOnesAreDeadLetteredWithTheirReason(Provider provider) {
        LocalCloud cloud = LocalCloud.like(provider);
        EmailPipeline pipeline = wire(cloud);

        for (String file : new String[] {"plain.eml", "malformed.eml", "with-attachment.eml", "missing-boundary.eml"}) {
            cloud.blobStore().put(EmailPipeline.INBOX_BUCKET, "inbox/" + file, load(file), "message/rfc822");
        }
        // A malformed e-mail's PermanentFailure takes the preset's attempts before its dead-letter queue (Event Grid's 30
        // attempts with backoff take almost a day).
        assertThat(cloud.runUntilIdle(Duration.ofDays(2))).isTrue();

        assertThat(cloud.deadLetters()).hasSize(2);
        assertThat(deadLetterReasonsBySubject(cloud))
                .hasEntrySatisfying("inbox/malformed.eml", reason -> assertThat(reason)
                        .contains("email incoming-emails/inbox/malformed.eml has an invalid From header '<<not an address'"))
                .hasEntrySatisfying("inbox/missing-boundary.eml", reason -> assertThat(reason)
                        .contains("email incoming-emails/inbox/missing-boundary.eml is not a readable MIME message: Missing start boundary"));

        assertThat(pipeline.contacts().all()).extracting(Contact::address).containsExactly(
                "ada@example.org", "alan@example.org", "charles@engine.example.com", "grace@navy.example.mil",
                "team@compilers.example.com");
        assertThat(pipeline.contacts().find("ada@example.org")).hasValue(new Contact("ada@example.org", "Adá Lovelace", 2));
        assertThat(pipeline.contacts().find("grace@navy.example.mil")).hasValueSatisfying(
                grace -> assertThat(grace.messagesSeen()).isEqualTo(2));
        assertThat(pipeline.domainCounts().totals()).containsExactly(
                Map.entry("compilers.example.com", 1), Map.entry("engine.example.com", 1),
                Map.entry("example.org", 4), Map.entry("navy.example.mil", 2));
        assertThat(cloud.invocations("contacts")).hasSize(2)
                .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED));
        assertThat(cloud.invocations("domain-counter")).hasSize(2)
                .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(InvocationRecord.Outcome.SUCCEEDED));
    }

    @ParameterizedTest(name = "delivery like {0}")
    @EnumSource(value = Provider.class, names = {"AWS", "AZURE", "GCP"})
    void theSameEmailUploadedTwiceIsCountedOnce(Provider provider) {
        LocalCloud cloud = LocalCloud.like(provider);
        EmailPipeline pipeline = wire(cloud);

        cloud.blobStore().put(EmailPipeline.INBOX_BUCKET, "inbox/a.eml", load("with-attachment.eml"), "message/rfc822");
        cloud.blobStore().put(EmailPipeline.INBOX_BUCKET, "inbox/a-copy.eml", load("with-attachment.eml"), "message/rfc822");
        assertThat(cloud.runUntilIdle(Duration.ofHours(1))).isTrue();

        assertThat(cloud.invocations("contacts")).hasSize(2);
        assertThat(pipeline.contacts().find("grace@navy.example.mil")).hasValueSatisfying(
                grace -> assertThat(grace.messagesSeen()).isEqualTo(1));
        assertThat(pipeline.domainCounts().totals()).containsEntry("example.org", 2);
        assertThat(cloud.deadLetters()).isEmpty();
    }

    private static EmailPipeline wire(LocalCloud cloud) {
        EmailPipeline pipeline = EmailPipeline.inMemory(cloud.blobStore(), cloud.publisher());
        cloud.deploy("incoming-emails", pipeline.incomingEmails())
                .deploy("contacts", pipeline.contactsSubscriber())
                .deploy("domain-counter", pipeline.domainCounter())
                .createBucket(EmailPipeline.INBOX_BUCKET)
                .subscribe(EmailPipeline.INBOX_BUCKET, "incoming-emails")
                .createTopic(EmailPipeline.ADDRESSES_TOPIC)
                .subscribe(EmailPipeline.ADDRESSES_TOPIC, "contacts")
                .subscribe(EmailPipeline.ADDRESSES_TOPIC, "domain-counter");
        return pipeline;
    }

    private static Map<String, String> deadLetterReasonsBySubject(LocalCloud cloud) {
        return cloud.deadLetters().stream().collect(java.util.stream.Collectors.toMap(
                (DeadLetter dead) -> dead.event().subject().orElseThrow(), DeadLetter::reason));
    }

    private static byte[] load(String name) {
        try (InputStream in = EmailPipelineEndToEndTest.class.getResourceAsStream("/emails/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /emails/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
