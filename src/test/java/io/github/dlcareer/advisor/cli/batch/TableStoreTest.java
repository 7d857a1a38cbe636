package io.github.dlcareer.advisor.cli.batch;

import io.github.dlcareer.advisor.Batch;
import io.github.dlcareer.advisor.CohortTables;
import io.github.dlcareer.advisor.CohortTables.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class TableStoreTest {

    /** A database written with a few rows of every kind of column. */
    private static Path written(Path dir) throws SQLException {
        Path file = dir.resolve("cohort.duckdb");
        OffsetDateTime started = OffsetDateTime.of(2026, 11, 30, 9, 0, 0, 0, ZoneOffset.UTC);
        try (TableStore store = TableStore.create(file)) {
            Object[] profile = new Object[CohortTables.PROFILES.columns().size()];
            profile[0] = "anna";
            profile[1] = 1L;
            profile[CohortTables.PROFILES.columns().indexOf(new CohortTables.Column("interests_domains",
                    CohortTables.Type.TEXT_LIST))] = List.of("vision", "bio");
            store.append(List.of(new Row(CohortTables.PROFILES, Arrays.asList(profile)),
                    new Row(CohortTables.RECOMMENDATIONS, List.of("anna", 1, "buy-a-gpu", "ADVICE", "gpu", 0.8)),
                    new Row(CohortTables.REJECTIONS, Arrays.asList(3L, null, "id", null, "missing")),
                    CohortTables.runRow(started, started.plusSeconds(5), "rules", "in.jsonl", new Batch.Counts(2, 1, 1))));
            store.finish();
        }
        return file;
    }

    static Connection open(Path database) throws SQLException {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), readOnly);
    }

    @Test
    void createsEveryTableWithItsColumnsAndSqlTypes(@TempDir Path dir) throws Exception {
        List<String> expected = new ArrayList<>();
        CohortTables.tables().forEach(t -> t.columns().forEach(c -> expected.add(t.name() + "." + c.name() + " "
                + c.type().sql())));

        List<String> found = new ArrayList<>();
        try (Connection db = open(written(dir)); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns"
                     + " ORDER BY table_name, ordinal_position")) {
            while (r.next()) {
                found.add(r.getString(1) + "." + r.getString(2) + " " + r.getString(3));
            }
        }

        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void readsBackWhatWasAppendedListsNullsAndTimesIncluded(@TempDir Path dir) throws Exception {
        try (Connection db = open(written(dir)); Statement s = db.createStatement()) {
            ResultSet profile = s.executeQuery("SELECT profile_id, line, interests_domains, hardware_gpu FROM profiles");
            assertThat(profile.next()).isTrue();
            assertThat(profile.getString(1)).isEqualTo("anna");
            assertThat(profile.getLong(2)).isEqualTo(1L);
            Array domains = profile.getArray(3);
            assertThat((Object[]) domains.getArray()).containsExactly("vision", "bio");
            assertThat(profile.getString(4)).isNull();
            ResultSet rec = s.executeQuery("SELECT score, rank FROM recommendations");
            assertThat(rec.next()).isTrue();
            assertThat(rec.getDouble(1)).isEqualTo(0.8);
            assertThat(rec.getInt(2)).isEqualTo(1);
            ResultSet rejection = s.executeQuery("SELECT line, profile_id, \"column\", message FROM rejections");
            assertThat(rejection.next()).isTrue();
            assertThat(rejection.getLong(1)).isEqualTo(3L);
            assertThat(rejection.getString(2)).isNull();
            assertThat(rejection.getString(4)).isEqualTo("missing");
            ResultSet run = s.executeQuery("SELECT epoch(finished) - epoch(started), read, advised, rejected FROM run");
            assertThat(run.next()).isTrue();
            assertThat(run.getDouble(1)).isEqualTo(5.0);
            assertThat(run.getLong(2)).isEqualTo(run.getLong(3) + run.getLong(4));
        }
    }

    /**
     * DuckDB 2.0 writes storage version 69 by default, which every 1.x reader (Python's duckdb, the CLI) refuses
     * ("can only read versions between 64 and 68", and before 1.2 "only version 64"). The file's header says which
     * version it is: 64, which every DuckDB from 1.0 on reads.
     */
    @Test
    void writesTheStorageVersionThatEveryDuckDb1ReaderOpens(@TempDir Path dir) throws Exception {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(written(dir))) {
            assertThat(in.readNBytes(header, 0, 20)).isEqualTo(20);
        }

        assertThat(new String(header, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("DUCK");
        assertThat(ByteBuffer.wrap(header, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()).isEqualTo(64L);
    }

    @Test
    void exportsEveryTableAsAParquetFileInAFolderOfItsOwn(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("cohort.duckdb");
        Path folder = dir.resolve("parquet");
        try (TableStore store = TableStore.create(database)) {
            store.append(List.of(new Row(CohortTables.RECOMMENDATIONS, List.of("anna", 1, "buy-a-gpu", "ADVICE", "gpu",
                    0.8))));
            store.finish();
            store.exportParquet(folder);
        }

        for (CohortTables.Table table : CohortTables.tables()) {
            assertThat(folder.resolve(table.name()).resolve("part-0.parquet")).isRegularFile();
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement s = db.createStatement();
             ResultSet r = s.executeQuery("SELECT advice_id, score FROM read_parquet('"
                     + folder.resolve("recommendations").toAbsolutePath() + "/*.parquet')")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("buy-a-gpu");
            assertThat(r.getDouble(2)).isEqualTo(0.8);
        }
    }
}
