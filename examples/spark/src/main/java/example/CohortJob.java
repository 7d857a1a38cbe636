package example;

import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.AdvisorException;
import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.BatchInput;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CsvMapping;
import io.github.dlcareer.advisor.InvalidInputException;
import io.github.dlcareer.advisor.Problem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

/**
 * {@code advisor batch INPUT --format parquet --out OUT} on Apache Spark: the same tables ({@link CohortTables}),
 * as Parquet folders {@code OUT/TABLE/}, from JSON Lines, a CSV export through a mapping file, or Parquet.
 *
 * <pre>
 * CohortJob INPUT OUT [--mapping FILE] [--rules DIR] [--keep COLUMN,...]
 * </pre>
 *
 * Exit codes as {@code advisor batch}: 0 every record advised, 3 some rejected (each in {@code rejections}),
 * 2 bad usage (a broken mapping, an output that exists), 1 rules that do not compile or a failed job.
 */
public final class CohortJob {

    /**
     * What to run.
     *
     * @param input      JSON Lines; a CSV export when {@code mapping} is set; Parquet when it ends in
     *                   {@code .parquet} or is a folder (columns as a profile's JSON: {@code education.level}, ...)
     * @param out        the folder of the tables; it must not exist, or be empty
     * @param mapping    the CSV mapping file ({@code advisor batch --mapping}), or null
     * @param rules      the rules folder, or null for the rules bundled in the library
     * @param chunkLines input lines advised together (the results of one chunk per task are held at a time)
     * @param keep       input columns passed through to the {@code kept} table ({@code advisor batch --keep})
     */
    public record Options(String input, String out, String mapping, String rules, int chunkLines, List<String> keep) {
        public Options {
            keep = List.copyOf(keep);
        }

        /** Options that keep no input column. */
        public Options(String input, String out, String mapping, String rules, int chunkLines) {
            this(input, out, mapping, rules, chunkLines, List.of());
        }
    }

    private static final String USAGE = "usage: CohortJob INPUT OUT_DIR [--mapping FILE] [--rules DIR] [--keep COLUMN,...]";

    /** Numbered input lines: a line's number in the input (1-based) and its bytes, line break left out. */
    private static final StructType LINES = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("bytes", DataTypes.BinaryType, false);

    private CohortJob() {
    }

    public static void main(String[] args) {
        Options options = options(args);
        if (options == null) {
            System.err.println(USAGE);
            System.exit(2);
        }
        int exit;
        SparkSession spark = SparkSession.builder().appName("dl-career-advisor cohort").getOrCreate();
        try {
            Batch.Counts counts = run(spark, options);
            System.err.printf("advisor spark: %d read, %d advised, %d rejected; tables in %s%n",
                    counts.read(), counts.advised(), counts.rejected(), options.out());
            exit = counts.rejected() > 0 ? 3 : 0;
        } catch (InvalidInputException | IllegalArgumentException e) {
            System.err.println("advisor spark: " + message(e));
            exit = 2;
        } catch (AdvisorException e) {
            System.err.println("advisor spark: " + message(e));
            exit = 1;
        } finally {
            spark.stop();
        }
        System.exit(exit);
    }

    /**
     * Advises every record of the input and writes the tables; the {@code run} table last, so a folder without it
     * is a job that did not finish.
     *
     * @throws IllegalArgumentException when the output exists and is not empty
     * @throws InvalidInputException    a broken mapping, or a CSV header without a mapped column
     */
    public static Batch.Counts run(SparkSession spark, Options options) {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        checkOut(spark, options.out());
        // The driver compiles the rules too: broken rules stop the job before any task, and give the catalogues.
        Advisor advisor = AdvisePartition.advisor(options.rules());
        CsvMapping mapping = AdvisePartition.mapping(options.mapping());
        String rulesName = ship(spark, options.rules(), true);
        String mappingName = ship(spark, options.mapping(), false);

        boolean parquet = mapping == null && isParquet(spark, options.input());
        Dataset<Row> lines = parquet ? numberedJson(spark, options.input()) : numberedLines(spark, options.input());
        byte[] header = null;
        if (mapping != null) {
            header = lines.first().getAs(1);
            // Every mapped column there, and every column to keep.
            BatchInput.csv(new ByteArrayInputStream(header), options.input(), mapping).keep(options.keep());
        }
        Dataset<Row> results = lines
                .mapPartitions(new AdvisePartition(options.input(), rulesName, mappingName, header,
                        options.chunkLines(), options.keep()), Encoders.row(SparkTables.RECORD_RESULTS))
                .persist(StorageLevel.DISK_ONLY()); // advised once, then split into the tables

        // Parquet TIMESTAMP (UTC-adjusted) rather than Spark's INT96: what DuckDB reads as TIMESTAMP WITH TIME ZONE.
        spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        for (CohortTables.Table table : SparkTables.RECORD_TABLES) {
            results.select(explode(col(table.name())).as("row")).select("row.*")
                    .write().parquet(options.out() + "/" + table.name());
        }
        Row tally = results.agg(count(lit(1)), sum(size(col(CohortTables.PROFILES.name())))).first();
        long read = tally.getLong(0);
        long advised = tally.isNullAt(1) ? 0 : tally.getLong(1);
        Batch.Counts counts = new Batch.Counts(read, advised, read - advised);
        results.unpersist();

        List<CohortTables.Row> catalogues = CohortTables.of(advisor, mapping).catalogueRows();
        for (CohortTables.Table table : SparkTables.CATALOGUE_TABLES) {
            write(spark, options.out(), table, catalogues.stream().filter(r -> r.table().equals(table)).toList());
        }
        write(spark, options.out(), CohortTables.RUN, List.of(CohortTables.runRow(started,
                OffsetDateTime.now(ZoneOffset.UTC), advisor.rulesLocation(), options.input(), counts)));
        return counts;
    }

    /** The input's lines, numbered, as bytes (Spark's text source keeps them as read: invalid UTF-8 stays so). */
    private static Dataset<Row> numberedLines(SparkSession spark, String input) {
        JavaRDD<Row> numbered = spark.read().option("lineSep", "\n").text(input)
                .select(col("value").cast("binary")).javaRDD()
                .zipWithIndex().map(t -> RowFactory.create(t._2() + 1, t._1().get(0)));
        return spark.createDataFrame(numbered, LINES);
    }

    /** Parquet rows as JSON lines (nulls left out: unknown), numbered in the order Spark reads them. */
    private static Dataset<Row> numberedJson(SparkSession spark, String input) {
        JavaRDD<Row> numbered = spark.read().parquet(input).toJSON().javaRDD()
                .zipWithIndex().map(t -> RowFactory.create(t._2() + 1, t._1().getBytes(StandardCharsets.UTF_8)));
        return spark.createDataFrame(numbered, LINES);
    }

    private static void write(SparkSession spark, String out, CohortTables.Table table, List<CohortTables.Row> rows) {
        List<Row> sparkRows = new ArrayList<>();
        rows.forEach(r -> sparkRows.add(SparkTables.row(r)));
        spark.createDataFrame(sparkRows, SparkTables.schema(table)).coalesce(1)
                .write().parquet(out + "/" + table.name());
    }

    /** Ships a file or folder to every executor with the job; its name there, for {@code SparkFiles.get}. */
    private static String ship(SparkSession spark, String path, boolean folder) {
        if (path == null) {
            return null;
        }
        File absolute = new File(path).getAbsoluteFile();
        spark.sparkContext().addFile(absolute.toURI().toString(), folder);
        return absolute.getName();
    }

    private static boolean isParquet(SparkSession spark, String input) {
        Path path = new Path(input);
        try {
            return input.endsWith(".parquet") || fileSystem(spark, path).getFileStatus(path).isDirectory();
        } catch (IOException e) {
            throw new IllegalArgumentException(input + ": cannot be read: " + e.getMessage());
        }
    }

    private static void checkOut(SparkSession spark, String out) {
        Path path = new Path(out);
        try {
            FileSystem fs = fileSystem(spark, path);
            if (fs.exists(path) && (!fs.getFileStatus(path).isDirectory() || fs.listStatus(path).length > 0)) {
                throw new IllegalArgumentException(out + ": exists; the tables go into a new or empty folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(out + ": cannot be checked", e);
        }
    }

    private static FileSystem fileSystem(SparkSession spark, Path path) throws IOException {
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }

    private static String message(RuntimeException e) {
        if (e instanceof AdvisorException advisorException && !advisorException.problems().isEmpty()) {
            return String.join("\n", advisorException.problems().stream().map(Problem::toString).toList());
        }
        return e.getMessage();
    }

    private static Options options(String[] args) {
        List<String> positional = new ArrayList<>();
        String mapping = null;
        String rules = null;
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mapping" -> mapping = ++i < args.length ? args[i] : null;
                case "--rules" -> rules = ++i < args.length ? args[i] : null;
                case "--keep" -> {
                    if (++i < args.length) {
                        keep.addAll(List.of(args[i].split(",")));
                        if (keep.isEmpty()) {
                            return null; // "--keep ," names no column: bad usage, as for advisor batch
                        }
                    }
                }
                default -> positional.add(args[i]);
            }
            if (i >= args.length) {
                return null;
            }
        }
        return positional.size() == 2 && positional.stream().noneMatch(a -> a.startsWith("--"))
                ? new Options(positional.get(0), positional.get(1), mapping, rules, 1000, keep) : null;
    }
}
