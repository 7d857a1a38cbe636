package io.github.dlcareer.advisor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one input record of a batch: its advice, or the problems that kept it from being advised.
 *
 * @param line     the record's line in the input (1-based; for CSV, the line its row starts on)
 * @param id       the profile's id when it could be read that far, else null
 * @param profile  the profile as read, or null when the record was rejected
 * @param advice   the advice, or null when the record was rejected
 * @param problems the errors that rejected it, or the warnings of an advised record
 * @param kept     the input columns passed through ({@link BatchInput#keep}), in the order asked, as text: a value
 *                 is null where the record has none or could not be read that far; empty unless asked
 */
public record BatchRecord(long line, String id, Profile profile, Advice advice, List<Problem> problems,
                          Map<String, String> kept) {

    public BatchRecord {
        problems = List.copyOf(problems);
        kept = kept.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kept)); // values may be null
    }

    /** A record with no input columns kept. */
    public BatchRecord(long line, String id, Profile profile, Advice advice, List<Problem> problems) {
        this(line, id, profile, advice, problems, Map.of());
    }

    public boolean advised() {
        return advice != null;
    }
}
