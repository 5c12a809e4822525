package dev.portablefn.examples.email.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.azure.AzureFunctions;
import dev.portablefn.doubles.azure.FakeExecutionContext;
import dev.portablefn.examples.email.EmailPipeline;
import dev.portablefn.examples.email.contacts.Contact;
import dev.portablefn.examples.email.parsing.ExtractedAddresses;
import dev.portablefn.examples.email.parsing.Mailbox;
import dev.portablefn.testing.AzureEvents;
import dev.portablefn.testing.localcloud.LocalCloud;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Feeds what the Azure Functions host hands the annotated methods of the rendered {@link EmailPipelineFunctions}
 * through the {@link AzureFunctions} delegations they make, over an in-memory container and a recording publisher: an Event Grid {@code BlobCreated} event through the parsing function,
 * what it sent as Service Bus messages through both subscriptions' functions.
 */
class AzureEntriesTest {

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
    void aBlobCreatedEventThroughTheParsingFunctionSendsTheAddressesAndBothSubscriptionFunctionsTakeThem() {
        LocalCloud cloud = LocalCloud.create().createBucket(EmailPipeline.INBOX_BUCKET);
        cloud.blobStore().put(EmailPipeline.INBOX_BUCKET, "inbox/notes.eml", EMAIL.getBytes(StandardCharsets.UTF_8),
                "message/rfc822");
        List<Published> published = new ArrayList<>();
        Publisher recording = (destination, body, attributes) -> {
            published.add(new Published(destination, body, attributes));
            return "sb-message-" + published.size();
        };
        EmailPipeline pipeline = EmailPipeline.inMemory(cloud.blobStore(), recording);

        String blobCreated = new String(AzureEvents.blobCreated(EmailPipeline.INBOX_BUCKET, "inbox/notes.eml",
                EMAIL.length()), StandardCharsets.UTF_8);
        AzureFunctions.of(pipeline.incomingEmails()).eventGrid(blobCreated, FakeExecutionContext.create());

        assertThat(published).singleElement().satisfies(message -> {
            assertThat(message.destination()).isEqualTo(EmailPipeline.ADDRESSES_TOPIC);
            assertThat(message.attributes()).containsEntry("messageId", "<notes-1@example.org>");
            ExtractedAddresses addresses = JsonCodec.standard().bind(message.body(), ExtractedAddresses.class, "published");
            assertThat(addresses.source()).isEqualTo(EmailPipeline.INBOX_BUCKET + "/inbox/notes.eml");
            assertThat(addresses.sender()).isEqualTo(new Mailbox("ada@example.org", "Ada Lovelace"));
            assertThat(addresses.recipients()).extracting(Mailbox::address)
                    .containsExactlyInAnyOrder("charles@engine.example.com", "grace@navy.example.mil");
        });

        String body = published.get(0).body();
        String properties = "{\"messageId\":\"<notes-1@example.org>\"}";
        AzureFunctions.of(pipeline.contactsSubscriber()).serviceBusTopic(body, "sb-message-1", 1, "2026-12-03T07:00:01Z",
                properties, FakeExecutionContext.create());
        AzureFunctions.of(pipeline.domainCounter()).serviceBusTopic(body, "sb-message-1", 1, "2026-12-03T07:00:01Z",
                properties, FakeExecutionContext.create());

        assertThat(pipeline.contacts().all()).extracting(Contact::address).containsExactly(
                "ada@example.org", "charles@engine.example.com", "grace@navy.example.mil");
        assertThat(pipeline.domainCounts().totals()).containsExactly(Map.entry("engine.example.com", 1),
                Map.entry("example.org", 1), Map.entry("navy.example.mil", 1));
    }
}
