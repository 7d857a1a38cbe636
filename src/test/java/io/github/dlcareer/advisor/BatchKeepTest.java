package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** BatchInput.keep: input columns passed through to every BatchRecord, advised or rejected. */
class BatchKeepTest {

    private static List<BatchRecord> run(BatchInput input) {
        List<BatchRecord> records = new ArrayList<>();
        Batch.of(TestRules.advisor()).threads(2).run(input, records::add);
        return records;
    }

    private static Map<String, String> map(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void jsonTopLevelFieldsAreKeptAsTextInTheOrderAsked() {
        String lines = """
                {"id": "a", "cohort": "2024-spring", "score": 1.50, "ok": true, "tags": ["x", 2], "hardware": {"gpu": "OWN"}}
                {"id": "b", "skills": {"math": 9}, "cohort": "2025"}
                {"cohort": "late", "id": "c", "skills": {"math": }
                """;

        List<BatchRecord> records = run(BatchInput.json(new StringReader(lines), "in.jsonl")
                .keep(List.of("cohort", "score", "ok", "tags", "hardware", "missing", "cohort")));

        assertThat(records.get(0).advised()).isTrue();
        assertThat(records.get(0).kept()).containsExactlyEntriesOf(map("cohort", "2024-spring", "score", "1.50",
                "ok", "true", "tags", "[\"x\",2]", "hardware", "{\"gpu\":\"OWN\"}", "missing", null));
        assertThat(records.get(1).advised()).isFalse();
        assertThat(records.get(1).kept()).containsEntry("cohort", "2025").containsEntry("score", null);
        assertThat(records.get(2).advised()).isFalse();
        assertThat(records.get(2).kept()).as("the fields before the broken syntax").containsEntry("cohort", "late");
    }

    @Test
    void nothingIsKeptUnlessAsked() {
        List<BatchRecord> records = run(BatchInput.json(new StringReader("{\"id\": \"a\", \"cohort\": \"x\"}"), "in"));

        assertThat(records.get(0).kept()).isEmpty();
        assertThat(run(BatchInput.json(new StringReader("{\"id\": \"a\"}"), "in").keep(List.of())).get(0).kept())
                .isEmpty();
    }

    @Test
    void csvColumnsAreKeptByHeaderNameAndAnUnknownOneNamesTheHeader() throws Exception {
        CsvMapping mapping = CsvMapping.read(Path.of("examples/batch/kaggle-survey-2018.mapping.yaml"));
        String header = "respondent_row,age,country,education,undergrad_major,job_title,industry,years_in_role,"
                + "employer_uses_ml,years_coding_data,years_ml,considers_self_ds,most_time_platform,work_activities,"
                + "cloud_services,languages,ml_frameworks,course_platforms,reproducibility_practices";
        String[] row = new String[header.split(",").length];
        Arrays.fill(row, "");
        row[0] = "5";
        row[1] = "22-24";
        row[2] = "\"Korea, Republic of\"";
        String csv = header + "\n" + String.join(",", row) + "\n";

        List<BatchRecord> records = run(BatchInput.csv(new StringReader(csv), "s.csv", mapping)
                .keep(List.of("country", "age")));
        InvalidInputException unknown = catchThrowableOfType(InvalidInputException.class, () ->
                BatchInput.csv(new StringReader(csv), "s.csv", mapping).keep(List.of("age", "Q3")));

        assertThat(records.get(0).kept()).containsExactlyEntriesOf(map("country", "Korea, Republic of", "age", "22-24"));
        assertThat(unknown.problems()).hasSize(1);
        assertThat(unknown.problems().get(0).field()).isEqualTo("Q3");
        assertThat(unknown.problems().get(0).message()).startsWith("no such column to keep; the header has:"
                + " respondent_row, age, country, education, ");
        assertThatThrownBy(() -> BatchInput.json(new StringReader(""), "in").keep(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
