package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.batch.ReaderBytes;
import io.github.dlcareer.advisor.internal.batch.CsvSource;
import io.github.dlcareer.advisor.internal.batch.JsonSource;
import io.github.dlcareer.advisor.internal.batch.RecordSource;

import java.io.InputStream;
import java.io.Reader;
import java.util.Objects;

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

    private BatchInput(RecordSource source) {
        this.source = source;
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

    RecordSource source() {
        return source;
    }
}
