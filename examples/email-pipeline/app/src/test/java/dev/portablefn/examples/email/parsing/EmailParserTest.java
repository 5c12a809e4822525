package dev.portablefn.examples.email.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.portablefn.api.PermanentFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailParserTest {

    private final EmailParser parser = new EmailParser();

    @Test
    void aPlainMessageGivesItsDecodedHeadersSenderAndRecipients() {
        ParsedEmail email = parser.parse(load("plain.eml"), "plain.eml");

        assertThat(email.messageId()).isEqualTo("<plain-1@example.org>");
        assertThat(email.subject()).isEqualTo("Notes on the Analytical Engine – draft");
        assertThat(email.sentAt()).isEqualTo(Instant.parse("2026-03-13T09:15:00Z"));
        assertThat(email.from()).isEqualTo(new Mailbox("ada@example.org", "Adá Lovelace"));
        assertThat(email.to()).containsExactly(new Mailbox("charles@engine.example.com", "Charles Babbage"),
                new Mailbox("grace@navy.example.mil", null));
        assertThat(email.cc()).containsExactly(new Mailbox("alan@example.org", "Alan"));
        assertThat(email.bcc()).isEmpty();
        assertThat(email.recipients()).extracting(Mailbox::address)
                .containsExactly("charles@engine.example.com", "grace@navy.example.mil", "alan@example.org");
        assertThat(email.headers()).containsKeys("Message-ID", "Date", "From", "To", "Cc", "Subject", "MIME-Version")
                .containsEntry("X-Mailer", java.util.List.of("handwritten"));
        assertThat(email.attachments()).isEmpty();
    }

    @Test
    void attachmentsAreListedWithNameTypeAndDecodedSize() {
        ParsedEmail email = parser.parse(load("with-attachment.eml"), "with-attachment.eml");

        assertThat(email.from().address()).isEqualTo("grace@navy.example.mil");
        assertThat(email.recipients()).extracting(Mailbox::address)
                .containsExactly("ada@example.org", "team@compilers.example.com", "alan@example.org");
        assertThat(email.attachments()).containsExactly(
                new Attachment("lesson-plan.pdf", "application/pdf", 64),
                new Attachment("grades.csv", "text/csv", "name,grade\nada,A\nalan,A".length()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed.eml        | has an invalid From header '<<not an address'",
            "missing-boundary.eml | is not a readable MIME message: Missing start boundary"
    })
    void aMalformedMessageIsAPermanentFailureNamingTheFileAndTheProblem(String file, String problem) {
        assertThatThrownBy(() -> parser.parse(load(file), "inbox/" + file))
                .isInstanceOf(MalformedEmailException.class)
                .isInstanceOf(PermanentFailure.class)
                .hasMessageStartingWith("email inbox/" + file + " ")
                .hasMessageContaining(problem);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no headers at all                | just some text without headers\\n| has no From header",
            "a From header without an address | From: \\nTo: a@example.org\\n\\nhi\\n| has no From header",
            "a recipient with two at signs    | From: a@example.org\\nTo: b@@example.org\\n\\nhi\\n| has an invalid To header"
    })
    void brokenHeadersAreReportedClearly(String description, String message, String problem) {
        byte[] raw = message.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(raw, "inbox/x.eml"))
                .isInstanceOf(MalformedEmailException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void anEmptyFileIsMalformed() {
        assertThatThrownBy(() -> parser.parse(new byte[0], "inbox/empty.eml"))
                .isInstanceOf(MalformedEmailException.class)
                .hasMessage("email inbox/empty.eml is empty");
    }

    static byte[] load(String name) {
        try (InputStream in = EmailParserTest.class.getResourceAsStream("/emails/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource /emails/" + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
