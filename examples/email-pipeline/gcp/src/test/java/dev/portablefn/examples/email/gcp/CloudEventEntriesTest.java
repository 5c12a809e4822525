package dev.portablefn.examples.email.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.examples.email.contacts.Contact;
import dev.portablefn.examples.email.parsing.ExtractedAddresses;
import dev.portablefn.examples.email.parsing.Mailbox;
import dev.portablefn.gcp.GcpCloudEventFunction;
import dev.portablefn.testing.GcpEvents;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feeds the CloudEvents Eventarc delivers through the Functions Framework entry the rendered entry classes extend,
 * over an in-memory bucket and a recording publisher: a Cloud Storage {@code finalized} event through the parsing function, what it published as
 * Pub/Sub {@code messagePublished} events through both subscribers.
 */
class CloudEventEntriesTest {

    /** The deployed bucket's own name: the code reads it by its logical name, as the script's setting maps it. */
    private static final String DEPLOYED_BUCKET = "incoming-emails-my-project";
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
    void aStorageCloudEventThroughTheParsingFunctionPublishesTheAddressesAndBothSubscribersTakeThem() throws Exception {
        LocalCloud cloud = LocalCloud.create().createBucket(EmailPipeline.INBOX_BUCKET);
        cloud.blobStore().put(EmailPipeline.INBOX_BUCKET, "inbox/notes.eml", EMAIL.getBytes(StandardCharsets.UTF_8),
                "message/rfc822");
        List<Published> published = new ArrayList<>();
        Publisher recording = (destination, body, attributes) -> {
            published.add(new Published(destination, body, attributes));
            return "1234567890" + published.size();
        };
        EmailPipeline pipeline = EmailPipeline.inMemory(cloud.blobStore(), recording);

        new GcpCloudEventFunction(pipeline.incomingEmails()).accept(GcpEvents.cloudEvent(
                GcpEvents.storage(DEPLOYED_BUCKET, "inbox/notes.eml", EMAIL.length())));

        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.destination()).isEqualTo(EmailPipeline.ADDRESSES_TOPIC);
            assertThat(message.attributes()).containsEntry("messageId", "<notes-1@example.org>");
            ExtractedAddresses addresses = JsonCodec.standard().bind(message.body(), ExtractedAddresses.class, "published");
            assertThat(addresses.source()).isEqualTo(DEPLOYED_BUCKET + "/inbox/notes.eml");
            assertThat(addresses.sender()).isEqualTo(new Mailbox("ada@example.org", "Ada Lovelace"));
            assertThat(addresses.recipients()).extracting(Mailbox::address)
                    .containsExactlyInAnyOrder("charles@engine.example.com", "grace@navy.example.mil");
        });

        byte[] pushed = GcpEvents.pubsub("12345678901", published.get(0).body(), published.get(0).attributes());
        new GcpCloudEventFunction(pipeline.contactsSubscriber()).accept(GcpEvents.cloudEvent(pushed));
        new GcpCloudEventFunction(pipeline.domainCounter()).accept(GcpEvents.cloudEvent(pushed));

        assertThat(pipeline.contacts().all()).extracting(Contact::address).containsExactly(
                "ada@example.org", "charles@engine.example.com", "grace@navy.example.mil");
        assertThat(pipeline.domainCounts().totals()).containsExactly(Map.entry("engine.example.com", 1),
                Map.entry("example.org", 1), Map.entry("navy.example.mil", 1));
    }
}
