package io.github.dlcareer.advisor.internal.batch;

import io.github.dlcareer.advisor.InvalidInputException;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A stream of input records for a batch. Reading is split in two so that the expensive half runs in
 * parallel: {@link #next} cuts the input into raw records on one thread, {@link #profile} turns a raw record
 * into a validated profile on any worker thread.
 */
public interface RecordSource {

    /**
     * A record as cut from the input: where it starts, what the source needs to make a profile of it (or a
     * {@link Refused} when it could not even be cut), and the bytes it holds in memory.
     */
    record Raw(long line, int column, Object payload, int size) {
    }

    /** A record refused while it was cut: too long, not UTF-8, or broken beyond reading. */
    record Refused(Problem problem, String id) {
    }

    /** The input's name, for problems. */
    String name();

    /**
     * The next records: up to {@code maxRecords}, stopping once they hold {@code maxBytes}; each over
     * {@code maxRecordSize} bytes is refused without being held. An empty list at the end of the input. Called
     * from one thread.
     */
    List<Raw> next(int maxRecords, long maxBytes, int maxRecordSize) throws IOException;

    /**
     * The profile of a raw record (never a {@link Refused} one); warnings are added to {@code warnings}. Thread-safe.
     *
     * @throws InvalidProfileException with the record's problems, located in the input
     */
    Profile profile(Raw raw, boolean strict, List<Problem> warnings);

    /** The id of a record's profile if it can be seen without reading it whole (for rejected records), or null. */
    String idOf(Raw raw);

    /**
     * What reads the named columns of a raw record (CSV: by the header's names; JSON: top-level fields) as text, in
     * the order given, null where the record has none or could not be read that far (a refused one). Thread-safe.
     *
     * @throws InvalidInputException when the input's header lacks one of them
     */
    Function<Raw, Map<String, String>> keeper(List<String> columns);

    /** Each column with no value yet: the map a keeper fills, in the order asked. */
    static Map<String, String> unknown(List<String> columns) {
        Map<String, String> values = new LinkedHashMap<>();
        columns.forEach(column -> values.put(column, null));
        return values;
    }

    /**
     * A problem found in a record's text, moved to where it is in the input: its line and column counted from
     * the record's start. The parser counts a bare {@code \r} as a line break, an editor does not: where the
     * text has one, the place is worked out again from the text.
     */
    static Problem located(Problem problem, String source, Raw raw, String text) {
        if (problem.line() <= 0) {
            return new Problem(source, (int) raw.line(), 0, problem.field(), problem.message(), problem.severity());
        }
        int line = problem.line();
        int column = problem.column();
        if (text.indexOf('\r') >= 0 && column > 0) {
            int[] place = editorPlace(text, line, column);
            line = place[0];
            column = place[1];
        }
        long at = raw.line() + line - 1;
        int col = line == 1 && column > 0 ? raw.column() + column - 1 : column;
        return new Problem(source, (int) at, col, problem.field(), problem.message(), problem.severity());
    }

    /** The parser's line and column (breaks at \n, \r and \r\n) as an editor's (breaks at \n only). */
    private static int[] editorPlace(String text, int parserLine, int parserColumn) {
        int i = 0;
        for (int l = 1; l < parserLine && i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                l++;
            }
        }
        int offset = Math.min(text.length(), i + parserColumn - 1);
        int line = 1;
        int column = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }
}
