package example;

import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.InvalidInputException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job against the command line: the same input gives the same tables, row for row, as
 * {@code advisor batch INPUT --format parquet --out DIR}. The input is cut into several partitions and small chunks,
 * so that line numbers and CSV headers are carried across both.
 */
class CohortJobTest {

    private static final Path ROOT = Path.of(System.getProperty("advisor.root", "../..")).toAbsolutePath().normalize();
    private static final String RULES = ROOT.resolve("rules").toString();
    private static final String CSV = ROOT.resolve("examples/batch/kaggle-survey-2018-sample.csv").toString();
    private static final String MAPPING = ROOT.resolve("examples/batch/kaggle-survey-2018.mapping.yaml").toString();
    private static final String JSONL = ROOT.resolve("examples/batch/profiles.jsonl").toString();

    private static SparkSession spark;

    /** The command line's tables of {@link #JSONL}, made once for the tests that compare with them. */
    private static Path cliJsonl;

    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("CohortJobTest")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aCsvExportThroughItsMappingGivesTheTablesOfTheCommandLine() throws Exception {
        Path cli = cliBatch(CSV, "--mapping", MAPPING, "--keep", "country,age");
        Path out = temp.resolve("spark");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "40000"); // 192 KB: five partitions
        Batch.Counts counts = CohortJob.run(spark, new CohortJob.Options(CSV, out.toString(), MAPPING, RULES, 7,
                List.of("country", "age")));

        assertEquals(new Batch.Counts(300, 300, 0), counts);
        assertTrue(partitions(CSV) > 1, "the input was cut into partitions");
        assertEquals(600, spark.read().parquet(out + "/kept").count(), "two columns kept for each record");
        assertSameTables(cli, out);
    }

    @Test
    void aColumnToKeepThatTheCsvLacksIsRefusedBeforeAnyTask() {
        Path out = temp.resolve("spark");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> CohortJob.run(spark,
                new CohortJob.Options(CSV, out.toString(), MAPPING, RULES, 7, List.of("countree"))));

        assertTrue(refused.getMessage().contains("countree"), refused.getMessage());
        assertTrue(!Files.exists(out) || out.toFile().list().length == 0, "nothing written");
    }

    @Test
    void aQuotedCellThatHoldsALineBreakIsReadWholeAcrossChunks() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(CSV)).subList(0, 61);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int quote = line.indexOf('"');
            csv.append(i % 2 == 1 && quote >= 0 ? line.substring(0, quote + 1) + "\n" + line.substring(quote + 1) : line)
                    .append('\n');
        }
        Path input = Files.writeString(temp.resolve("broken-lines.csv"), csv);
        assertTrue(Files.readAllLines(input).size() > 70, "some cells hold line breaks");
        Path cli = cliBatch(input.toString(), "--mapping", MAPPING);
        Path out = temp.resolve("spark");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "1000000"); // one partition, cut into 3-line chunks
        CohortJob.run(spark, new CohortJob.Options(input.toString(), out.toString(), MAPPING, RULES, 3));

        assertSameTables(cli, out);
    }

    @Test
    void jsonLinesWithRejectedRecordsGiveTheTablesOfTheCommandLine() throws Exception {
        Path cli = cliJsonl();
        Path out = temp.resolve("spark");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "600");
        Batch.Counts counts = CohortJob.run(spark, new CohortJob.Options(JSONL, out.toString(), null, RULES, 2));

        assertEquals(new Batch.Counts(7, 5, 2), counts); // a blank line is no record
        assertTrue(partitions(JSONL) > 1, "the input was cut into partitions");
        assertSameTables(cli, out);
        assertEquals(List.of(3L, 8L), spark.read().parquet(out + "/rejections").select("line").distinct()
                .orderBy("line").as(Encoders.LONG()).collectAsList());
    }

    @Test
    void parquetProfilesAreAdvisedAsTheirJson() throws Exception {
        Path cli = cliJsonl();
        Path parquet = temp.resolve("profiles.parquet");
        spark.read().json(JSONL).coalesce(1).write().parquet(parquet.toString());
        Path out = temp.resolve("spark");
        CohortJob.run(spark, new CohortJob.Options(parquet.toString(), out.toString(), null, null, 1000));

        for (String table : List.of("recommendations", "citations", "questions", "conflicts")) {
            assertSameRows(sorted(spark.read().parquet(cli + "/" + table)), sorted(spark.read().parquet(out + "/" + table)),
                    table);
        }
    }

    @Test
    void anOutputThatHoldsAnythingIsRefused() throws IOException {
        Path out = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(out.resolve("notes.txt"), "mine");

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CohortJob.run(spark, new CohortJob.Options(JSONL, out.toString(), null, null, 1000)));
        assertTrue(refused.getMessage().contains("exists"), refused.getMessage());
        assertEquals(List.of("notes.txt"), Arrays.asList(out.toFile().list()));
    }

    /** Every table, its columns and types and its rows, equal; of {@code run}, all but the times. */
    private static void assertSameTables(Path cli, Path spark) {
        for (CohortTables.Table table : CohortTables.tables()) {
            Dataset<Row> expected = CohortJobTest.spark.read().parquet(cli + "/" + table.name());
            Dataset<Row> actual = CohortJobTest.spark.read().parquet(spark + "/" + table.name());
            assertEquals(expected.schema().toDDL(), actual.schema().toDDL(), table.name());
            if (table == CohortTables.RUN) {
                expected = expected.drop("started", "finished");
                actual = actual.drop("started", "finished");
            }
            assertSameRows(sorted(expected), sorted(actual), table.name());
        }
    }

    /** Equal lists of rows; else the first rows only one side has, not every row of both. */
    private static void assertSameRows(List<String> expected, List<String> actual, String table) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> extra = new ArrayList<>(actual);
        expected.forEach(extra::remove);
        assertTrue(missing.isEmpty() && extra.isEmpty(), table + ": " + expected.size() + " rows expected, "
                + actual.size() + " written; not written: " + missing.stream().limit(3).toList()
                + "; not expected: " + extra.stream().limit(3).toList());
    }

    private static List<String> sorted(Dataset<Row> rows) {
        List<String> all = new ArrayList<>(rows.collectAsList().stream().map(Row::toString).toList());
        all.sort(null);
        return all;
    }

    private int partitions(String input) {
        return spark.read().text(input).rdd().getNumPartitions();
    }

    private static synchronized Path cliJsonl() throws IOException, InterruptedException {
        if (cliJsonl == null) {
            cliJsonl = cliBatch(shared.resolve("jsonl"), JSONL);
        }
        return cliJsonl;
    }

    private Path cliBatch(String input, String... options) throws IOException, InterruptedException {
        return cliBatch(temp.resolve("cli"), input, options);
    }

    /** {@code advisor batch INPUT --format parquet --out OUT} with the jar the library's build made. */
    private static Path cliBatch(Path out, String input, String... options) throws IOException, InterruptedException {
        Path jar = ROOT.resolve("target/dl-career-advisor.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is missing: build the library first (mvn -B package)");
        Path log = Path.of(out + ".log");
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "batch", input,
                "--format", "parquet", "--out", out.toString(), "--rules", RULES, "--quiet"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the CLI batch finished");
        int exit = process.exitValue();
        assertTrue(exit == 0 || exit == 3, "the CLI batch: exit " + exit + "\n" + Files.readString(log));
        return out;
    }
}
