package dev.portablefn.examples.email.parsing;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.EventFunction;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.json.JsonCodec;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Runs when an e-mail file lands in the inbox bucket: reads it through the {@link BlobStore},
 * parses it with {@link EmailParser} and publishes the {@link ExtractedAddresses} to the addresses
 * topic. A malformed e-mail is a {@link MalformedEmailException}, so it is dead-lettered with the
 * parser's reason and never retried.
 */
public final class IncomingEmails implements EventFunction<StorageObject> {

    private final BlobStore blobs;
    private final String bucket;
    private final Publisher publisher;
    private final EmailParser parser;
    private final String topic;

    /**
     * @param blobs     reads the e-mail files
     * @param bucket    the logical name of the bucket the events come from, as {@code blobs} knows it (a deployed
     *                  bucket's own name may differ: the deployment maps the logical name to it)
     * @param publisher publishes the extracted addresses
     * @param parser    parses the e-mails
     * @param topic     the topic addresses go to
     */
    public IncomingEmails(BlobStore blobs, String bucket, Publisher publisher, EmailParser parser, String topic) {
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    @Override
    public void handle(Event<StorageObject> event, Context context) {
        StorageObject object = event.data();
        String source = object.bucket() + "/" + object.key();
        if (object.change() != StorageObject.Change.CREATED) {
            context.logger().info("ignoring {} of {}: only new e-mails are parsed", object.change(), source);
            return;
        }
        byte[] raw = blobs.get(bucket, object.key()).orElseThrow(() -> new PermanentFailure(
                "email " + source + " was announced but no longer exists in the bucket; upload it again"));
        ParsedEmail email = parser.parse(raw, source);
        ExtractedAddresses addresses = new ExtractedAddresses(
                email.messageId() == null ? source : email.messageId(), source, email.subject(), email.from(),
                email.recipients(), email.attachments());
        String body = new String(JsonCodec.standard().write(addresses), StandardCharsets.UTF_8);
        String id = publisher.publish(topic, body, Map.of("messageId", addresses.messageId()));
        context.logger().info("parsed {}: from {}, {} recipients, {} attachments; published {}", source,
                email.from().address(), addresses.recipients().size(), email.attachments().size(), id);
    }
}
