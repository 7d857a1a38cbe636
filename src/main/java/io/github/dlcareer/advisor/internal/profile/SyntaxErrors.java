package io.github.dlcareer.advisor.internal.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.dlcareer.advisor.Printable;
import io.github.dlcareer.advisor.Problem;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Syntax errors of a profile in plain words, the one place where Jackson's and SnakeYAML's messages are
 * translated: no class or feature names ({@code JsonReadFeature.ALLOW_...}, {@code StreamReadConstraints}),
 * no {@code (code 39)}, no multi-line snippets; what was found, what was expected, and where — the line
 * and column of the error, or of the parser when the error has none (a broken limit).
 */
final class SyntaxErrors {

    private static final Pattern UNEXPECTED_CHARACTER =
            Pattern.compile("^Unexpected character \\('(.*?)' \\(code (\\d+)[^)]*\\)\\):\\s*(.*)$", Pattern.DOTALL);
    private static final Pattern UNCLOSED =
            Pattern.compile("^Unexpected end-of-input: expected close marker for (Object|Array) \\(start marker at .*?"
                    + "line: (\\d+), column: (\\d+)\\]", Pattern.DOTALL);
    private static final Pattern WRONG_CLOSE =
            Pattern.compile("^Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at .*?"
                    + "line: (\\d+), column: (\\d+)\\]", Pattern.DOTALL);
    private static final Pattern UNKNOWN_TOKEN = Pattern.compile("^Unrecognized token '(.*?)': was expecting", Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("^Non-standard token '(.*?)'", Pattern.DOTALL);
    private static final Pattern CONTROL_IN_TEXT = Pattern.compile("^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern BAD_ESCAPE = Pattern.compile("^Unrecognized character escape '(.*?)' \\(code (\\d+)");
    private static final Pattern TOO_DEEP = Pattern.compile("^Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern TOO_LONG =
            Pattern.compile("^(String value|Number value|Name) length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");
    private static final Pattern JACKSON_NAMES = Pattern.compile("\\s*\\(?(from |enable |disable )?`[A-Za-z]+(Feature|Constraints)[^`]*`\\)?( to allow)?");
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*(at )?\\[Source: .*?\\]", Pattern.DOTALL);

    private SyntaxErrors() {
    }

    /** The problem for a syntax error or a broken limit; {@code parser} (may be null) gives the place when the error has none. */
    static Problem problem(String source, JsonProcessingException e, JsonParser parser) {
        MarkedYAMLException yaml = yamlCause(e);
        if (yaml != null && yaml.getProblemMark() != null) {
            return Problem.error(source, yaml.getProblemMark().getLine() + 1, yaml.getProblemMark().getColumn() + 1,
                    null, "broken syntax: " + yaml(yaml));
        }
        JsonLocation at = e.getLocation();
        if ((at == null || at.getLineNr() <= 0) && parser != null) {
            at = parser.currentLocation();
        }
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        return Problem.error(source, line, column, null, "broken syntax: " + plain(e.getOriginalMessage()));
    }

    private static MarkedYAMLException yamlCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked) {
                return marked;
            }
        }
        return null;
    }

    /** SnakeYAML's context and problem, without its snippets of the input, on one line. */
    private static String yaml(MarkedYAMLException e) {
        String problem = oneLine(e.getProblem());
        String context = e.getContext() == null || e.getContext().contains("scanning for the next token") ? ""
                : oneLine(e.getContext());
        String text = (context.isEmpty() ? "" : context + ": ") + problem;
        return text.replace("found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for"
                        + " indentation)", "a tab, which YAML does not allow for indentation: indent with spaces")
                .replace("'\\t(TAB)'", "a tab")
                .replace("<stream end>", "the end of the file")
                .replace("end of stream", "end of the file")
                .replace("quoted scalar", "quoted text")
                .replace("expected <block end>, but found '<block mapping start>'",
                        "a field indented more than the fields before it")
                .replace("expected <block end>, but found", "expected the end of an indented block, but found")
                .replace("mapping values are not allowed here",
                        "a ':' where it cannot be (check the indentation, or quote a text that holds ': ')")
                .replace("'<scalar>'", "a value")
                .replace("<scalar>", "a value")
                .replaceAll("\\.$", "");
    }

    /** One of Jackson's messages in plain words. */
    static String plain(String message) {
        if (message == null) {
            return "unreadable";
        }
        Matcher m = UNEXPECTED_CHARACTER.matcher(message);
        if (m.find()) {
            int code = Integer.parseInt(m.group(2));
            return "unexpected " + character(code) + ": " + expected(oneLine(m.group(3)), code);
        }
        if ((m = UNCLOSED.matcher(message)).find()) {
            boolean object = m.group(1).equals("Object");
            return "the input ends before the " + (object ? "object" : "list") + " opened at line " + m.group(2)
                    + ", column " + m.group(3) + " is closed (with '" + (object ? "}" : "]") + "')";
        }
        if ((m = WRONG_CLOSE.matcher(message)).find()) {
            return "'" + m.group(1) + "' cannot close the " + (m.group(3).equals("Object") ? "object" : "list")
                    + " opened at line " + m.group(4) + ", column " + m.group(5) + ": expected '" + m.group(2) + "'";
        }
        if (message.startsWith("Unexpected end-of-input: was expecting closing quote")) {
            return "the input ends inside a text: its closing double quote is missing";
        }
        if (message.startsWith("Unexpected end-of-input")) {
            return "the input ends too early: " + jargonFree(message.substring("Unexpected end-of-input".length())
                    .replaceFirst("^[:\\s]+", ""));
        }
        if ((m = UNKNOWN_TOKEN.matcher(message)).find()) {
            return "unknown word '" + shown(m.group(1)) + "'; expected a value: a text in double quotes, a number,"
                    + " true, false or null";
        }
        if ((m = NON_STANDARD.matcher(message)).find()) {
            return "'" + shown(m.group(1)) + "' is not a number JSON allows; write a number such as 3";
        }
        if (message.contains("Leading zeroes not allowed")) {
            return "a number may not start with 0 (write 3, not 03)";
        }
        if ((m = CONTROL_IN_TEXT.matcher(message)).find()) {
            int code = Integer.parseInt(m.group(1));
            return switch (code) {
                case '\n', '\r' -> "a line break inside a text; a JSON text stays on one line (write \\n for a new line)";
                case '\t' -> "a tab inside a text; write it as \\t";
                default -> "the control character " + Printable.escape(String.valueOf((char) code))
                        + " inside a text; write it escaped, or leave it out";
            };
        }
        if ((m = BAD_ESCAPE.matcher(message)).find()) {
            return "unknown escape \\" + shown(m.group(1)) + " in a text; JSON knows \\\", \\\\, \\/, \\b, \\f, \\n,"
                    + " \\r, \\t and \\uXXXX";
        }
        if ((m = TOO_DEEP.matcher(message)).find()) {
            return "nested more than " + m.group(2) + " levels deep; a profile has 3 (a section such as"
                    + " interests, its roles, their values)";
        }
        if ((m = TOO_LONG.matcher(message)).find()) {
            String what = switch (m.group(1)) {
                case "String value" -> "a text";
                case "Number value" -> "a number";
                default -> "a field name";
            };
            return String.format(Locale.ROOT, "%s longer than %,d characters", what, Long.parseLong(m.group(3)));
        }
        if (message.startsWith("Invalid numeric value: ")) {
            return "not a valid number: " + jargonFree(message.substring("Invalid numeric value: ".length()));
        }
        return jargonFree(message);
    }

    /** What was expected where an unexpected character stands, with a hint for the usual mistakes. */
    private static String expected(String tail, int code) {
        if (tail.startsWith("was expecting double-quote to start field name")) {
            return "expected a field name in double quotes" + switch (code) {
                case '}' -> "; JSON allows no comma before '}'";
                case '\'' -> "; JSON quotes with \", not '";
                default -> Character.isLetterOrDigit(code) || code == '_' ? "; in JSON a field name is quoted: \"id\"" : "";
            };
        }
        if (tail.startsWith("expected a valid value")) {
            return "expected a value (a text in double quotes, a number, true, false, null, a list or an object)"
                    + switch (code) {
                        case ']', '}' -> "; JSON allows no comma before '" + (char) code + "'";
                        case '\'' -> "; JSON quotes with \", not '";
                        default -> "";
                    };
        }
        if (tail.startsWith("was expecting comma to separate Object entries")) {
            return "expected ',' between two fields, or '}' at the end of the object"
                    + (code == '#' || code == '/' ? "; JSON has no comments (YAML has: # like this)" : "");
        }
        if (tail.startsWith("was expecting comma to separate Array entries")) {
            return "expected ',' between two items, or ']' at the end of the list"
                    + (code == '#' || code == '/' ? "; JSON has no comments (YAML has: # like this)" : "");
        }
        if (tail.startsWith("was expecting a colon to separate field name and value")) {
            return "expected ':' between the field name and its value";
        }
        if (tail.startsWith("maybe a (non-standard) comment?")) {
            return "JSON has no comments (YAML has: # like this)";
        }
        if (tail.startsWith("expected space separating root-level values")) {
            return "expected the end of the input after the profile";
        }
        return jargonFree(tail);
    }

    /** A character as a person can read it: 'x', or its escape for a control or invisible one. */
    private static String character(int code) {
        if (code == 0xFEFF) {
            return "a byte-order mark (\\uFEFF)";
        }
        if (code < 0x20 || (code >= 0x7F && code <= 0x9F) || Character.getType(code) == Character.FORMAT) {
            return code < 0x20 || code >= 0x7F && code <= 0x9F
                    ? Printable.escape(String.valueOf((char) code))
                    : String.format(Locale.ROOT, "\\u%04X", code);
        }
        return "'" + new String(Character.toChars(code)) + "'";
    }

    private static String shown(String text) {
        String escaped = Printable.escape(text);
        return escaped.length() <= 40 ? escaped : escaped.substring(0, 37) + "...";
    }

    /** Without Jackson's class and feature names, references to the source, and line breaks. */
    private static String jargonFree(String message) {
        String text = JACKSON_NAMES.matcher(message).replaceAll("");
        text = SOURCE_REFERENCE.matcher(text).replaceAll("");
        text = text.replaceAll("\\(code (\\d+)\\)", "").replaceAll("\\s+\\)", ")");
        return Printable.escape(oneLine(text)).replaceAll("[:;,\\s]+$", "");
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
