package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.CohortTables.Column;
import io.github.dlcareer.advisor.CohortTables.Row;
import io.github.dlcareer.advisor.CohortTables.Table;
import io.github.dlcareer.advisor.CohortTables.Type;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CohortTablesTest {

    private static final CohortTables TABLES = CohortTables.of(TestRules.advisor(), null);

    /** The contract: these names and columns, in this order; a rename or a removal breaks every analyst's query. */
    @Test
    void theTablesAreTheContractColumnForColumn() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        CohortTables.tables().forEach(t -> columns.put(t.name(), t.columns().stream().map(Column::name).toList()));

        assertThat(columns.keySet()).containsExactly("profiles", "recommendations", "citations", "questions",
                "conflicts", "rejections", "kept", "advice", "passages", "sources", "run");
        assertThat(columns.get("profiles")).startsWith("profile_id", "line")
                .contains("education_level", "job_status", "location_country", "hardware_gpu");
        assertThat(columns.get("recommendations")).containsExactly("profile_id", "rank", "advice_id", "kind", "topic",
                "score");
        assertThat(columns.get("citations")).containsExactly("profile_id", "advice_id", "passage_id");
        assertThat(columns.get("questions")).containsExactly("profile_id", "rank", "question_id");
        assertThat(columns.get("conflicts")).containsExactly("profile_id", "conflict_id", "advice_id");
        assertThat(columns.get("rejections")).containsExactly("line", "profile_id", "field", "column", "message");
        assertThat(columns.get("kept")).containsExactly("profile_id", "line", "column", "value");
        assertThat(columns.get("advice")).containsExactly("advice_id", "kind", "topic", "title", "text");
        assertThat(columns.get("passages")).containsExactly("passage_id", "source_id", "section", "quote");
        assertThat(columns.get("sources")).containsExactly("source_id", "title", "author");
        assertThat(columns.get("run")).containsExactly("started", "finished", "rules", "input", "read", "advised",
                "rejected");
        assertThat(CohortTables.RECOMMENDATIONS.columns().get(5).type()).isEqualTo(Type.DOUBLE);
        assertThat(CohortTables.RUN.columns().get(0).type()).isEqualTo(Type.TIMESTAMP);
    }

    /** Every field of the profile format is a column, typed by what it holds: a field added is a column added. */
    @Test
    void profilesHasAColumnForEveryProfileFieldTypedByWhatItHolds() {
        Map<String, Type> columns = new LinkedHashMap<>();
        CohortTables.PROFILES.columns().stream().skip(2).forEach(c -> columns.put(c.name(), c.type()));

        List<ProfileField> fields = ProfileFields.all().stream().filter(f -> !f.path().equals("id")).toList();
        assertThat(columns.keySet()).containsExactlyElementsOf(
                fields.stream().map(f -> CohortTables.columnName(f.path())).toList());
        for (ProfileField field : fields) {
            Type expected = field.type() == List.class ? Type.TEXT_LIST : field.type() == Integer.class ? Type.INTEGER
                    : field.type() == Boolean.class ? Type.BOOLEAN : Type.TEXT;
            assertThat(columns.get(CohortTables.columnName(field.path()))).as(field.path()).isEqualTo(expected);
        }
    }

    @Test
    void aColumnIsThePathInSnakeCase() {
        assertThat(CohortTables.columnName("education.level")).isEqualTo("education_level");
        assertThat(CohortTables.columnName("job.involvesDeepLearning")).isEqualTo("job_involves_deep_learning");
        assertThat(CohortTables.columnName("plans.studyAbroad.topTier")).isEqualTo("plans_study_abroad_top_tier");
        assertThat(CohortTables.columnName("experience.kaggle.bestRank")).isEqualTo("experience_kaggle_best_rank");
    }

    @Test
    void anAdvisedRecordGivesItsProfileRowAndARowPerRecommendationCitationQuestionAndConflictSide() {
        Profile profile = TestRules.profile("advisor-red-flags");
        Advice advice = TestRules.advisor().advise(profile);

        List<Row> rows = TABLES.rows(new BatchRecord(12, profile.id(), profile, advice, List.of()));

        Row row = only(rows, CohortTables.PROFILES);
        assertThat(value(row, "profile_id")).isEqualTo("advisor-red-flags");
        assertThat(value(row, "line")).isEqualTo(12L);
        assertThat(value(row, "education_level")).isEqualTo("MASTERS"); // the enum's name, as in the file
        assertThat(value(row, "interests_domains")).isEqualTo(profile.interests().domains());
        assertThat(value(row, "advisor_allows_internships")).isEqualTo(false);
        assertThat(value(row, "hardware_gpu")).isNull(); // unknown
        for (Row r : rows) {
            for (int i = 0; i < r.values().size(); i++) {
                Object v = r.values().get(i);
                assertThat(v == null || r.table().columns().get(i).type().javaType().isInstance(v))
                        .as(r.table().name() + "." + r.table().columns().get(i).name() + " = " + v).isTrue();
            }
        }
        List<Row> recommendations = of(rows, CohortTables.RECOMMENDATIONS);
        assertThat(recommendations).hasSize(advice.recommendations().size());
        Recommendation first = advice.recommendations().get(0);
        assertThat(recommendations.get(0).values()).containsExactly("advisor-red-flags", 1, first.id(),
                first.kind().name(), first.topic(), first.score());
        assertThat(of(rows, CohortTables.CITATIONS)).hasSize(
                advice.recommendations().stream().mapToInt(r -> r.citations().size()).sum());
        assertThat(of(rows, CohortTables.QUESTIONS)).extracting(r -> r.values().get(1))
                .containsExactlyElementsOf(rangeClosed(advice.questions().size()));
        assertThat(of(rows, CohortTables.CONFLICTS)).hasSize(
                advice.conflicts().stream().mapToInt(c -> c.sides().size()).sum()).isNotEmpty();
        assertThat(of(rows, CohortTables.REJECTIONS)).isEmpty();
    }

    @Test
    void aRejectedRecordGivesARowPerProblemNamingTheCsvColumnOfItsField() throws Exception {
        CsvMapping mapping = CsvMapping.read(Path.of("examples/batch/kaggle-survey-2018.mapping.yaml"));
        String header = Files.readAllLines(Path.of("examples/batch/kaggle-survey-2018-sample.csv")).get(0);
        String row = "7" + header.replaceAll("[^,]+", "").replaceFirst("^,,,", ",,,Kindergarten"); // the 4th: education
        List<BatchRecord> records = new ArrayList<>();
        Batch.of(TestRules.advisor()).run(BatchInput.csv(new StringReader(header + "\n" + row + "\n"), "survey.csv",
                mapping), records::add);
        BatchRecord rejected = records.get(0);

        List<Row> rows = CohortTables.of(TestRules.advisor(), mapping).rows(rejected);

        assertThat(rejected.advised()).isFalse();
        assertThat(rows).hasSize(rejected.problems().size()).extracting(Row::table)
                .containsOnly(CohortTables.REJECTIONS);
        assertThat(rows.get(0).values()).containsExactly(2L, "kaggle2018-7", "education.level", "education",
                rejected.problems().get(0).message());
        assertThat(TABLES.rows(rejected).get(0).values().get(3)).as("JSON input has no columns").isNull();
        BatchRecord noField = new BatchRecord(3, null, null, null,
                List.of(Problem.error("in.jsonl", 3, 1, null, "broken syntax")));
        assertThat(TABLES.rows(noField).get(0).values()).containsExactly(3L, null, null, null, "broken syntax");
    }

    @Test
    void theCataloguesAndTheRunAreRowsToo() {
        List<Row> rows = TABLES.catalogueRows();

        assertThat(of(rows, CohortTables.ADVICE)).extracting(r -> r.values().get(0)).contains("buy-a-gpu");
        assertThat(of(rows, CohortTables.PASSAGES)).extracting(r -> r.values().get(0)).contains("park-buy-a-gpu");
        assertThat(of(rows, CohortTables.SOURCES)).hasSize(5);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        assertThat(CohortTables.runRow(now, now, "rules", "in.jsonl", new Batch.Counts(3, 2, 1)).values())
                .containsExactly(now, now, "rules", "in.jsonl", 3L, 2L, 1L);
    }

    @Test
    void aRowHasAValueForEveryColumn() {
        assertThatThrownBy(() -> new Row(CohortTables.SOURCES, List.of("a", "b")))
                .hasMessageContaining("sources has 3 columns, not 2");
    }

    private static List<Row> of(List<Row> rows, Table table) {
        return rows.stream().filter(r -> r.table() == table).toList();
    }

    private static Row only(List<Row> rows, Table table) {
        assertThat(of(rows, table)).hasSize(1);
        return of(rows, table).get(0);
    }

    private static Object value(Row row, String column) {
        List<String> names = row.table().columns().stream().map(Column::name).toList();
        assertThat(names).contains(column);
        return row.values().get(names.indexOf(column));
    }

    private static List<Integer> rangeClosed(int n) {
        List<Integer> ranks = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ranks.add(i);
        }
        return ranks;
    }
}
