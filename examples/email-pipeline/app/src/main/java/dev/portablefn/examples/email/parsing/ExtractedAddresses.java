package dev.portablefn.examples.email.parsing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The message published to the {@code addresses} topic for each parsed e-mail; both subscribers
 * bind it back from JSON.
 *
 * @param messageId   the e-mail's {@code Message-ID}, or its bucket and key when it has none; the
 *                    subscribers' de-duplication key
 * @param source      where the e-mail was read, {@code bucket/key}
 * @param subject     its subject, or {@code null}
 * @param sender      its sender
 * @param recipients  its recipients
 * @param attachments its attachment metadata
 */
public record ExtractedAddresses(
        @NotBlank String messageId,
        @NotBlank String source,
        String subject,
        @NotNull @Valid Mailbox sender,
        @NotNull List<@Valid Mailbox> recipients,
        @NotNull List<Attachment> attachments) {
}
