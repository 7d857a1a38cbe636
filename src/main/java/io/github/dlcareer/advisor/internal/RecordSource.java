package io.github.dlcareer.advisor.internal;

import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.util.List;

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
     * The profile of a raw record; warnings are added to {@code warnings}. Thread-safe.
     *
     * @throws InvalidProfileException with the record's problems, located in the input
     */
    Profile profile(Raw raw, boolean strict, List<Problem> warnings);

    /** The id of a record's profile if it can be seen without reading it whole (for rejected records), or null. */
    String idOf(Raw raw);

    /** Problems found cutting records, or the profile of one: a problem at record-relative place, in the input. */
    static Problem located(Problem problem, String source, Raw raw) {
        if (problem.line() <= 0) {
            return new Problem(source, (int) raw.line(), 0, problem.field(), problem.message(), problem.severity());
        }
        long line = raw.line() + problem.line() - 1;
        int column = problem.line() == 1 && problem.column() > 0 ? raw.column() + problem.column() - 1 : problem.column();
        return new Problem(source, (int) line, column, problem.field(), problem.message(), problem.severity());
    }
}
