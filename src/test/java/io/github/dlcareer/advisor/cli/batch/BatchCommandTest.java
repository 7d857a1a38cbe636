package io.github.dlcareer.advisor.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.cli.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** advisor batch, in-process; output goes to files (standard output is written directly, for speed). */
class BatchCommandTest {

    private final InProcessCli cli = new InProcessCli();

    @Test
    void writesOneAdviceLinePerRecordAndErrorRecordsApartAndExits3WhenSomeAreRejected(@TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("out.jsonl");
        Path errors = dir.resolve("errors.jsonl");
        Path summary = dir.resolve("summary.json");

        int exit = cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--out", out.toString(),
                "--errors", errors.toString(), "--summary", summary.toString(), "--threads", "2");

        assertThat(exit).isEqualTo(3);
        List<String> advised = Files.readAllLines(out);
        List<String> rejected = Files.readAllLines(errors);
        JsonNode counts = new ObjectMapper().readTree(summary.toFile());
        assertThat(counts.get("read").asLong()).isEqualTo(advised.size() + rejected.size());
        assertThat(counts.get("advised").asLong()).isEqualTo(advised.size());
        assertThat(counts.get("rejected").asLong()).isEqualTo(rejected.size()).isPositive();
        assertThat(new ObjectMapper().readTree(advised.get(0)).get("profile").asText()).isEqualTo("advisor-red-flags");
        JsonNode error = new ObjectMapper().readTree(rejected.get(0));
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("problems").get(0).get("field").asText()).isEqualTo("skills.math");
        assertThat(counts.get("recommendations").get("avoid-closed-advisors").asInt()).isEqualTo(1);
        assertThat(counts.get("rejections").fieldNames()).toIterable().contains("skills.math: expected a whole number"
                + " from 0 (none) to 5 (expert)");
        assertThat(cli.err()).contains("read 7: advised 5, rejected 2");
    }

    @Test
    void putsErrorRecordsInTheOutputInInputOrderWhenThereIsNoErrorsFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.jsonl");

        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--out", out.toString());

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(7);
        assertThat(new ObjectMapper().readTree(lines.get(2)).get("problems")).isNotNull();
        assertThat(new ObjectMapper().readTree(lines.get(3)).get("profile").asText()).isEqualTo("theory-strong-student");
    }

    @Test
    void writesCsvRowsPerRecommendationFromAMappedCsvExport(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.csv");

        int exit = cli.run("batch", "examples/batch/kaggle-survey-2018-sample.csv", "--mapping",
                "examples/batch/kaggle-survey-2018.mapping.yaml", "--format", "csv", "--rules", "rules",
                "--out", out.toString());

        List<String> rows = Files.readAllLines(out);
        assertThat(exit).isIn(0, 3);
        assertThat(rows.get(0)).isEqualTo("line,profile,rank,recommendation,kind,score,citations,error,title,topic");
        assertThat(rows.stream().skip(1).map(r -> r.split(",")[1]).distinct()).hasSize(300);
        assertThat(cli.err()).contains("read 300:");
    }

    @Test
    void anOutputNamedCsvIsWrittenAsCsvWithoutFormat(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("advice.CSV");

        int exit = cli.run("batch", "examples/batch/profiles.jsonl",
                "--rules", "rules", "--out", out.toString());

        assertThat(exit).isIn(0, 3);
        assertThat(Files.readAllLines(out).get(0))
                .isEqualTo("line,profile,rank,recommendation,kind,score,citations,error,title,topic");
    }

    @Test
    void aMappingThatReadsAMissingColumnIsAUsageError(@TempDir Path dir) throws Exception {
        Path mapping = dir.resolve("m.yaml");
        Files.writeString(mapping, "id: {column: respondent_row}\nfields:\n  skills.math: {column: math_skill}\n");

        assertThat(cli.run("batch", "examples/batch/kaggle-survey-2018-sample.csv", "--mapping", mapping.toString(),
                "--rules", "rules", "--out", dir.resolve("o").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("math_skill: the mapping").contains("has no such column");
    }

    @Test
    void aMissingInputIsAUsageError() {
        assertThat(cli.run("batch", "no/such/input.jsonl", "--rules", "rules")).isEqualTo(2);
        assertThat(cli.err()).contains("no/such/input.jsonl: no such file");
    }

    @Test
    void exits0WhenEveryRecordIsAdvised(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("in.jsonl");
        Files.writeString(input, "{\"id\": \"a\"}\n{\"id\": \"b\", \"hardware\": {\"gpu\": \"NONE\"}}\n");

        assertThat(cli.run("batch", input.toString(), "--rules", "rules", "--out", dir.resolve("o").toString()))
                .isZero();
    }

    @Test
    void quietSilencesTheSummaryTableButNotTheSummaryFileNorErrors(@TempDir Path dir) throws Exception {
        Path summary = dir.resolve("summary.json");

        int exit = cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--quiet",
                "--out", dir.resolve("o").toString(), "--summary", summary.toString());

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err()).doesNotContain("read 7");
        assertThat(new ObjectMapper().readTree(summary.toFile()).get("read").asInt()).isEqualTo(7);
        assertThat(cli.run("batch", "no/such/input.jsonl", "--rules", "rules", "--no-summary")).isEqualTo(2);
        assertThat(cli.err()).contains("no/such/input.jsonl: no such file");
    }

    @Test
    void csvRowsEndWithEachRecommendationsTitleAndTopicAsInTheJson(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out.csv");
        Path json = dir.resolve("out.jsonl");
        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--format", "csv", "--quiet",
                "--out", csv.toString());
        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--quiet", "--out", json.toString());

        List<List<String>> rows = Files.readAllLines(csv).stream().skip(1).map(BatchCommandTest::cells).toList();
        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(json).get(0)).get("recommendations");
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(10));
        for (int i = 0; i < first.size(); i++) {
            assertThat(rows.get(i).subList(8, 10)).containsExactly(first.get(i).get("title").asText(),
                    first.get(i).get("topic").asText());
        }
        assertThat(rows).filteredOn(row -> !row.get(7).isEmpty())
                .allSatisfy(error -> assertThat(error.subList(8, 10)).containsOnly(""));
    }

    /** The cells of a CSV row (quotes doubled inside quoted cells; no line breaks in these). */
    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    @Test
    void compactJsonHoldsTheFullAdvicesIdsRanksScoresAndPassagesWithoutTextAndTheSameErrorRecords(@TempDir Path dir)
            throws Exception {
        Path full = dir.resolve("full.jsonl");
        Path compact = dir.resolve("compact.jsonl");
        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--quiet", "--out", full.toString());
        cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--quiet", "--detail", "compact",
                "--out", compact.toString());

        List<String> fullLines = Files.readAllLines(full);
        List<String> compactLines = Files.readAllLines(compact);
        assertThat(compactLines).hasSameSizeAs(fullLines);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < fullLines.size(); i++) {
            JsonNode whole = mapper.readTree(fullLines.get(i));
            if (whole.has("problems")) {
                assertThat(compactLines.get(i)).isEqualTo(fullLines.get(i));
                continue;
            }
            JsonNode lean = mapper.readTree(compactLines.get(i));
            assertThat(lean.get("profile")).isEqualTo(whole.get("profile"));
            assertThat(lean.get("recommendations")).hasSameSizeAs(whole.get("recommendations"));
            for (int r = 0; r < whole.get("recommendations").size(); r++) {
                JsonNode w = whole.get("recommendations").get(r);
                JsonNode l = lean.get("recommendations").get(r);
                for (String field : List.of("rank", "id", "kind", "topic", "score")) {
                    assertThat(l.get(field)).as(field).isEqualTo(w.get(field));
                }
                assertThat(l.get("passages")).extracting(JsonNode::asText)
                        .containsExactlyElementsOf(w.get("citations").findValuesAsText("passage"));
            }
            assertThat(lean.get("questions")).extracting(JsonNode::asText)
                    .containsExactlyElementsOf(whole.get("questions").findValuesAsText("id"));
            assertThat(lean.get("conflicts")).hasSameSizeAs(whole.get("conflicts"));
            for (int c = 0; c < whole.get("conflicts").size(); c++) {
                JsonNode w = whole.get("conflicts").get(c);
                assertThat(lean.get("conflicts").get(c).get("id")).isEqualTo(w.get("id"));
                List<String> given = new ArrayList<>();
                w.get("sides").forEach(side -> {
                    if (side.get("given").asBoolean()) {
                        given.add(side.get("advice").asText());
                    }
                });
                assertThat(lean.get("conflicts").get(c).get("given")).extracting(JsonNode::asText)
                        .containsExactlyElementsOf(given);
            }
            assertThat(lean.findValues("title")).isEmpty();
            assertThat(lean.findValues("advice")).isEmpty();
            assertThat(lean.findValues("quote")).isEmpty();
        }
        assertThat(Files.size(compact)).isLessThan(Files.size(full) / 4);
    }

    @Test
    void compactDetailIsOnlyForJsonLines(@TempDir Path dir) {
        assertThat(cli.run("batch", "examples/batch/profiles.jsonl", "--rules", "rules", "--format", "csv",
                "--detail", "compact", "--out", dir.resolve("o.csv").toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--detail compact is for --format jsonl, not csv");
        assertThat(dir.resolve("o.csv")).doesNotExist();
    }
}
