package io.github.dlcareer.advisor.cli.batch;

import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TablesOutputTest {

    private static final CohortTables TABLES = CohortTables.of(TestRules.advisor(), null);

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void writeRun(TablesOutput output) {
        output.open();
        output.append(List.of(new CohortTables.Row(CohortTables.SOURCES, List.of("s", "t", "a"))));
        output.commit(OffsetDateTime.now(), "rules", "in.jsonl", new Batch.Counts(0, 0, 0));
    }

    @Test
    void anExistingDatabaseIsRefusedUnlessReplaceAndAFolderIsNeverADatabase(@TempDir Path dir) throws Exception {
        Path existing = Files.writeString(dir.resolve("old.duckdb"), "old");

        assertThat(TablesOutput.problem(existing, false, false, null))
                .isEqualTo("exists; add --replace to replace it (only once the batch has succeeded)");
        assertThat(TablesOutput.problem(existing, false, true, null)).isNull();
        assertThat(TablesOutput.problem(dir, false, true, null)).startsWith("is a folder");
        assertThat(TablesOutput.problem(dir.resolve("new.duckdb"), false, false, null)).isNull();
        assertThat(TablesOutput.problem(dir.resolve("no/such.duckdb"), false, false, null)).startsWith("no such folder");
        assertThat(TablesOutput.problem(existing, false, true, existing)).startsWith("is the input");
        assertThat(names(dir)).containsExactly("old.duckdb"); // checking leaves nothing behind
    }

    @Test
    void aParquetFolderIsReplacedOnlyWhenItHoldsNothingButTables(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path previous = Files.createDirectories(dir.resolve("previous").resolve("profiles"));
        Files.writeString(previous.resolve("part-0.parquet"), "x");
        Files.writeString(previous.resolve("_SUCCESS"), "");
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("thesis.tex"), "years of work");
        Files.createDirectories(home.resolve("profiles"));

        assertThat(TablesOutput.problem(empty, true, false, null)).as("an empty folder holds nothing to lose").isNull();
        assertThat(TablesOutput.problem(previous.getParent(), true, false, null)).startsWith("exists; add --replace");
        assertThat(TablesOutput.problem(previous.getParent(), true, true, null)).isNull();
        assertThat(TablesOutput.problem(home, true, true, null))
                .isEqualTo("holds other files than a cohort's tables (thesis.tex); it is never replaced");
        assertThat(TablesOutput.problem(Files.writeString(dir.resolve("f"), ""), true, true, null))
                .startsWith("is a file");
    }

    @Test
    void theDatabaseAppearsUnderItsNameOnlyWhenCommitted(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("cohort.duckdb");
        try (TablesOutput output = new TablesOutput(target, false, TABLES)) {
            output.open();
            output.append(List.of(new CohortTables.Row(CohortTables.SOURCES, List.of("s", "t", "a"))));
            assertThat(target).doesNotExist();
            assertThat(names(dir)).isNotEmpty().allMatch(name -> name.startsWith(".cohort.duckdb.tmp-")); // and its log
        }

        assertThat(names(dir)).as("a run that did not commit leaves nothing").isEmpty();
    }

    @Test
    void aCommittedDatabaseReplacesTheOldOneWithTheCataloguesAndTheRun(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("cohort.duckdb"), "an old file");
        Files.writeString(dir.resolve("cohort.duckdb.wal"), "an old log, which DuckDB would replay");

        try (TablesOutput output = new TablesOutput(target, false, TABLES)) {
            writeRun(output);
        }

        assertThat(names(dir)).containsExactly("cohort.duckdb");
        try (Connection db = TableStoreTest.open(target); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT (SELECT count(*) FROM sources), (SELECT count(*) FROM advice),"
                     + " (SELECT input FROM run)")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getLong(1)).isEqualTo(6); // ours and the catalogue's five documents
            assertThat(r.getLong(2)).isPositive();
            assertThat(r.getString(3)).isEqualTo("in.jsonl");
        }
    }

    @Test
    void committedParquetTablesReplaceAPreviousRunsFolder(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(target.resolve("advice"));
        Files.writeString(target.resolve("advice").resolve("part-9.parquet"), "stale");

        try (TablesOutput output = new TablesOutput(target, true, TABLES)) {
            writeRun(output);
        }

        assertThat(names(dir)).containsExactly("out");
        assertThat(names(target)).containsExactlyInAnyOrderElementsOf(
                CohortTables.tables().stream().map(CohortTables.Table::name).toList());
        assertThat(names(target.resolve("advice"))).containsExactly("part-0.parquet");
    }
}
