package io.github.dlcareer.advisor.cli.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.format.AdviceJson;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a batch writes for each record, in the chosen format: the advice as a JSON line, as CSV rows or as rows of
 * the cohort tables, and an error record for a rejected one (in the output at its place, or apart when the errors
 * go to their own file; in the tables, rows of {@code rejections}).
 */
final class RecordRenderer {

    /** What the results are written as: text (JSON Lines, CSV), or tables (a DuckDB file, Parquet files). */
    enum Format {
        jsonl, csv, duckdb, parquet;

        boolean tables() {
            return this == duckdb || this == parquet;
        }
    }

    /** How much of each advice a JSON line holds: all of it, or ids, ranks and scores only (join the catalogue). */
    enum Detail { full, compact }

    /**
     * A record, formatted on a worker thread: its output as UTF-8 bytes, or as rows when the results are tables
     * (and its error record, when those go elsewhere). The writer thread then only copies bytes or appends rows.
     */
    record Rendered(BatchRecord record, byte[] output, byte[] error, List<CohortTables.Row> rows) {
    }

    private static final byte[] NOTHING = new byte[0];
    private static final JsonFactory JSON = new JsonFactory();

    private final Format format;
    private final Detail detail;
    private final boolean separateErrors;
    private final CohortTables tables;
    private final List<String> kept;

    /**
     * {@code tables} gives the rows of a record when the format is tables; else it is null. {@code detail} is
     * for JSON Lines only. {@code kept} names the input columns passed through (as {@code --keep}), or is empty.
     */
    RecordRenderer(Format format, Detail detail, boolean separateErrors, CohortTables tables, List<String> kept) {
        this.format = format;
        this.detail = detail;
        this.separateErrors = separateErrors;
        this.tables = tables;
        this.kept = List.copyOf(kept);
    }

    /**
     * What the output starts with: the CSV header row, the kept columns last; or nothing. Columns are only ever
     * appended (a contract).
     */
    byte[] header() {
        if (format != Format.csv) {
            return NOTHING;
        }
        String header = "line,profile,rank,recommendation,kind,score,citations,error,title,topic";
        return utf8(kept.isEmpty() ? header + "\n" : csvRow(header, kept.toArray(String[]::new)));
    }

    Rendered render(BatchRecord record) {
        if (format.tables()) {
            return new Rendered(record, NOTHING, separateErrors && !record.advised() ? errorJson(record) : null,
                    tables.rows(record));
        }
        if (record.advised()) {
            return new Rendered(record, format == Format.csv ? utf8(csvRows(record))
                    : detail == Detail.compact ? compactJson(record) : fullJson(record), null, null);
        }
        byte[] error = errorJson(record);
        if (separateErrors) {
            return new Rendered(record, NOTHING, error, null);
        }
        return new Rendered(record, format == Format.csv ? utf8(csvRow(record, record.id(), "", "", "", "", "",
                record.problems().stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.message())
                        .collect(Collectors.joining("; ")), "", "")) : error, null, null);
    }

    /** The JSON of advise on one line, with {@code "keep"} added last when columns are kept. */
    private static byte[] fullJson(BatchRecord record) {
        byte[] advice = AdviceJson.line(record.advice());
        if (record.kept().isEmpty()) {
            return advice;
        }
        byte[] keep = jsonLine(json -> {
            json.writeStartObject();
            writeKept(json, record);
            json.writeEndObject();
        });
        // {advice…}\n and {"keep":{…}}\n make {advice…,"keep":{…}}\n
        byte[] line = Arrays.copyOf(advice, advice.length - 2 + keep.length);
        line[advice.length - 2] = ',';
        System.arraycopy(keep, 1, line, advice.length - 1, keep.length - 1);
        return line;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String csvRows(BatchRecord record) {
        if (record.advice().recommendations().isEmpty()) {
            return csvRow(record, record.id(), "", "", "", "", "", "", "", "");
        }
        StringBuilder rows = new StringBuilder();
        for (Recommendation r : record.advice().recommendations()) {
            rows.append(csvRow(record, record.id(), String.valueOf(r.rank()), r.id(), r.kind().name(),
                    String.format(Locale.ROOT, "%.2f", r.score()),
                    r.citations().stream().map(c -> c.passage()).collect(Collectors.joining(" ")), "", r.title(),
                    r.topic()));
        }
        return rows.toString();
    }

    /** A row of a record: its line, the cells, then the values of its kept columns. */
    private static String csvRow(BatchRecord record, String... cells) {
        String[] all = Arrays.copyOf(cells, cells.length + record.kept().size());
        int i = cells.length;
        for (String value : record.kept().values()) {
            all[i++] = value;
        }
        return csvRow(String.valueOf(record.line()), all);
    }

    /** {@code first} as it is, then each cell quoted where it must be; a null cell is empty. */
    private static String csvRow(String first, String... cells) {
        StringBuilder row = new StringBuilder().append(first);
        for (String cell : cells) {
            row.append(',');
            String text = cell == null ? "" : cell;
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                row.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                row.append(text);
            }
        }
        return row.append('\n').toString();
    }

    /**
     * {"profile", "recommendations": [{"rank", "id", "kind", "topic", "score", "passages"}], "questions": [ids],
     * "conflicts": [{"id", "given": [advice ids]}], "keep": {column: value}}: no text, which the catalogue holds
     * once for every record; {@code "keep"} only when columns are kept.
     */
    private static byte[] compactJson(BatchRecord record) {
        Advice advice = record.advice();
        return jsonLine(json -> {
            json.writeStartObject();
            json.writeStringField("profile", advice.profile());
            json.writeArrayFieldStart("recommendations");
            for (Recommendation r : advice.recommendations()) {
                json.writeStartObject();
                json.writeNumberField("rank", r.rank());
                json.writeStringField("id", r.id());
                json.writeStringField("kind", r.kind().name());
                json.writeStringField("topic", r.topic());
                json.writeNumberField("score", r.score());
                json.writeArrayFieldStart("passages");
                for (Citation c : r.citations()) {
                    json.writeString(c.passage());
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("questions");
            for (Advice.Question q : advice.questions()) {
                json.writeString(q.id());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("conflicts");
            for (Advice.Conflict c : advice.conflicts()) {
                json.writeStartObject();
                json.writeStringField("id", c.id());
                json.writeArrayFieldStart("given");
                for (Advice.Side side : c.sides()) {
                    if (side.given()) {
                        json.writeString(side.advice());
                    }
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            writeKept(json, record);
            json.writeEndObject();
        });
    }

    /** {"line": 12, "profile": "x", "problems": [{"source", "line", "column", "field", "message"}], "keep": {…}} */
    private static byte[] errorJson(BatchRecord record) {
        return jsonLine(json -> {
            json.writeStartObject();
            json.writeNumberField("line", record.line());
            json.writeStringField("profile", record.id());
            json.writeArrayFieldStart("problems");
            for (Problem p : record.problems()) {
                json.writeStartObject();
                json.writeStringField("source", p.source());
                json.writeNumberField("line", p.line());
                json.writeNumberField("column", p.column());
                json.writeStringField("field", p.field());
                json.writeStringField("message", p.message());
                json.writeEndObject();
            }
            json.writeEndArray();
            writeKept(json, record);
            json.writeEndObject();
        });
    }

    /** {@code "keep": {column: value}}, the input columns passed through; nothing when none are kept. */
    private static void writeKept(JsonGenerator json, BatchRecord record) throws IOException {
        if (record.kept().isEmpty()) {
            return;
        }
        json.writeObjectFieldStart("keep");
        for (Map.Entry<String, String> e : record.kept().entrySet()) {
            json.writeStringField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }

    /** What writes one JSON document. */
    private interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    /** One JSON document on a line of its own, as UTF-8: written as bytes, never as a String first. */
    private static byte[] jsonLine(JsonBody body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }
}
