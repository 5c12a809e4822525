package dev.portablefn.examples.email.parsing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@link EmailParser} extracts from one message.
 *
 * @param messageId   the {@code Message-ID} header, or {@code null} when absent
 * @param subject     the decoded subject, or {@code null}
 * @param sentAt      the {@code Date} header, or {@code null} when absent or unreadable
 * @param from        the sender
 * @param to          {@code To} recipients
 * @param cc          {@code Cc} recipients
 * @param bcc         {@code Bcc} recipients (present only in copies the sender kept)
 * @param headers     every header by name as first seen, values in order
 * @param attachments attachment metadata, in message order
 */
public record ParsedEmail(String messageId, String subject, Instant sentAt, Mailbox from, List<Mailbox> to,
                          List<Mailbox> cc, List<Mailbox> bcc, Map<String, List<String>> headers,
                          List<Attachment> attachments) {

    /** @return {@code to}, {@code cc} and {@code bcc} together, without repeats */
    public List<Mailbox> recipients() {
        return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream).distinct().toList();
    }
}
