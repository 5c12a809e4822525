package dev.portablefn.aws.sdk;

import dev.portablefn.api.PermanentFailure;
import dev.portablefn.runtime.internal.outbound.OutboundCalls;
import java.util.Map;

/**
 * The rules SNS and SQS apply to message attributes (the same for both), checked before the call so a refused
 * message fails with a message naming the attribute, not a provider error: at most 10 attributes (the
 * {@code traceparent} counts); names of 1 to 256 letters, digits, {@code _ - .}, not starting with {@code AWS.} or
 * {@code Amazon.} in any case, not starting or ending with {@code .}, without {@code ..}; values not empty and of
 * the characters XML allows. Also measures a message as both services count it against their 256 KB limit.
 */
final class MessageAttributes {

    /** SNS and SQS: most message attributes on one message. */
    static final int MAX_ATTRIBUTES = 10;

    /** SNS, SQS and EventBridge: the largest message or event, in bytes. */
    static final int MAX_MESSAGE_BYTES = 256 * 1024;

    /** Every attribute goes out with this data type, whose name counts towards the size. */
    static final String STRING_TYPE = "String";

    private static final int MAX_NAME_LENGTH = 256;

    private MessageAttributes() {
    }

    /**
     * Refuses attributes SNS or SQS would refuse.
     *
     * @param service    {@code SNS} or {@code SQS}, named in the message
     * @param logical    the logical destination, named in the message
     * @param attributes the attributes that would go out
     * @throws PermanentFailure naming the first refused attribute
     */
    static void check(String service, String logical, Map<String, String> attributes) {
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new PermanentFailure("the message to '" + logical + "' has " + attributes.size()
                    + " attributes" + (attributes.containsKey(OutboundCalls.TRACEPARENT) ? " (with the traceparent)" : "")
                    + ", over " + service + "'s limit of " + MAX_ATTRIBUTES + ": put the rest in the body");
        }
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String problem = nameProblem(attribute.getKey());
            if (problem == null) {
                problem = valueProblem(attribute.getValue());
            }
            if (problem != null) {
                throw new PermanentFailure(service + " refuses attribute '" + attribute.getKey()
                        + "' of the message to '" + logical + "': " + problem);
            }
        }
    }

    /**
     * Measures a message as SNS and SQS count it: the body plus each attribute's name, data type and value, in
     * UTF-8 bytes.
     *
     * @param body       the message body
     * @param attributes the attributes that go out
     * @return the size in bytes
     */
    static long size(String body, Map<String, String> attributes) {
        long bytes = utf8Length(body);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            bytes += utf8Length(attribute.getKey()) + STRING_TYPE.length() + utf8Length(attribute.getValue());
        }
        return bytes;
    }

    /**
     * Counts the UTF-8 bytes of a text without encoding it.
     *
     * @param text the text
     * @return its length in UTF-8
     */
    static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // A surrogate pair (one code point of 4 bytes) is counted 2 + 2.
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    private static String nameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a name is required";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "names are at most " + MAX_NAME_LENGTH + " characters, this one has " + name.length();
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            return "names starting with 'AWS.' or 'Amazon.' are reserved by AWS";
        }
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return "a name may not start or end with '.' nor hold '..'";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '.';
            if (!allowed) {
                return "a name holds only letters, digits, '_', '-' and '.', not '" + c + "'";
            }
        }
        return null;
    }

    private static String valueProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "the value is empty; leave the attribute out instead";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // XML 1.0 characters: tab, LF, CR, U+0020..U+D7FF, U+E000..U+FFFD and supplementary code points.
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD || Character.isSurrogate(c);
            if (!allowed) {
                return "the value holds the character U+" + String.format("%04X", (int) c)
                        + ", which SNS and SQS do not carry";
            }
        }
        return null;
    }
}
