package io.github.dlcareer.advisor;


import java.util.Objects;

/**
 * One thing wrong (or doubtful) with an input: a profile, a rule file or a catalogue.
 *
 * <p>It says <em>where</em>: the source (a file name, or a name such as {@code <stdin>}), the line and
 * column when known (1-based; 0 when unknown), and the field when the problem is about one
 * (a profile path such as {@code skills.math}, or a rule name). {@link #toString()} gives the
 * conventional {@code source:line:column: field: message} form, on one line: control characters of any of
 * its parts (a new line or a terminal escape sequence in a file name, field name or echoed value) are shown
 * as escapes such as {@code \n} and {@code \e}, never written raw.
 *
 * @param source   where the input came from; never null
 * @param line     1-based line, or 0 when unknown
 * @param column   1-based column, or 0 when unknown
 * @param field    the profile path, rule or entry concerned; may be null
 * @param message  what is wrong and what was expected; never null
 * @param severity whether it stops the input from being used
 */
public record Problem(String source, int line, int column, String field, String message, Severity severity) {

    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
    }

    public static Problem error(String source, int line, int column, String field, String message) {
        return new Problem(source, line, column, field, message, Severity.ERROR);
    }

    public static Problem warning(String source, int line, int column, String field, String message) {
        return new Problem(source, line, column, field, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(source);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        where.append(": ");
        if (severity == Severity.WARNING) {
            where.append("warning: ");
        }
        if (field != null) {
            where.append(field).append(": ");
        }
        return Printable.escape(where.append(message).toString());
    }
}
