package io.github.dlcareer.advisor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.CsvMapping;
import io.github.dlcareer.advisor.InvalidInputException;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.internal.AdviceJson;
import io.github.dlcareer.advisor.internal.BatchSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code advisor batch INPUT}: advice for every profile of a JSONL/JSON file or a mapped CSV export. */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        description = "Advise every profile of a JSON Lines file (or JSON array), or of a CSV/TSV export with a"
                + " --mapping; one result per input record, in input order.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                " 0:every record advised",
                " 1:failure (rules that do not compile, input that cannot be read on)",
                " 2:bad usage (a missing file, a broken mapping, a CSV header without a mapped column)",
                " 3:some records rejected (each has an error record)"})
final class BatchCommand implements Callable<Integer> {

    static final int SOME_REJECTED = 3;

    enum Format { jsonl, csv }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Profiles: JSON Lines, a JSON array, or CSV/TSV with --mapping;"
            + " - for standard input.")
    String input;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "-", description = "Where the results go (default: -, standard output).")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default: the JSON of advise, one per line) or csv (one row per recommendation).")
    Format format;

    @Option(names = "--mapping", paramLabel = "FILE", description = "Read INPUT as CSV/TSV, mapped onto profiles by this YAML file.")
    Path mapping;

    @Option(names = "--errors", paramLabel = "FILE",
            description = "Write error records (JSON Lines) here instead of into the output.")
    Path errors;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write the summary as JSON to this file.")
    Path summary;

    @Option(names = "--summary-html", paramLabel = "FILE",
            description = "Write the summary as a self-contained page with bar charts to this file.")
    Path summaryHtml;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--strict", description = "Reject records with unknown profile fields.")
    boolean strict;

    @Option(names = "--progress", negatable = true,
            description = "Show a progress bar on standard error (default: when it is a terminal).")
    Boolean progress;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        CountingInput counted;
        CsvMapping csv;
        BatchInput batchInput;
        try {
            csv = mapping == null ? null : CsvMapping.read(mapping);
            counted = open(input);
            Reader reader = new InputStreamReader(counted, StandardCharsets.UTF_8);
            String name = "-".equals(input) ? "<stdin>" : input;
            batchInput = csv == null ? BatchInput.json(reader, name) : BatchInput.csv(reader, name, csv);
        } catch (InvalidInputException e) {
            Problems.print(err, e.problems());
            return Main.INVALID_INPUT;
        } catch (NoSuchFileException e) {
            err.println(input + ": no such file");
            return Main.INVALID_INPUT;
        }
        Advisor advisor;
        try {
            advisor = rules.advisor();
        } catch (InvalidRulesException e) {
            Problems.print(err, e.problems());
            return Main.FAILURE;
        }
        Batch batch = Batch.of(advisor).strict(strict);
        if (threads != null) {
            if (threads < 1) {
                err.println("--threads must be at least 1");
                return Main.INVALID_INPUT;
            }
            batch = batch.threads(threads);
        }
        BatchSummary counts = new BatchSummary();
        Progress bar = showProgress() ? new Progress(err, counted) : null;
        long start = System.nanoTime();
        try (OutputStream output = stream(out); OutputStream errorOutput = errors == null ? null : stream(errors.toString())) {
            if (format == Format.csv) {
                output.write("line,profile,rank,recommendation,kind,score,citations,error\n".getBytes(StandardCharsets.UTF_8));
            }
            batch.run(batchInput, record -> render(record, errorOutput != null), rendered -> {
                try {
                    output.write(rendered.output());
                    if (rendered.error() != null) {
                        errorOutput.write(rendered.error());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                counts.add(rendered.record());
                if (bar != null) {
                    bar.tick(counts.read());
                }
            });
        } catch (UncheckedIOException e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("advisor batch: " + input + ": " + e.getCause().getMessage());
            err.println("the records before this point were written; the rest of the input could not be read");
            return Main.FAILURE;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bar != null) {
            bar.clear();
        }
        if (summary != null) {
            try (Writer file = Files.newBufferedWriter(summary)) {
                counts.writeJson(file, seconds);
            }
        }
        if (summaryHtml != null) {
            Files.writeString(summaryHtml, counts.html(seconds));
        }
        counts.writeTable(err, seconds, 8);
        return counts.rejected() == 0 ? 0 : SOME_REJECTED;
    }

    /**
     * A record, formatted on a worker thread as UTF-8 bytes: its output (and its error record, when those go
     * elsewhere). The writer thread then only copies bytes.
     */
    record Rendered(BatchRecord record, byte[] output, byte[] error) {
    }

    private static final byte[] NOTHING = new byte[0];

    private Rendered render(BatchRecord record, boolean separateErrors) {
        if (record.advised()) {
            return new Rendered(record, format == Format.csv ? utf8(csvRows(record)) : AdviceJson.line(record.advice()),
                    null);
        }
        byte[] error = utf8(errorJson(record));
        if (separateErrors) {
            return new Rendered(record, NOTHING, error);
        }
        return new Rendered(record, format == Format.csv ? utf8(csvRow(record.line(), record.id(), "", "", "", "", "",
                record.problems().stream().map(p -> (p.field() == null ? "" : p.field() + ": ") + p.message())
                        .collect(Collectors.joining("; ")))) : error, null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String csvRows(BatchRecord record) {
        if (record.advice().recommendations().isEmpty()) {
            return csvRow(record.line(), record.id(), "", "", "", "", "", "");
        }
        StringBuilder rows = new StringBuilder();
        for (Recommendation r : record.advice().recommendations()) {
            rows.append(csvRow(record.line(), record.id(), String.valueOf(r.rank()), r.id(), r.kind().name(),
                    String.format(Locale.ROOT, "%.2f", r.score()),
                    r.citations().stream().map(c -> c.passage()).collect(Collectors.joining(" ")), ""));
        }
        return rows.toString();
    }

    private static String csvRow(long line, String... cells) {
        StringBuilder row = new StringBuilder().append(line);
        for (String cell : cells) {
            row.append(',');
            String text = cell == null ? "" : cell;
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0) {
                row.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                row.append(text);
            }
        }
        return row.append('\n').toString();
    }

    private static final JsonFactory JSON = new JsonFactory();

    /** {"line": 12, "profile": "x", "problems": [{"source", "line", "column", "field", "message"}]} */
    static String errorJson(BatchRecord record) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }

    private CountingInput open(String name) throws IOException {
        if ("-".equals(name)) {
            return new CountingInput(System.in, -1);
        }
        Path path = Path.of(name);
        return new CountingInput(Files.newInputStream(path), Files.size(path));
    }

    private OutputStream stream(String name) throws IOException {
        if ("-".equals(name)) {
            return new java.io.BufferedOutputStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), 1 << 16) {
                @Override
                public void close() throws IOException {
                    flush(); // never close standard output
                }
            };
        }
        return new java.io.BufferedOutputStream(Files.newOutputStream(Path.of(name)), 1 << 16);
    }

    private boolean showProgress() {
        if (progress != null) {
            return progress;
        }
        String tty = System.getProperty("advisor.stderr.tty");
        return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
    }

    /** Counts the bytes read, for the progress bar's share done and time left. */
    static final class CountingInput extends FilterInputStream {
        final long size;
        volatile long read;

        CountingInput(InputStream in, long size) {
            super(in);
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read += n;
            }
            return n;
        }
    }

    /** A one-line progress bar on standard error: records, rate, share of the input read, time left. */
    static final class Progress {
        private final PrintWriter err;
        private final CountingInput input;
        private final long start = System.nanoTime();
        private long shown;

        Progress(PrintWriter err, CountingInput input) {
            this.err = err;
            this.input = input;
        }

        void tick(long records) {
            long now = System.nanoTime();
            if ((records & 255) != 0 || now - shown < 200_000_000L) {
                return;
            }
            shown = now;
            double seconds = (now - start) / 1e9;
            double rate = records / Math.max(seconds, 1e-9);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "\r%,d records  %,.0f/s", records, rate));
            if (input.size > 0) {
                double done = Math.min(1.0, (double) input.read / input.size);
                int width = 30;
                int filled = (int) (done * width);
                line.append("  [").append("#".repeat(filled)).append(" ".repeat(width - filled)).append(']')
                        .append(String.format(Locale.ROOT, " %3.0f%%", done * 100));
                if (done > 0.01) {
                    line.append(String.format(Locale.ROOT, "  ETA %.0f s", seconds * (1 - done) / done));
                }
            }
            err.print(line.append("   "));
            err.flush();
        }

        void clear() {
            err.print("\r" + " ".repeat(100) + "\r");
            err.flush();
        }
    }
}
