package io.github.dlcareer.advisor.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.CsvMapping;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.format.AdviceJson;
import io.github.dlcareer.advisor.format.CohortSummary;
import io.github.dlcareer.advisor.format.CohortSummaryHtml;
import io.github.dlcareer.advisor.format.CohortSummaryJson;
import io.github.dlcareer.advisor.format.CohortSummaryText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystemException;
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

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads, from 1 to " + Batch.MAX_THREADS + " (default: one per core).")
    Integer threads;

    @Option(names = "--max-record-size", paramLabel = "SIZE", defaultValue = "1M",
            description = "The largest record read, in bytes, or with K or M (default: 1M); a larger one gets an"
                    + " error record and is skipped without being held.")
    String maxRecordSize;

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
        if (threads != null && (threads < 1 || threads > Batch.MAX_THREADS)) {
            err.println("advisor batch: --threads must be from 1 to " + Batch.MAX_THREADS + ", not " + threads);
            return Main.INVALID_INPUT;
        }
        int recordLimit = parseSize(maxRecordSize);
        if (recordLimit < 0) {
            err.println("advisor batch: --max-record-size must be from 1K to 256M (a number of bytes, or with K or M),"
                    + " not " + maxRecordSize);
            return Main.INVALID_INPUT;
        }
        Path inputPath = "-".equals(input) ? null : Path.of(input);
        BatchOutputs outputs = new BatchOutputs().add("--out", out)
                .add("--errors", errors == null ? null : errors.toString())
                .add("--summary", summary == null ? null : summary.toString())
                .add("--summary-html", summaryHtml == null ? null : summaryHtml.toString());
        List<String> unwritable = outputs.check(inputPath);
        if (!unwritable.isEmpty()) {
            unwritable.forEach(line -> err.println("advisor batch: " + line));
            outputs.discard();
            return Main.INVALID_INPUT;
        }
        boolean started = false;
        try {
            CountingInput counted;
            BatchInput batchInput;
            try {
                CsvMapping csv = mapping == null ? null : CsvMapping.read(mapping);
                counted = open(inputPath);
                String name = inputPath == null ? "<stdin>" : input;
                batchInput = csv == null ? BatchInput.json(counted, name) : BatchInput.csv(counted, name, csv);
            } catch (NoSuchFileException e) {
                err.println("advisor batch: " + input + ": no such file");
                return Main.INVALID_INPUT;
            } catch (IOException | UncheckedIOException e) {
                err.println("advisor batch: " + input + ": cannot be read: "
                        + BatchOutputs.reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
                return Main.INVALID_INPUT;
            }
            Advisor advisor = rules.advisor();
            Batch batch = Batch.of(advisor).strict(strict).maxRecordSize(recordLimit);
            if (threads != null) {
                batch = batch.threads(threads);
            }
            started = true;
            return run(batch, batchInput, counted, err);
        } finally {
            if (!started) {
                outputs.discard();
            }
        }
    }

    /** Runs the batch into the outputs; on SIGTERM or Ctrl-C it stops at a whole record and flushes them all. */
    private int run(Batch batch, BatchInput batchInput, CountingInput counted, PrintWriter err) throws IOException {
        CohortSummary counts = new CohortSummary();
        Progress bar = showProgress() ? new Progress(err, counted) : null;
        Signals signals = new Signals(Thread.currentThread());
        long[] lastLine = {0};
        try {
            return run(batch, batchInput, counts, bar, signals, lastLine, err);
        } catch (BatchOutputs.OutputFailure e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("advisor batch: " + e.getMessage());
            err.printf(Locale.ROOT, "the batch stopped after line %d of %s; the outputs are incomplete%n", lastLine[0],
                    input);
            return Main.FAILURE;
        } finally {
            signals.done();
        }
    }

    private int run(Batch batch, BatchInput batchInput, CohortSummary counts, Progress bar, Signals signals,
                    long[] lastLine, PrintWriter err) throws IOException {
        long start = System.nanoTime();
        try (OutputStream output = BatchOutputs.open(out);
             OutputStream errorOutput = errors == null ? null : BatchOutputs.open(errors.toString())) {
            signals.install();
            try {
                if (format == Format.csv) {
                    put(output, "line,profile,rank,recommendation,kind,score,citations,error\n"
                            .getBytes(StandardCharsets.UTF_8));
                }
                batch.run(batchInput, record -> render(record, errorOutput != null), rendered -> {
                    if (signals.stopping()) {
                        throw new Signals.Stop();
                    }
                    put(output, rendered.output());
                    if (rendered.error() != null) {
                        put(errorOutput, rendered.error());
                    }
                    lastLine[0] = rendered.record().line();
                    counts.add(rendered.record());
                    if (bar != null) {
                        bar.tick(counts.read());
                    }
                });
                output.flush();
                if (errorOutput != null) {
                    errorOutput.flush();
                }
            } catch (BatchOutputs.OutputFailure e) {
                throw e;
            } catch (RuntimeException e) {
                if (bar != null) {
                    bar.clear();
                }
                flush(output, errorOutput);
                if (signals.stopping()) {
                    err.printf(Locale.ROOT, "advisor batch: stopped by a signal after line %d of %s: %,d records"
                            + " written (%,d advised, %,d rejected); every output holds whole records up to that"
                            + " line%n", lastLine[0], input, counts.read(), counts.advised(), counts.rejected());
                    err.flush();
                    return Signals.EXIT;
                }
                String why = e instanceof UncheckedIOException io ? "cannot be read any further: "
                        + BatchOutputs.reason(io.getCause()) : e.getMessage();
                err.println("advisor batch: " + input + ": " + why);
                err.printf(Locale.ROOT, "the records up to line %d (%,d of them) were written; the rest were not%n",
                        lastLine[0], counts.read());
                return Main.FAILURE;
            } finally {
                signals.uninstall();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bar != null) {
            bar.clear();
        }
        if (summary != null) {
            try (Writer file = new OutputStreamWriter(BatchOutputs.open(summary.toString()), StandardCharsets.UTF_8)) {
                CohortSummaryJson.write(counts, file, seconds);
            }
        }
        if (summaryHtml != null) {
            try (OutputStream file = BatchOutputs.open(summaryHtml.toString())) {
                put(file, CohortSummaryHtml.page(counts, seconds).getBytes(StandardCharsets.UTF_8));
            }
        }
        CohortSummaryText.write(counts, err, seconds, 8);
        return counts.rejected() == 0 ? 0 : SOME_REJECTED;
    }

    /** Writes to an output from {@link BatchOutputs#open}, whose failures are already unchecked and named. */
    private static void put(OutputStream stream, byte[] bytes) {
        try {
            stream.write(bytes, 0, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not reached: the stream names its own failures
        }
    }

    private static void flush(OutputStream... streams) {
        for (OutputStream stream : streams) {
            try {
                if (stream != null) {
                    stream.flush();
                }
            } catch (IOException | BatchOutputs.OutputFailure ignored) {
                // reported by the close that follows, if it fails again
            }
        }
    }

    /** A size in bytes, with an optional K or M; -1 when it is not one or out of range. */
    static int parseSize(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        long unit = t.endsWith("K") ? 1 << 10 : t.endsWith("M") ? 1 << 20 : 1;
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        long bytes = Long.parseLong(digits) * unit;
        return bytes < 1 << 10 || bytes > 256L << 20 ? -1 : (int) bytes;
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
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
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

    private static CountingInput open(Path path) throws IOException {
        if (path == null) {
            return new CountingInput(System.in, -1);
        }
        if (Files.isDirectory(path)) {
            throw new FileSystemException(path.toString(), null, "is a folder; expected a file of profiles");
        }
        return new CountingInput(Files.newInputStream(path), Files.size(path));
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
