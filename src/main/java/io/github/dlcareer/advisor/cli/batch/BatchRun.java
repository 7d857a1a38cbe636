package io.github.dlcareer.advisor.cli.batch;

import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.cli.ExitCodes;
import io.github.dlcareer.advisor.format.CohortSummary;
import io.github.dlcareer.advisor.format.CohortSummaryHtml;
import io.github.dlcareer.advisor.format.CohortSummaryJson;
import io.github.dlcareer.advisor.format.CohortSummaryText;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * One run of {@code advisor batch}: the records, rendered by the workers, written in input order to the outputs and
 * counted into the cohort summary, which ends the run. Whatever stops it (a signal, an input that cannot be read
 * on, an output that cannot be written) is reported with the last input line whose results were written.
 */
final class BatchRun {

    /** The exit code when some records were rejected (and each has an error record). */
    static final int SOME_REJECTED = 3;

    private final String input; // as named on the command line, for messages
    private final BatchOutputs outputs;
    private final RecordRenderer renderer;
    private final PrintWriter err;
    private final TablesOutput tables; // the results as tables; null when they are text
    private final String rules;
    private final boolean summaryTable; // the summary as a table on standard error
    private final CohortSummary counts;
    private long lastLine;

    /**
     * {@code tables} is null unless the results are tables; {@code rules} says where the rules came from;
     * {@code summary} counts the records (and breaks them down, if asked); {@code summaryTable} whether the summary
     * is printed on standard error.
     */
    BatchRun(String input, BatchOutputs outputs, RecordRenderer renderer, PrintWriter err, TablesOutput tables,
             String rules, CohortSummary summary, boolean summaryTable) {
        this.input = input;
        this.outputs = outputs;
        this.renderer = renderer;
        this.err = err;
        this.tables = tables;
        this.rules = rules;
        this.counts = summary;
        this.summaryTable = summaryTable;
    }

    /**
     * Runs the batch into the outputs; on SIGTERM or Ctrl-C it stops at a whole record and flushes them all.
     *
     * @param bar the progress bar, or null for none
     * @return the exit code
     */
    int run(Batch batch, BatchInput batchInput, Progress bar) throws IOException {
        Signals signals = new Signals(Thread.currentThread());
        try {
            return write(batch, batchInput, bar, signals);
        } catch (BatchOutputs.OutputFailure e) {
            if (bar != null) {
                bar.clear();
            }
            err.println("advisor batch: " + e.getMessage());
            err.printf(Locale.ROOT, "the batch stopped after line %d of %s; %s%n", lastLine, input,
                    tables == null ? "the outputs are incomplete" : notWritten());
            return ExitCodes.FAILURE;
        } finally {
            signals.done();
        }
    }

    private int write(Batch batch, BatchInput batchInput, Progress bar, Signals signals) throws IOException {
        long start = System.nanoTime();
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        try (TablesOutput table = tables;
             OutputStream output = table != null ? null : BatchOutputs.open(outputs.out());
             OutputStream errorOutput = outputs.errors() == null ? null : BatchOutputs.open(outputs.errors())) {
            signals.install();
            try {
                if (table != null) {
                    table.open(); // with the signal handler in place, so that a stop even now removes it
                }
                byte[] header = renderer.header();
                if (header.length > 0) {
                    put(output, header);
                }
                Batch.Counts done = batch.run(batchInput, renderer::render, rendered -> {
                    if (signals.stopping()) {
                        throw new Signals.Stop();
                    }
                    if (table != null) {
                        table.append(rendered.rows());
                    } else {
                        put(output, rendered.output());
                    }
                    if (rendered.error() != null) {
                        put(errorOutput, rendered.error());
                    }
                    lastLine = rendered.record().line();
                    counts.add(rendered.record());
                    if (bar != null) {
                        bar.tick(counts.read());
                    }
                });
                if (output != null) {
                    output.flush();
                }
                if (errorOutput != null) {
                    errorOutput.flush();
                }
                if (table != null) {
                    table.commit(started, rules, "-".equals(input) ? "<stdin>" : input, done);
                }
            } catch (BatchOutputs.OutputFailure e) {
                throw e;
            } catch (RuntimeException e) {
                if (bar != null) {
                    bar.clear();
                }
                flush(output, errorOutput);
                return stopped(e, signals);
            } finally {
                signals.uninstall();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (bar != null) {
            bar.clear();
        }
        writeSummary(seconds);
        return counts.rejected() == 0 ? 0 : SOME_REJECTED;
    }

    /** Says why the batch stopped early, and what was written; returns the exit code. */
    private int stopped(RuntimeException e, Signals signals) {
        if (signals.stopping()) {
            err.printf(Locale.ROOT, "advisor batch: stopped by a signal after line %d of %s: %,d records %s"
                    + " (%,d advised, %,d rejected); %s%n", lastLine, input, counts.read(),
                    tables == null ? "written" : "read", counts.advised(), counts.rejected(),
                    tables == null ? "every output holds whole records up to that line" : notWritten());
            err.flush();
            return Signals.EXIT;
        }
        String why = e instanceof UncheckedIOException io ? "cannot be read any further: "
                + BatchOutputs.reason(io.getCause()) : e.getMessage();
        err.println("advisor batch: " + input + ": " + why);
        if (tables == null) {
            err.printf(Locale.ROOT, "the records up to line %d (%,d of them) were written; the rest were not%n",
                    lastLine, counts.read());
        } else {
            err.printf(Locale.ROOT, "the batch stopped after line %d (%,d records); %s%n", lastLine, counts.read(),
                    notWritten());
        }
        return ExitCodes.FAILURE;
    }

    /** What a batch into tables that did not complete leaves: nothing under the output's name. */
    private String notWritten() {
        return tables.target() + " was not written (the tables are put in place only when the batch completes)";
    }

    /** The cohort summary: into its files when asked for, and as a table on standard error unless silenced. */
    private void writeSummary(double seconds) throws IOException {
        if (outputs.summary() != null) {
            try (Writer file = new OutputStreamWriter(BatchOutputs.open(outputs.summary()), StandardCharsets.UTF_8)) {
                CohortSummaryJson.write(counts, file, seconds);
            }
        }
        if (outputs.summaryHtml() != null) {
            try (OutputStream file = BatchOutputs.open(outputs.summaryHtml())) {
                put(file, CohortSummaryHtml.page(counts, seconds).getBytes(StandardCharsets.UTF_8));
            }
        }
        if (summaryTable) {
            CohortSummaryText.write(counts, err, seconds, 8);
        }
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
}
