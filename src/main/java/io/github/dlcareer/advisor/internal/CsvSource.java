package io.github.dlcareer.advisor.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.github.dlcareer.advisor.InvalidInputException;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV or TSV export with a header row: rows are cut on the reading thread (quoted cells may span lines),
 * and turned into profiles by the {@link Mapping} on the worker threads.
 */
public final class CsvSource implements RecordSource {

    private static final CsvMapper CSV = new CsvMapper();

    private final String name;
    private final Mapping mapping;
    private final MappingIterator<String[]> rows;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> columnsByPath;
    private final List<Problem> warnings = new ArrayList<>();

    public CsvSource(Reader reader, String name, Mapping mapping) {
        this.name = name;
        this.mapping = mapping;
        this.columnsByPath = mapping.columnsByPath();
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(mapping.delimiter());
        try {
            rows = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).with(schema).readValues(reader);
            String[] header = rows.hasNextValue() ? rows.nextValue() : new String[0];
            for (int i = 0; i < header.length; i++) {
                index.putIfAbsent(header[i].strip(), i);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the header of " + name, e);
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
    public List<Raw> next(int max) throws IOException {
        List<Raw> raws = new ArrayList<>(max);
        try {
            while (raws.size() < max && rows.hasNextValue()) {
                JsonParser parser = rows.getParser();
                String[] cells = rows.nextValue();
                raws.add(new Raw(parser.currentTokenLocation().getLineNr(), cells));
            }
        } catch (RuntimeJsonMappingException | JsonProcessingException e) {
            throw new IOException("broken CSV in " + name + ": " + e.getMessage(), e);
        }
        return raws;
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
        String column = problem.field() == null ? null : columnsByPath.get(problem.field().replaceFirst("\\[\\d+]$", ""));
        String message = column == null ? problem.message() : "(column " + column + ") " + problem.message();
        return new Problem(name, (int) line, 0, problem.field(), message, problem.severity());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String idOf(Raw raw) {
        return mapping.idOf((String[]) raw.payload(), index);
    }
}
