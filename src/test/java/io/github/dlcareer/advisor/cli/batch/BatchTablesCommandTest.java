package io.github.dlcareer.advisor.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.cli.InProcessCli;
import io.github.dlcareer.advisor.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** advisor batch into a DuckDB database or Parquet files, in-process (and once as a process, to be signalled). */
class BatchTablesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "examples/batch/kaggle-survey-2018-sample.csv";
    private static final String MAPPING = "examples/batch/kaggle-survey-2018.mapping.yaml";

    private final InProcessCli cli = new InProcessCli();

    private static List<String> query(Path database, String sql) throws SQLException {
        try (Connection db = TableStoreTest.open(database)) {
            return rows(db, sql);
        }
    }

    /** A query's rows, each as its values joined by {@code |} (a list as {@code [a, b]}). */
    static List<String> rows(Connection db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    row.append(i > 1 ? "|" : "").append(value instanceof Array list
                            ? Arrays.toString((Object[]) list.getArray()) : value);
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theRecommendationsEqualTheJsonLinesOfTheSameBatchProfileByProfile(@TempDir Path dir) throws Exception {
        Path jsonl = dir.resolve("advice.jsonl");
        Path database = dir.resolve("advice.duckdb");
        assertThat(cli.run("batch", SAMPLE, "--mapping", MAPPING, "--rules", "rules", "--out", jsonl.toString()))
                .isIn(0, 3);

        int exit = cli.run("batch", SAMPLE, "--mapping", MAPPING, "--rules", "rules", "--out", database.toString());

        assertThat(exit).isIn(0, 3);
        List<String> expected = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl)) {
            JsonNode advice = JSON.readTree(line);
            for (JsonNode r : advice.path("recommendations")) {
                expected.add(String.join("|", advice.get("profile").asText(), r.get("rank").asText(),
                        r.get("id").asText(), r.get("kind").asText(), r.get("topic").asText(),
                        String.valueOf(r.get("score").asDouble())));
            }
        }
        List<String> stored = query(database, "SELECT profile_id, rank, advice_id, kind, topic, score"
                + " FROM recommendations JOIN profiles USING (profile_id) ORDER BY line, rank");
        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(query(database, "SELECT count(*) FROM profiles")).containsExactly(String.valueOf(
                Files.readAllLines(jsonl).stream().filter(l -> l.startsWith("{\"profile\"")).count()));
    }

    @Test
    void everyRecordIsAccountedForAndEveryRejectedOneIsInRejections(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("cohort.duckdb");

        int exit = cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--out", database.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(query(database, "SELECT read, advised, rejected, input, rules FROM run"))
                .containsExactly("7|5|2|examples/batch/profiles.jsonl|rules");
        assertThat(query(database, "SELECT DISTINCT line, profile_id FROM rejections ORDER BY line"))
                .containsExactly("3|broken-skill", "8|null");
        assertThat(query(database, "SELECT field FROM rejections WHERE line = 3 ORDER BY field"))
                .containsExactly("hardware.gpu", "skills.math");
        assertThat(query(database, "SELECT count(*) FROM profiles")).containsExactly("5");
        assertThat(query(database, "SELECT count(*) FROM advice a JOIN recommendations r USING (advice_id)"))
                .isEqualTo(query(database, "SELECT count(*) FROM recommendations")); // the catalogue is whole
        assertThat(cli.err()).contains("read 7: advised 5, rejected 2");
    }

    @Test
    void anExistingDatabaseIsRefusedWithoutReplaceAndReplacedWithIt(@TempDir Path dir) throws Exception {
        Path database = Files.writeString(dir.resolve("cohort.duckdb"), "last week's results");

        int refused = cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--out",
                database.toString());

        assertThat(refused).isEqualTo(2);
        assertThat(cli.err()).contains("--out " + database + ": exists; add --replace to replace it");
        assertThat(Files.readString(database)).isEqualTo("last week's results");
        assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--out", database.toString(),
                "--replace")).isEqualTo(3);
        assertThat(query(database, "SELECT read FROM run")).containsExactly("7");
        assertThat(names(dir)).containsExactly("cohort.duckdb");
    }

    @Test
    void aDatabaseOrFolderCannotGoToStandardOutput() {
        assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--format", "duckdb"))
                .isEqualTo(2);
        assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--format", "parquet"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("--format duckdb writes a database file: name it with --out FILE.duckdb")
                .contains("--format parquet writes a folder of Parquet files: name it with --out DIR");
    }

    @Test
    void parquetFilesHoldTheSameTablesAsTheDatabase(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("cohort.duckdb");
        Path folder = dir.resolve("cohort");
        cli.run("batch", SAMPLE, "--mapping", MAPPING, "--rules", "rules", "--out", database.toString());

        int exit = cli.run("batch", SAMPLE, "--mapping", MAPPING, "--rules", "rules", "--format", "parquet", "--out",
                folder.toString());

        assertThat(exit).isIn(0, 3);
        assertThat(names(dir)).containsExactly("cohort", "cohort.duckdb");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement()) {
            s.execute("ATTACH '" + database + "' AS db (READ_ONLY)");
            for (CohortTables.Table table : CohortTables.tables()) {
                String columns = table == CohortTables.RUN ? "* EXCLUDE (started, finished)" : "*";
                List<String> fromParquet = rows(db, "SELECT " + columns + " FROM read_parquet('"
                        + folder.resolve(table.name()) + "/*.parquet') ORDER BY ALL");
                assertThat(fromParquet).as(table.name())
                        .isEqualTo(rows(db, "SELECT " + columns + " FROM db." + table.name() + " ORDER BY ALL"));
            }
            assertThat(rows(db, "SELECT count(*) FROM db.profiles")).containsExactly("300");
        }
    }

    @Test
    void aBatchThatFailsMidwayLeavesNoDatabase(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("cohort.duckdb");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(
                "{\"id\": \"a\"}\n{\"id\": \"b\"}\n".getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("Input/output error");
                    }
                });

        int exit = cli.runWithInput(failing, "batch", "-", "--rules", "rules", "--out", database.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(cli.err()).contains("cannot be read any further: Input/output error")
                .contains(database + " was not written");
        assertThat(names(dir)).isEmpty();
    }

    /** SIGTERM mid-way: the JVM exits 143 and nothing is left under the final name, nor beside it. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aBatchStoppedBySigtermLeavesNoDatabase(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int line = 1; line <= 100_000; line++) {
            text.append(String.format(Locale.ROOT, "{\"id\":\"p%d\",\"plans\":{\"goal\":\"PHD\"},\"skills\":{\"math\":%d}}%n",
                    line, line % 6));
        }
        Path input = Files.writeString(dir.resolve("in.jsonl"), text);
        Path database = dir.resolve("out.duckdb");
        Process batch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch", input.toString(),
                "--rules", "rules", "--no-progress", "--threads", "2", "--out", database.toString())
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (names(dir).stream().noneMatch(n -> n.startsWith(".out.duckdb.tmp-")) && batch.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(1000); // well into the records
            assertThat(batch.isAlive()).as("still advising when signalled").isTrue();
            batch.destroy(); // SIGTERM
            assertThat(batch.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            batch.destroyForcibly();
        }

        assertThat(batch.exitValue()).isEqualTo(143);
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("stopped by a signal after line")
                .contains(database + " was not written");
        assertThat(names(dir)).containsExactly("in.jsonl", "stderr.txt");
    }
}
