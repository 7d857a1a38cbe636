package io.github.dlcareer.advisor.cli.batch;

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
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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

    /**
     * {@code tables} gives the rows of a record when the format is tables; else it is null. {@code detail} is
     * for JSON Lines only.
     */
    RecordRenderer(Format format, Detail detail, boolean separateErrors, CohortTables tables) {
        this.format = format;
        this.detail = detail;
        this.separateErrors = separateErrors;
        this.tables = tables;
    }

    /** What the output starts with: the CSV header row, or nothing. Columns are only ever appended (a contract). */
    byte[] header() {
        return format == Format.csv ? utf8("line,profile,rank,recommendation,kind,score,citations,error,title,topic\n")
                : NOTHING;
    }

    Rendered render(BatchRecord record) {
        if (format.tables()) {
            return new Rendered(record, NOTHING, separateErrors && !record.advised() ? utf8(errorJson(record)) : null,
                    tables.rows(record));
        }
        if (record.advised()) {
            return new Rendered(record, format == Format.csv ? utf8(csvRows(record))
                    : detail == Detail.compact ? utf8(compactJson(record.advice())) : AdviceJson.line(record.advice()),
                    null, null);
        }
        byte[] error = utf8(errorJson(record));
        if (separateErrors) {
            return new Rendered(record, NOTHING, error, null);
        }
        return new Rendered(record, format == Format.csv ? utf8(csvRow(record.line(), record.id(), "", "", "", "", "",
                record.problems().stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.message())
                        .collect(Collectors.joining("; ")), "", "")) : error, null, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String csvRows(BatchRecord record) {
        if (record.advice().recommendations().isEmpty()) {
            return csvRow(record.line(), record.id(), "", "", "", "", "", "", "", "");
        }
        StringBuilder rows = new StringBuilder();
        for (Recommendation r : record.advice().recommendations()) {
            rows.append(csvRow(record.line(), record.id(), String.valueOf(r.rank()), r.id(), r.kind().name(),
                    String.format(Locale.ROOT, "%.2f", r.score()),
                    r.citations().stream().map(c -> c.passage()).collect(Collectors.joining(" ")), "", r.title(),
                    r.topic()));
        }
        return rows.toString();
    }

    private static String csvRow(long line, String... cells) {
        StringBuilder row = new StringBuilder().append(line);
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
     * "conflicts": [{"id", "given": [advice ids]}]}: no text, which the catalogue holds once for every record.
     */
    private static String compactJson(Advice advice) {
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
            json.writeEndObject();
        });
    }

    /** {"line": 12, "profile": "x", "problems": [{"source", "line", "column", "field", "message"}]} */
    private static String errorJson(BatchRecord record) {
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
            json.writeEndObject();
        });
    }

    /** What writes one JSON document. */
    private interface JsonBody {
        void write(JsonGenerator json) throws IOException;
    }

    /** One JSON document on a line of its own. */
    private static String jsonLine(JsonBody body) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }
}
