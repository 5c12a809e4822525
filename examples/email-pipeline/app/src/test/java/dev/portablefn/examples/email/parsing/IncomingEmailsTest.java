package dev.portablefn.examples.email.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.portablefn.api.Context;
import dev.portablefn.api.Event;
import dev.portablefn.api.PermanentFailure;
import dev.portablefn.api.Provider;
import dev.portablefn.api.Trigger;
import dev.portablefn.api.event.StorageObject;
import dev.portablefn.api.outbound.BlobStore;
import dev.portablefn.api.outbound.Publisher;
import dev.portablefn.runtime.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class IncomingEmailsTest {

    private final BlobStore blobs = mock(BlobStore.class);
    private final Publisher publisher = mock(Publisher.class);
    private final IncomingEmails function = new IncomingEmails(blobs, "incoming-emails", publisher, new EmailParser(), "addresses");
    private final Context context = Context.builder().requestId("r-1").functionName("incoming-emails")
            .provider(Provider.AWS).build();

    @Test
    void aNewEmailIsReadParsedAndItsAddressesPublished() throws Exception {
        when(blobs.get("incoming-emails", "a.eml")).thenReturn(Optional.of(EmailParserTest.load("with-attachment.eml")));
        when(publisher.publish(eq("addresses"), anyString(), eq(Map.of("messageId", "<attach-1@example.org>"))))
                .thenReturn("m-1");

        function.handle(created("a.eml"), context);

        ArgumentCaptor<String> body = ArgumentCaptor.forClass(String.class);
        verify(publisher).publish(eq("addresses"), body.capture(), eq(Map.of("messageId", "<attach-1@example.org>")));
        JacksonCodec codec = JacksonCodec.standard();
        ExtractedAddresses published = codec.read(body.getValue().getBytes(StandardCharsets.UTF_8),
                codec.type(ExtractedAddresses.class));
        assertThat(published.messageId()).isEqualTo("<attach-1@example.org>");
        assertThat(published.source()).isEqualTo("inbox/a.eml");
        assertThat(published.subject()).isEqualTo("Lesson plan and diagram");
        assertThat(published.sender()).isEqualTo(new Mailbox("grace@navy.example.mil", "Grace Hopper"));
        assertThat(published.recipients()).extracting(Mailbox::address)
                .containsExactly("ada@example.org", "team@compilers.example.com", "alan@example.org");
        assertThat(published.attachments()).extracting(Attachment::fileName).containsExactly("lesson-plan.pdf", "grades.csv");
    }

    @Test
    void anEmailWithoutAMessageIdIsKeyedByItsLocation() throws Exception {
        when(blobs.get("incoming-emails", "b.eml")).thenReturn(Optional.of(
                "From: a@example.org\nTo: b@example.org\n\nhi\n".getBytes(StandardCharsets.UTF_8)));

        function.handle(created("b.eml"), context);

        verify(publisher).publish(eq("addresses"), anyString(), eq(Map.of("messageId", "inbox/b.eml")));
    }

    @Test
    void anAnnouncedEmailThatIsGoneIsAPermanentFailureNamingIt() {
        when(blobs.get("incoming-emails", "gone.eml")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> function.handle(created("gone.eml"), context))
                .isInstanceOf(PermanentFailure.class)
                .hasMessage("email inbox/gone.eml was announced but no longer exists in the bucket; upload it again");
        verifyNoInteractions(publisher);
    }

    @Test
    void aDeletedEmailIsAcknowledgedWithoutReadingIt() {
        function.handle(Event.<StorageObject>builder().id("e-2").source("inbox").type("test").trigger(Trigger.STORAGE)
                .data(StorageObject.of("inbox", "old.eml", StorageObject.Change.DELETED)).build(), context);

        verifyNoInteractions(blobs, publisher);
    }

    private static Event<StorageObject> created(String key) {
        return Event.<StorageObject>builder().id("e-1").source("inbox").type("test").trigger(Trigger.STORAGE)
                .data(StorageObject.of("inbox", key, StorageObject.Change.CREATED)).build();
    }
}
