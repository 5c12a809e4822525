package dev.portablefn.examples.email.parsing;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Parses RFC 5322 / MIME messages with Jakarta Mail (Angus Mail): headers, sender, recipients and
 * attachment metadata. Addresses are parsed strictly, so a broken {@code From} is reported rather
 * than guessed. Thread-safe; build one and share it.
 */
public final class EmailParser {

    /** The largest message accepted; larger ones are rejected as malformed. */
    public static final int MAX_BYTES = 25 * 1024 * 1024;
    private static final int MAX_DEPTH = 10;

    private final Session session;

    /** Creates a parser with a private mail session that never connects anywhere. */
    public EmailParser() {
        Properties properties = new Properties();
        // Fail on a multipart whose boundary parameter is missing instead of guessing one.
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
        this.session = Session.getInstance(properties);
    }

    /**
     * @param raw  the message bytes
     * @param name names the message in errors, such as its object key
     * @return the parsed message
     * @throws MalformedEmailException naming the message and the problem when it cannot be parsed
     */
    public ParsedEmail parse(byte[] raw, String name) {
        if (raw.length == 0) {
            throw new MalformedEmailException("email " + name + " is empty", null);
        }
        if (raw.length > MAX_BYTES) {
            throw new MalformedEmailException("email " + name + " has " + raw.length + " bytes; the limit is " + MAX_BYTES,
                    null);
        }
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
            Mailbox from = sender(message, name);
            List<Attachment> attachments = new ArrayList<>();
            collectAttachments(message, attachments, name, 0);
            return new ParsedEmail(message.getMessageID(), message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(), from,
                    addresses(message, "To", name), addresses(message, "Cc", name), addresses(message, "Bcc", name),
                    headers(message), List.copyOf(attachments));
        } catch (MessagingException | IOException e) {
            throw new MalformedEmailException("email " + name + " is not a readable MIME message: " + e.getMessage(), e);
        }
    }

    private static Mailbox sender(MimeMessage message, String name) throws MessagingException {
        List<Mailbox> from = addresses(message, "From", name);
        if (from.isEmpty()) {
            throw new MalformedEmailException("email " + name + " has no From header; every message needs a sender", null);
        }
        return from.get(0);
    }

    private static List<Mailbox> addresses(MimeMessage message, String header, String name) throws MessagingException {
        String value = message.getHeader(header, ",");
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            List<Mailbox> mailboxes = new ArrayList<>();
            for (InternetAddress address : InternetAddress.parseHeader(value, true)) {
                address.validate();
                mailboxes.add(new Mailbox(address.getAddress(), address.getPersonal()));
            }
            return List.copyOf(mailboxes);
        } catch (AddressException e) {
            throw new MalformedEmailException("email " + name + " has an invalid " + header + " header '" + value.strip()
                    + "': " + e.getMessage(), e);
        }
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> firstSpelling = new LinkedHashMap<>();
        for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements(); ) {
            Header header = all.nextElement();
            String key = firstSpelling.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> header.getName());
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(header.getValue().strip());
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        headers.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return Collections.unmodifiableMap(frozen);
    }

    private static void collectAttachments(Part part, List<Attachment> into, String name, int depth)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            throw new MalformedEmailException("email " + name + " nests multiparts deeper than " + MAX_DEPTH, null);
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MalformedEmailException("email " + name + " declares " + part.getContentType()
                        + " but its body is not a multipart", null);
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collectAttachments(child, into, name, depth + 1);
            }
            return;
        }
        String fileName = part.getFileName();
        if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null) {
            into.add(new Attachment(fileName, baseType(part.getContentType()), decodedSize(part)));
        }
    }

    private static String baseType(String contentType) {
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            return "application/octet-stream";
        }
    }

    private static long decodedSize(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            long size = 0;
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0; ) {
                size += read;
            }
            return size;
        }
    }
}
