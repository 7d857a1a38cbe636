package io.github.dlcareer.advisor.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.cli.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** advisor batch --keep COLUMN,… (input columns passed through to every output) and --by FIELD (the summary per group). */
class BatchKeepCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING = "examples/batch/kaggle-survey-2018.mapping.yaml";

    private final InProcessCli cli = new InProcessCli();

    /** The survey's header and first two rows, and a third row rejected (an education no mapping knows). */
    private static Path survey(Path dir) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("examples/batch/kaggle-survey-2018-sample.csv"));
        String bad = lines.get(1).replaceFirst("^1,45-49,United States of America,Doctoral degree,",
                "9,30-34,India,Kindergarten,");
        assertThat(bad).isNotEqualTo(lines.get(1));
        return Files.write(dir.resolve("survey.csv"), List.of(lines.get(0), lines.get(1), lines.get(2), bad));
    }

    @Test
    void csvOutputAppendsTheKeptColumnsToEveryRowErrorRowsToo(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");

        int exit = cli.run("batch", survey(dir).toString(), "--mapping", MAPPING, "--rules", "rules", "--keep",
                "country,age", "--out", out.toString());

        assertThat(exit).isEqualTo(3);
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("line,profile,rank,recommendation,kind,score,citations,error,title,topic,"
                + "country,age");
        assertThat(rows.stream().filter(r -> r.startsWith("2,kaggle2018-1,")))
                .isNotEmpty().allMatch(r -> r.endsWith(",United States of America,45-49"));
        assertThat(rows.stream().filter(r -> r.startsWith("3,kaggle2018-2,")))
                .isNotEmpty().allMatch(r -> r.endsWith(",Indonesia,30-34"));
        assertThat(rows.get(rows.size() - 1)).startsWith("4,kaggle2018-9,").contains("Kindergarten")
                .endsWith(",India,30-34");
    }

    @Test
    void anUnknownCsvColumnIsAUsageErrorNamingTheHeadersColumns(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");

        int exit = cli.run("batch", survey(dir).toString(), "--mapping", MAPPING, "--rules", "rules", "--keep",
                "country,Q3", "--out", out.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err()).contains("Q3").contains("no such column to keep; the header has: respondent_row, age,"
                + " country, education,").doesNotContain("country: no such column");
        assertThat(out).doesNotExist();
    }

    @Test
    void keepNamingNoColumnIsAUsageError(@TempDir Path dir) {
        Path out = dir.resolve("out.jsonl");

        for (String columns : List.of(",", "cohort,,id")) {
            assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--keep", columns,
                    "--out", out.toString())).as(columns).isEqualTo(2);
            assertThat(cli.err()).contains("--keep needs column names separated by commas");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void jsonLinesGetAKeepObjectInFullCompactAndErrorRecords(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.jsonl");
        Path compact = dir.resolve("compact.jsonl");

        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--keep", "id,skills", "--keep",
                "cohort", "--out", full.toString(), "--quiet");
        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--keep", "id,skills,cohort",
                "--detail", "compact", "--out", compact.toString(), "--quiet");

        for (Path out : List.of(full, compact)) {
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(7);
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.get("profile").asText()).isEqualTo("advisor-red-flags");
            assertThat(first.get("recommendations").size()).isPositive();
            assertThat(first.get("keep").toString()).isEqualTo("{\"id\":\"advisor-red-flags\",\"skills\":null,"
                    + "\"cohort\":null}");
            assertThat(JSON.readTree(lines.get(1)).get("keep").get("skills").asText())
                    .isEqualTo("{\"programming\":3,\"deepLearning\":1}"); // an object, as JSON text
            JsonNode rejected = JSON.readTree(lines.get(2));
            assertThat(rejected.get("problems")).isNotNull();
            assertThat(rejected.get("keep").get("id").asText()).isEqualTo("broken-skill");
            assertThat(JSON.readTree(lines.get(6)).get("keep").get("skills").asText()).as("read before the break")
                    .isEqualTo("{\"programming\":3}");
        }
        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--out", full.toString(), "--quiet");
        assertThat(Files.readString(full)).doesNotContain("\"keep\":");
    }

    @Test
    void theKeptTableHoldsARowPerColumnOfEveryRecordAdvisedOrRejected(@TempDir Path dir) throws Exception {
        Path database = dir.resolve("cohort.duckdb");

        cli.run("batch", survey(dir).toString(), "--mapping", MAPPING, "--rules", "rules", "--keep", "country,age",
                "--out", database.toString());

        try (Connection db = TableStoreTest.open(database)) {
            assertThat(BatchTablesCommandTest.rows(db, "SELECT profile_id, line, \"column\", value FROM kept ORDER BY line, \"column\""))
                    .containsExactly("kaggle2018-1|2|age|45-49", "kaggle2018-1|2|country|United States of America",
                            "kaggle2018-2|3|age|30-34", "kaggle2018-2|3|country|Indonesia",
                            "kaggle2018-9|4|age|30-34", "kaggle2018-9|4|country|India");
            assertThat(BatchTablesCommandTest.rows(db, "SELECT k.value, count(DISTINCT r.line) FROM kept k JOIN rejections r USING (line)"
                    + " WHERE k.\"column\" = 'country' GROUP BY 1")).containsExactly("India|1");
        }
    }

    @Test
    void theSummaryIsBrokenDownByAProfileFieldInEveryRendering(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.json");
        Path page = dir.resolve("summary.html");

        int exit = cli.run("batch", "examples/batch/kaggle-survey-2018-sample.csv", "--mapping", MAPPING, "--rules",
                "rules", "--by", "education.level", "--out", dir.resolve("out.jsonl").toString(), "--summary",
                summary.toString(), "--summary-html", page.toString());

        assertThat(exit).isIn(0, 3);
        JsonNode counts = JSON.readTree(summary.toFile());
        JsonNode by = counts.get("by");
        assertThat(by.get("field").asText()).isEqualTo("education.level");
        List<String> groups = new ArrayList<>();
        long read = 0;
        long gotFirst = 0;
        String first = counts.get("recommendations").fieldNames().next();
        for (JsonNode group : by.get("groups")) {
            groups.add(group.get("group").asText());
            read += group.get("read").asLong();
            for (JsonNode r : group.get("recommendations")) {
                if (r.get("id").asText().equals(first)) {
                    gotFirst += r.get("records").asLong();
                    assertThat(r.get("title").asText()).isNotBlank();
                    assertThat(r.get("share").asDouble()).isEqualTo(
                            Math.round(10_000.0 * r.get("records").asLong() / group.get("advised").asLong()) / 10_000.0);
                }
            }
        }
        assertThat(groups).startsWith("masters", "bachelors").contains("(unknown)");
        assertThat(read).isEqualTo(counts.get("read").asLong());
        assertThat(gotFirst).isEqualTo(counts.get("recommendations").get(first).asLong());
        String table = cli.err().substring(cli.err().indexOf("By education.level:"));
        assertThat(table).contains("masters").contains("bachelors").contains("Recommendations")
                .contains(first + " · ");
        assertThat(table.lines()).allMatch(line -> line.length() <= 80);
        assertThat(Files.readString(page)).contains("<h2>By education.level</h2>").contains("<th title=\"masters\">");
    }

    @Test
    void aKeptColumnGroupsRejectedRecordsToo(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.json");

        cli.run("batch", survey(dir).toString(), "--mapping", MAPPING, "--rules", "rules", "--keep", "country",
                "--by", "country", "--out", dir.resolve("out.csv").toString(), "--summary", summary.toString());

        List<String> groups = new ArrayList<>();
        for (JsonNode group : JSON.readTree(summary.toFile()).get("by").get("groups")) {
            groups.add(group.get("group").asText() + ":" + group.get("read") + "/" + group.get("rejected"));
        }
        assertThat(groups).containsExactly("India:1/1", "Indonesia:1/0", "United States of America:1/0");
    }

    @Test
    void anUnknownFieldOrABreakdownOfNoSummaryIsAUsageError(@TempDir Path dir) {
        Path out = dir.resolve("out.jsonl");

        assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--by", "education.lvl",
                "--keep", "cohort", "--out", out.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--by education.lvl: no such profile field nor --keep column (cohort);"
                + " the fields are: id, ").contains(", education.level, ");
        assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--by", "education.level",
                "--quiet", "--out", out.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--by breaks the summary down, but no summary is written");
        assertThat(out).doesNotExist();
    }
}
