package io.github.dlcareer.advisor.internal.batch;

import io.github.dlcareer.advisor.internal.profile.ProfileParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dlcareer.advisor.InvalidInputException;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A CSV or TSV export with a header row (RFC 4180: a quoted cell may hold delimiters, quotes doubled, and line
 * breaks). Rows are cut and split into cells here, byte by byte and bounded in size, and turned into profiles by
 * the {@link Mapping} on the worker threads. Cutting rows ourselves keeps line numbers as an editor shows them (a
 * bare {@code \r} ends no row) and lets an unterminated quote cost one error record, not the memory of the rest
 * of the file.
 */
public final class CsvSource implements RecordSource {

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_IN_QUOTED = 3;

    private final ByteInput input;
    private final String name;
    private final Mapping mapping;
    private final byte delimiter;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> columnNames = new ArrayList<>(); // the header's, in its order
    private final Map<String, String> columnsByPath;
    private final List<Problem> warnings = new ArrayList<>();
    private boolean ended;
    private byte[] cell = new byte[256];

    public CsvSource(InputStream in, String name, Mapping mapping) {
        this.input = new ByteInput(in);
        this.name = name;
        this.mapping = mapping;
        this.delimiter = (byte) mapping.delimiter();
        this.columnsByPath = mapping.columnsByPath();
        Raw header;
        try {
            header = row(Limits.RECORD_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + name, e);
        }
        if (header != null && header.payload() instanceof Refused refused) {
            throw new InvalidInputException(List.of(refused.problem()));
        }
        String[] columns = header == null ? new String[0] : (String[]) header.payload();
        for (int i = 0; i < columns.length; i++) {
            if (index.putIfAbsent(columns[i].strip(), i) == null) {
                columnNames.add(columns[i].strip());
            }
        }
        List<Problem> missing = new ArrayList<>();
        for (String column : mapping.columns()) {
            if (!index.containsKey(column)) {
                missing.add(Problem.error(name, 1, 0, column, "the mapping " + mapping.source()
                        + " reads this column, but the header has no such column; it has: " + index.keySet()));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        index.keySet().stream().sorted()
                .filter(c -> !mapping.columns().contains(c) && !mapping.ignored().contains(c))
                .forEach(c -> warnings.add(Problem.warning(mapping.source(), 0, 0, c,
                        "this column of " + name + " is neither mapped nor listed under 'ignore'")));
    }

    /** Columns of the input that the mapping neither uses nor ignores. */
    public List<Problem> warnings() {
        return warnings;
    }

    @Override
    public List<Raw> next(int maxRecords, long maxBytes, int maxRecordSize) throws IOException {
        List<Raw> raws = new ArrayList<>();
        long bytes = 0;
        Raw raw;
        while (raws.size() < maxRecords && bytes < maxBytes && (raw = row(maxRecordSize)) != null) {
            raws.add(raw);
            bytes += raw.size();
        }
        return raws;
    }

    /** The next row that is not empty, as its cells or a refusal; null at the end. */
    private Raw row(int limit) throws IOException {
        while (!ended) {
            long at = input.line();
            long quoteLine = 0;
            input.startRecord(limit);
            int state = START;
            int previous = -1;
            int b;
            while ((b = input.read()) != -1 && (b != '\n' || state == QUOTED)) {
                input.append(b);
                if (state == START && b == '"') {
                    quoteLine = input.line();
                }
                state = step(state, b);
                previous = b;
            }
            if (b == -1) {
                ended = true;
            } else if (previous == '\r') {
                input.unappend();
            }
            if (state == QUOTED) {
                return refused(at, "a quoted cell opened on line " + quoteLine + " is never closed, so the rest of"
                        + " the file is part of it; close the quote (a quote inside a quoted cell is written twice: \"\")");
            }
            if (input.overLimit()) {
                return refused(at, Limits.tooLong(input.recordSize(), limit));
            }
            if (input.recordSize() > 0) {
                return cells(at);
            }
        }
        return null;
    }

    private int step(int state, int b) {
        return switch (state) {
            case START -> b == '"' ? QUOTED : b == delimiter ? START : UNQUOTED;
            case UNQUOTED -> b == delimiter ? START : UNQUOTED;
            case QUOTED -> b == '"' ? QUOTE_IN_QUOTED : QUOTED;
            default -> b == '"' ? QUOTED : b == delimiter ? START : UNQUOTED;
        };
    }

    /** Splits the row gathered into cells: quotes taken off, doubled quotes made single. */
    private Raw cells(long at) {
        byte[] row = input.recordBytes();
        int length = input.recordLength();
        try {
            ByteInput.utf8(row, 0, length);
        } catch (ByteInput.BadUtf8 e) {
            long[] where = input.locate(e.offset, at, 1);
            return new Raw(at, 1, new Refused(Problem.error(name, (int) where[0], (int) where[1], null,
                    Limits.notUtf8(row[e.offset])), null), 0);
        }
        List<String> cells = new ArrayList<>();
        int size = 0;
        int state = START;
        for (int i = 0; i < length; i++) {
            byte b = row[i];
            boolean keep = switch (state) {
                case START, QUOTE_IN_QUOTED -> b != '"' && b != delimiter || state == QUOTE_IN_QUOTED && b == '"';
                case UNQUOTED -> b != delimiter;
                default -> b != '"';
            };
            if (keep) {
                if (size == cell.length) {
                    cell = Arrays.copyOf(cell, size * 2);
                }
                cell[size++] = b;
            }
            int next = step(state, b);
            if (next == START && b == delimiter) {
                cells.add(new String(cell, 0, size, StandardCharsets.UTF_8));
                size = 0;
            }
            state = next;
        }
        cells.add(new String(cell, 0, size, StandardCharsets.UTF_8));
        return new Raw(at, 1, cells.toArray(String[]::new), length);
    }

    private Raw refused(long at, String message) {
        return new Raw(at, 1, new Refused(Problem.error(name, (int) at, 0, null, message), null), 0);
    }

    @Override
    public Profile profile(Raw raw, boolean strict, List<Problem> warnings) {
        ObjectNode tree = mapping.apply((String[]) raw.payload(), index);
        List<Problem> found = new ArrayList<>();
        try (JsonParser parser = tree.traverse()) {
            parser.nextToken();
            Profile profile = ProfileParser.parse(parser, name, strict, found);
            found.forEach(w -> warnings.add(located(w, raw.line())));
            return profile;
        } catch (InvalidProfileException e) {
            throw new InvalidProfileException(e.problems().stream().map(p -> located(p, raw.line())).toList(),
                    e.profileId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A problem of a mapped row: at the row's line, naming the column the field came from. */
    private Problem located(Problem problem, long line) {
        String field = problem.field();
        if (field != null && field.endsWith("]")) {
            field = field.substring(0, field.lastIndexOf('[')); // a list item: the list's column
        }
        String column = field == null ? null : columnsByPath.get(field);
        String message = column == null ? problem.message() : "(column " + column + ") " + problem.message();
        return new Problem(name, (int) line, 0, problem.field(), message, problem.severity());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Function<Raw, Map<String, String>> keeper(List<String> columns) {
        List<Problem> missing = columns.stream().filter(c -> !index.containsKey(c))
                .map(c -> Problem.error(name, 1, 0, c, "no such column to keep; the header has: "
                        + String.join(", ", columnNames))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        int[] at = columns.stream().mapToInt(index::get).toArray();
        return raw -> {
            Map<String, String> values = RecordSource.unknown(columns);
            if (raw.payload() instanceof String[] cells) {
                for (int i = 0; i < at.length; i++) {
                    values.put(columns.get(i), at[i] < cells.length ? cells[at[i]] : null);
                }
            }
            return values;
        };
    }

    @Override
    public String idOf(Raw raw) {
        return mapping.idOf((String[]) raw.payload(), index);
    }
}
