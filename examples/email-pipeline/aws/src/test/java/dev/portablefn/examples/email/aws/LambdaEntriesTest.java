package dev.portablefn.examples.email.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.aws.LambdaHandler;
import dev.portablefn.doubles.aws.FakeLambdaContext;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.examples.email.contacts.Contact;
import dev.portablefn.examples.email.parsing.ExtractedAddresses;
import dev.portablefn.examples.email.parsing.Mailbox;
import dev.portablefn.testing.AwsEvents;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feeds the payloads Lambda delivers through the LambdaHandler the rendered handlers extend, over an in-memory bucket
 * and a recording publisher: an S3 notification through the parsing handler, what it published as SNS notifications
 * through both subscriber handlers.
 */
class LambdaEntriesTest {

    /** The deployed bucket's own name: the code reads it by its logical name, as the template's setting maps it. */
    private static final String DEPLOYED_BUCKET = "incoming-emails-123456789012-eu-west-1";
    private static final String EMAIL = """
            Message-ID: <notes-1@example.org>
            Date: Thu, 03 Dec 2026 07:00:00 +0000
            From: Ada Lovelace <ada@example.org>
            To: Charles Babbage <charles@engine.example.com>
            Cc: grace@navy.example.mil
            Subject: Notes on the engine
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            The notes are attached in spirit.
            """.replace("\n", "\r\n");

    private record Published(String destination, String body, Map<String, String> attributes) {
    }

    @Test
    void anS3NotificationThroughTheParsingHandlerPublishesTheAddressesAndBothSubscriberHandlersTakeThem() throws IOException {
        LocalCloud cloud = LocalCloud.create().createBucket(EmailPipeline.INBOX_BUCKET);
        // S3 sends the key URL-encoded ('+' for a space); the handler reads the decoded key.
        cloud.blobStore().put(EmailPipeline.INBOX_BUCKET, "inbox/notes from ada.eml", EMAIL.getBytes(StandardCharsets.UTF_8),
                "message/rfc822");
        List<Published> published = new ArrayList<>();
        Publisher recording = (destination, body, attributes) -> {
            published.add(new Published(destination, body, attributes));
            return "sns-message-" + published.size();
        };
        EmailPipeline pipeline = EmailPipeline.inMemory(cloud.blobStore(), recording);

        invoke(new LambdaHandler(pipeline.incomingEmails()), AwsEvents.s3(DEPLOYED_BUCKET, "inbox/notes from ada.eml", EMAIL.length()));

        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.destination()).isEqualTo(EmailPipeline.ADDRESSES_TOPIC);
            assertThat(message.attributes()).containsEntry("messageId", "<notes-1@example.org>");
            ExtractedAddresses addresses = JsonCodec.standard().bind(message.body(), ExtractedAddresses.class, "published");
            assertThat(addresses.source()).isEqualTo(DEPLOYED_BUCKET + "/inbox/notes from ada.eml");
            assertThat(addresses.sender()).isEqualTo(new Mailbox("ada@example.org", "Ada Lovelace"));
            assertThat(addresses.recipients()).extracting(Mailbox::address)
                    .containsExactlyInAnyOrder("charles@engine.example.com", "grace@navy.example.mil");
        });

        byte[] notification = AwsEvents.sns(published.get(0).body(), published.get(0).attributes());
        invoke(new LambdaHandler(pipeline.contactsSubscriber()), notification);
        invoke(new LambdaHandler(pipeline.domainCounter()), notification);

        assertThat(pipeline.contacts().all()).extracting(Contact::address).containsExactly(
                "ada@example.org", "charles@engine.example.com", "grace@navy.example.mil");
        assertThat(pipeline.domainCounts().totals()).containsExactly(Map.entry("engine.example.com", 1),
                Map.entry("example.org", 1), Map.entry("navy.example.mil", 1));
    }

    private static void invoke(LambdaHandler handler, byte[] payload) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(payload), new ByteArrayOutputStream(), FakeLambdaContext.create());
    }
}
