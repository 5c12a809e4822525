package dev.portablefn.examples.email.parsing;

/**
 * Metadata of one attachment; its content is not kept.
 *
 * @param fileName    the file name the sender gave, or {@code null} when none
 * @param contentType the media type without parameters, such as {@code application/pdf}
 * @param sizeBytes   the decoded size in bytes
 */
public record Attachment(String fileName, String contentType, long sizeBytes) {
}
