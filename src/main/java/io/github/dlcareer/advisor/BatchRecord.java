package io.github.dlcareer.advisor;

import java.util.List;

/**
 * The outcome of one input record of a batch: its advice, or the problems that kept it from being advised.
 *
 * @param line     the record's line in the input (1-based; for CSV, the line its row starts on)
 * @param id       the profile's id when it could be read that far, else null
 * @param profile  the profile as read, or null when the record was rejected
 * @param advice   the advice, or null when the record was rejected
 * @param problems the errors that rejected it, or the warnings of an advised record
 */
public record BatchRecord(long line, String id, Profile profile, Advice advice, List<Problem> problems) {

    public BatchRecord {
        problems = List.copyOf(problems);
    }

    public boolean advised() {
        return advice != null;
    }
}
