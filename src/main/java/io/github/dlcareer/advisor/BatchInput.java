package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.batch.ReaderBytes;
import io.github.dlcareer.advisor.internal.batch.CsvSource;
import io.github.dlcareer.advisor.internal.batch.JsonSource;
import io.github.dlcareer.advisor.internal.batch.RecordSource;

import java.io.InputStream;
import java.io.Reader;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the profiles of a batch come from, read as a stream (never all in memory).
 *
 * <ul>
 *   <li>{@link #json}: JSON Lines (one profile per line; blank lines are skipped) or a JSON array of profiles;
 *   <li>{@link #csv}: a CSV or TSV export with a header row, turned into profiles by a {@link CsvMapping}.
 * </ul>
 *
 * <p>Bytes are read as UTF-8: a record that is not is rejected with an error record naming its line, a
 * byte-order mark at the start is skipped, and only {@code \n} (or {@code \r\n}) ends a line, so line numbers
 * are those an editor shows. A record larger than {@link Batch#maxRecordSize} is rejected without being held.
 */
public final class BatchInput {

    private final RecordSource source;
    private final Function<RecordSource.Raw, Map<String, String>> keeper; // null: no column kept

    private BatchInput(RecordSource source, Function<RecordSource.Raw, Map<String, String>> keeper) {
        this.source = source;
        this.keeper = keeper;
    }

    private BatchInput(RecordSource source) {
        this(source, null);
    }

    /** JSON Lines, or a JSON array when the input starts with {@code [}. {@code name} names it in problems. */
    public static BatchInput json(InputStream in, String name) {
        return new BatchInput(new JsonSource(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name")));
    }

    /** The same, from characters (encoded back to UTF-8 as they are read). */
    public static BatchInput json(Reader reader, String name) {
        return json(new ReaderBytes(Objects.requireNonNull(reader, "reader")), name);
    }

    /**
     * A CSV/TSV export with a header row.
     *
     * @throws InvalidInputException when the header lacks a column the mapping uses
     */
    public static BatchInput csv(InputStream in, String name, CsvMapping mapping) {
        return new BatchInput(new CsvSource(Objects.requireNonNull(in, "in"), Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(mapping, "mapping").mapping()));
    }

    /** The same, from characters (encoded back to UTF-8 as they are read). */
    public static BatchInput csv(Reader reader, String name, CsvMapping mapping) {
        return csv(new ReaderBytes(Objects.requireNonNull(reader, "reader")), name, mapping);
    }

    /**
     * This input, passing {@code columns} through to every record's {@link BatchRecord#kept}, so that results can be
     * segmented by what a profile does not hold (a country as answered, an id of one's own): a CSV's columns by their
     * header names, or JSON's top-level fields. Values are text (a JSON number as written, an object or list as
     * JSON); one a record lacks is null. Rejected records keep theirs too, where the record could be read. Run the
     * input returned, not this one: both read the same stream.
     *
     * @throws InvalidInputException when the CSV header has no such column (the problem lists those it has)
     * @throws IllegalArgumentException when a name is blank
     */
    public BatchInput keep(List<String> columns) {
        List<String> names = List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(columns, "columns")));
        if (names.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a column to keep needs a name, not " + names);
        }
        return new BatchInput(source, names.isEmpty() ? null : source.keeper(names));
    }

    RecordSource source() {
        return source;
    }

    Function<RecordSource.Raw, Map<String, String>> keeper() {
        return keeper;
    }
}
