package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Problem;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cohort summary counted from rejected records (no rules needed), and its renderings agreeing on the counts. */
class CohortSummaryTest {

    private static BatchRecord rejected(long line, String id, Problem... problems) {
        return new BatchRecord(line, id, null, null, List.of(problems));
    }

    private static CohortSummary summary() {
        CohortSummary summary = new CohortSummary();
        summary.add(rejected(1, "a", Problem.error("in.jsonl", 1, 9, "skills.math", "expected 0 to 5, got 9"),
                Problem.error("in.jsonl", 1, 20, "skills.math", "expected 0 to 5, got 7"),
                Problem.warning("in.jsonl", 1, 30, "hardware.gpus", "unknown field")));
        summary.add(rejected(2, "b", Problem.error("in.jsonl", 2, 5, "interests.domains[3]", "expected a text, got 4")));
        summary.add(rejected(3, "a", Problem.error("in.jsonl", 3, 1, null, "broken syntax")));
        return summary;
    }

    @Test
    void countsEachReasonOncePerRecordWithoutTheRecordsValues() {
        CohortSummary summary = summary();

        assertThat(summary.read()).isEqualTo(3);
        assertThat(summary.rejected()).isEqualTo(3);
        assertThat(summary.advised()).isZero();
        assertThat(summary.duplicateIds()).isEqualTo(1);
        assertThat(summary.rejections()).extracting(e -> e.getKey() + "=" + e.getValue()).containsExactly(
                "broken syntax=1", "interests.domains[]: expected a text=1", "skills.math: expected 0 to 5=1");
    }

    @Test
    void theJsonTheTableAndThePageShowTheSameCounts() throws Exception {
        CohortSummary summary = summary();
        StringWriter json = new StringWriter();
        StringWriter table = new StringWriter();

        CohortSummaryJson.write(summary, json, 0.25);
        CohortSummaryText.write(summary, new PrintWriter(table), 0.25, 2);
        String page = CohortSummaryHtml.page(summary, 0.25);

        JsonNode counts = new ObjectMapper().readTree(json.toString());
        assertThat(counts.get("read").asInt()).isEqualTo(3);
        assertThat(counts.get("duplicateIds").get("first").get(0).asText()).isEqualTo("a");
        assertThat(counts.get("rejections").size()).isEqualTo(3);
        assertThat(table.toString()).startsWith("read 3: advised 0, rejected 3, in 0.3 s (12 records/s)\n"
                + "warning: 1 records repeat the id of an earlier record (ids should be unique): a\n")
                .contains("Rejections by reason").contains("  (1 more)");
        assertThat(page).contains("3 records read: 0 advised, 3 rejected, in 0.3 s.")
                .contains("warning: 1 records repeat the id").contains("<h2>Rejections by reason</h2>");
    }
}
