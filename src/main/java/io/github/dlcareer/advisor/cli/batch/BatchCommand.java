package io.github.dlcareer.advisor.cli.batch;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CsvMapping;
import io.github.dlcareer.advisor.ProfileField;
import io.github.dlcareer.advisor.ProfileFields;
import io.github.dlcareer.advisor.cli.ExitCodes;
import io.github.dlcareer.advisor.cli.RulesOption;
import io.github.dlcareer.advisor.cli.VerboseOption;
import io.github.dlcareer.advisor.cli.batch.Progress.CountingInput;
import io.github.dlcareer.advisor.format.CohortSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
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
                " 2:bad usage (a missing file, a broken mapping, a CSV header without a mapped column, a"
                        + " database that exists, without --replace)",
                " 3:some records rejected (each has an error record)"})
public final class BatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "Profiles: JSON Lines, a JSON array, or CSV/TSV with --mapping;"
            + " - for standard input.")
    String input;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "-", description = "Where the results go (default: -,"
            + " standard output); a FILE.duckdb is a DuckDB database, unless --format says otherwise.")
    String out;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "jsonl (default: the JSON of advise, one per line), csv (one row per recommendation; the"
                    + " default for --out FILE.csv), duckdb"
                    + " (a database of the cohort's tables; the default for --out FILE.duckdb) or parquet (the same"
                    + " tables as Parquet files in the folder --out DIR).")
    RecordRenderer.Format format;

    @Option(names = "--detail", paramLabel = "DETAIL", defaultValue = "full",
            description = "For jsonl: full (default: every text and quote) or compact (per record the profile id; per"
                    + " recommendation rank, id, kind, topic, score and passage ids; question ids; conflict ids with"
                    + " the advice given; the texts are in the catalogue: advisor rules list --format json).")
    RecordRenderer.Detail detail;

    @Option(names = "--replace", description = "Replace an existing database or Parquet folder (once the batch has"
            + " succeeded); without it, one is refused.")
    boolean replace;

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

    @Option(names = "--keep", paramLabel = "COLUMN", split = ",",
            description = "Pass these input columns through to every result, for segmenting (a CSV's columns by"
                    + " their header names, JSON's top-level fields): a \"keep\" object in JSON Lines, columns at the"
                    + " end in CSV, rows of the kept table in a database.")
    List<String> keep;

    @Option(names = "--by", paramLabel = "FIELD",
            description = "Break the summary down by a profile field (education.level) or a --keep column: per group,"
                    + " the share of each recommendation, red flag and question.")
    String by;

    @Option(names = {"--no-summary", "--quiet"}, description = "Do not print the summary table on standard error"
            + " (errors still are; --summary and --summary-html still write theirs).")
    boolean noSummary;

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
            return ExitCodes.INVALID_INPUT;
        }
        int recordLimit = parseSize(maxRecordSize);
        if (recordLimit < 0) {
            err.println("advisor batch: --max-record-size must be from 1K to 256M (a number of bytes, or with K or M),"
                    + " not " + maxRecordSize);
            return ExitCodes.INVALID_INPUT;
        }
        Path inputPath = "-".equals(input) ? null : Path.of(input);
        RecordRenderer.Format chosen = format != null ? format
                : out.toLowerCase(Locale.ROOT).endsWith(".duckdb") ? RecordRenderer.Format.duckdb
                : out.toLowerCase(Locale.ROOT).endsWith(".csv") ? RecordRenderer.Format.csv
                : RecordRenderer.Format.jsonl;
        BatchOutputs outputs = new BatchOutputs(out, chosen.tables(), errors, summary, summaryHtml);
        List<String> problems = new ArrayList<>(tablesProblem(chosen, inputPath));
        if (detail == RecordRenderer.Detail.compact && chosen != RecordRenderer.Format.jsonl) {
            problems.add("--detail compact is for --format jsonl, not " + chosen);
        }
        List<String> kept = keep == null ? List.of() : List.copyOf(new LinkedHashSet<>(keep));
        if (keep != null && (kept.isEmpty() || kept.stream().anyMatch(String::isBlank))) { // "--keep ," names none
            problems.add("--keep needs column names separated by commas, not " + String.join(",", keep));
        }
        problems.addAll(byProblems(kept));
        problems.addAll(outputs.check(inputPath));
        if (!problems.isEmpty()) {
            problems.forEach(line -> err.println("advisor batch: " + line));
            outputs.discard();
            return ExitCodes.INVALID_INPUT;
        }
        boolean started = false;
        try {
            CountingInput counted;
            BatchInput batchInput;
            CsvMapping csv;
            try {
                csv = mapping == null ? null : CsvMapping.read(mapping);
                counted = open(inputPath);
                String name = inputPath == null ? "<stdin>" : input;
                batchInput = csv == null ? BatchInput.json(counted, name) : BatchInput.csv(counted, name, csv);
                batchInput = batchInput.keep(kept);
            } catch (NoSuchFileException e) {
                err.println("advisor batch: " + input + ": no such file");
                return ExitCodes.INVALID_INPUT;
            } catch (IOException | UncheckedIOException e) {
                err.println("advisor batch: " + input + ": cannot be read: "
                        + BatchOutputs.reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e));
                return ExitCodes.INVALID_INPUT;
            }
            Advisor advisor = rules.advisor();
            Batch batch = Batch.of(advisor).strict(strict).maxRecordSize(recordLimit);
            if (threads != null) {
                batch = batch.threads(threads);
            }
            started = true;
            Progress bar = showProgress() ? new Progress(err, counted) : null;
            CohortTables tables = chosen.tables() ? CohortTables.of(advisor, csv) : null;
            TablesOutput tablesOutput = tables == null ? null
                    : new TablesOutput(Path.of(out), chosen == RecordRenderer.Format.parquet, tables);
            CohortSummary summaries = by == null ? new CohortSummary() : new CohortSummary(by, valueOf(by, kept));
            return new BatchRun(input, outputs, new RecordRenderer(chosen, detail, errors != null, tables, kept), err,
                    tablesOutput, advisor.rulesLocation(), summaries, !noSummary).run(batch, batchInput, bar);
        } finally {
            if (!started) {
                outputs.discard();
            }
        }
    }

    /** Why --by cannot break the summary down: a line per reason, or none. */
    private List<String> byProblems(List<String> kept) {
        List<String> problems = new ArrayList<>();
        if (by == null) {
            return problems;
        }
        if (!kept.contains(by) && ProfileFields.find(by).isEmpty()) {
            List<String> paths = ProfileFields.all().stream().map(ProfileField::path).toList();
            String near = paths.stream().filter(p -> p.endsWith("." + by)).collect(Collectors.joining(" or "));
            problems.add("--by " + by + ": no such profile field" + (kept.isEmpty() ? "" : " nor --keep column ("
                    + String.join(", ", kept) + ")") + (near.isEmpty() ? "" : "; did you mean " + near + "?")
                    + "; the fields are: " + String.join(", ", paths));
        }
        if (noSummary && summary == null && summaryHtml == null) {
            problems.add("--by breaks the summary down, but no summary is written: drop --quiet, or add --summary"
                    + " FILE or --summary-html FILE");
        }
        return problems;
    }

    /** A record's group for --by: the kept column's value, else the profile field's as a person types it. */
    private static Function<BatchRecord, String> valueOf(String by, List<String> kept) {
        if (kept.contains(by)) {
            return record -> record.kept().get(by);
        }
        List<String> paths = ProfileFields.all().stream().map(ProfileField::path).toList();
        int index = paths.indexOf(by);
        return record -> record.profile() == null ? null : text(ProfileFields.all(record.profile()).get(index).value());
    }

    private static String text(Object value) {
        if (value instanceof Enum<?> constant) {
            return constant.name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof List<?> words) {
            return words.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return value == null ? null : value.toString();
    }

    /** Why the results cannot go to --out as tables (a database, a Parquet folder): none, or one line. */
    private List<String> tablesProblem(RecordRenderer.Format chosen, Path inputPath) {
        if (!chosen.tables()) {
            return List.of();
        }
        boolean parquet = chosen == RecordRenderer.Format.parquet;
        if ("-".equals(out)) {
            return List.of("--format " + chosen + " writes " + (parquet ? "a folder of Parquet files: name it with"
                    + " --out DIR" : "a database file: name it with --out FILE.duckdb"));
        }
        String problem = TablesOutput.problem(Path.of(out), parquet, replace, inputPath);
        return problem == null ? List.of() : List.of("--out " + out + ": " + problem);
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
}
