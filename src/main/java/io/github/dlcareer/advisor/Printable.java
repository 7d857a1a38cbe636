package io.github.dlcareer.advisor;

/**
 * Text safe to show to a person: control characters made visible. A value of a profile (an id, an
 * industry, a word, an unknown field's name) may hold a new line that forges an extra line of output, or an
 * escape sequence that clears the screen or recolours the terminal; no value ever needs a raw control
 * character, so every one is shown as an escape instead: {@code \n}, {@code \r}, {@code \t}, {@code \e}
 * (ESC), and <code>&#92;u0007</code> for the others (C0, DEL and C1).
 *
 * <p>The one place this is decided: the text output of the command line, problems (their
 * {@code toString()}) and the HTML pages all go through it. A backslash is left as it is, so a value that
 * holds one reads as typed.
 */
public final class Printable {

    private Printable() {
    }

    /** Whether {@code c} is a control character: C0 (U+0000..U+001F), DEL (U+007F) or C1 (U+0080..U+009F). */
    public static boolean isControl(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** {@code text} with every control character shown as an escape; null stays null. */
    public static String escape(String text) {
        return escape(text, false);
    }

    /**
     * For HTML: tab, line feed, carriage return and form feed (whitespace to HTML) become a space, the other
     * control characters are shown as escapes; the HTML escaping itself is the caller's.
     */
    public static String escapeForHtml(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean whitespaceAsSpace) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !isControl(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text; // the usual case: nothing to do, nothing copied
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (whitespaceAsSpace && (c == '\t' || c == '\n' || c == '\r' || c == '\f')) {
                out.append(' ');
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case 0x1B -> out.append("\\e");
                    default -> out.append(String.format("\\u%04X", (int) c));
                }
            }
        }
        return out.toString();
    }
}
