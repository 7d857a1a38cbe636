package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary's breakdown by a field: a group per value, bounded however many values the input holds. */
class CohortSummaryGroupsTest {

    private static BatchRecord rejected(long line, String group) {
        return new BatchRecord(line, "p" + line, null, null, List.of(Problem.error("in", (int) line, 0, null, "bad")),
                group == null ? Map.of() : Map.of("group", group));
    }

    private static CohortSummary byGroup() {
        return new CohortSummary("group", record -> record.kept().get("group"));
    }

    @Test
    void theFirstValuesGetAGroupEachAndTheRestCountUnderOther() {
        CohortSummary summary = byGroup();
        for (int i = 0; i < 70; i++) {
            summary.add(rejected(i, "v" + i));
        }
        summary.add(rejected(70, "v3"));
        summary.add(rejected(71, null));
        summary.add(rejected(72, "  "));

        List<CohortSummaryGroups.Group> groups = summary.groups().ranked();

        assertThat(groups).hasSize(CohortSummaryGroups.MAX_GROUPS + 2);
        assertThat(groups.get(0).label()).isEqualTo(CohortSummaryGroups.OTHER);
        assertThat(groups.get(0).read()).isEqualTo(70 - CohortSummaryGroups.MAX_GROUPS);
        assertThat(groups.get(1).label()).isEqualTo(CohortSummaryGroups.UNKNOWN);
        assertThat(groups.get(1).read()).isEqualTo(2);
        assertThat(groups.get(2).label()).isEqualTo("v3");
        assertThat(groups.get(2).read()).isEqualTo(2);
        assertThat(groups.stream().mapToLong(CohortSummaryGroups.Group::read).sum()).isEqualTo(summary.read());
        assertThat(groups.stream().mapToLong(CohortSummaryGroups.Group::rejected).sum()).isEqualTo(73);
    }

    @Test
    void aLongValueIsCutSoThatItsLabelStaysSmall() {
        CohortSummary summary = byGroup();
        summary.add(rejected(1, "x".repeat(100_000)));

        String label = summary.groups().ranked().get(0).label();

        assertThat(label).hasSize(CohortSummaryGroups.MAX_LABEL).endsWith("…");
    }
}
