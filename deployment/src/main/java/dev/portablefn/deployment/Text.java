package dev.portablefn.deployment;

/** Quoting for the rendered files: YAML and JSON double-quoted strings, Java string literals, shell words. */
final class Text {

    private Text() {
    }

    /** @return the text as a double-quoted string, which YAML, JSON and Java read alike */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** @return the text as one shell word: single-quoted unless it is plainly safe */
    static String shell(String text) {
        if (text.matches("[A-Za-z0-9_./:=@,+-]+")) {
            return text;
        }
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
