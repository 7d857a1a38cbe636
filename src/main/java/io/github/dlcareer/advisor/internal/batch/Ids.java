package io.github.dlcareer.advisor.internal.batch;

/**
 * Finds the id of a record that cannot be parsed, so that its error record still names the person. A plain
 * scan, linear in the text: no regular expression ever runs on untrusted input.
 */
final class Ids {

    /** Longer ids are cut: a recovered id only labels an error record. */
    static final int MAX = 200;

    private Ids() {
    }

    /** The text of the first {@code "id": "..."} in a JSON text, or null. */
    static String recover(String text) {
        for (int at = text.indexOf("\"id\""); at >= 0; at = text.indexOf("\"id\"", at + 4)) {
            int i = skipSpace(text, at + 4);
            if (i < text.length() && text.charAt(i) == ':') {
                i = skipSpace(text, i + 1);
                if (i < text.length() && text.charAt(i) == '"') {
                    return string(text, i + 1);
                }
            }
        }
        return null;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** A JSON string's content from {@code start} up to its closing quote (escapes kept as written), cut at MAX. */
    private static String string(String text, int start) {
        StringBuilder id = new StringBuilder();
        for (int i = start; i < text.length() && id.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                return id.toString();
            }
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                id.append(next == '"' || next == '\\' || next == '/' ? String.valueOf(next) : "\\" + next);
            } else {
                id.append(c);
            }
        }
        return id.isEmpty() ? null : id.append('…').toString();
    }
}
