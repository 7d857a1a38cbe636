package io.github.dlcareer.advisor.format;

import io.github.dlcareer.advisor.BatchRecord;
import io.github.dlcareer.advisor.Problem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
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
    void theLargestGroupsAreShownAndTheRestCountUnderOther() {
        CohortSummary summary = byGroup();
        for (int i = 0; i < 70; i++) {
            summary.add(rejected(i, "v" + i));
        }
        summary.add(rejected(70, "v69"));
        summary.add(rejected(71, null));
        summary.add(rejected(72, "  "));

        List<CohortSummaryGroups.Group> groups = summary.groups().ranked();

        assertThat(groups).hasSize(CohortSummaryGroups.MAX_GROUPS + 2);
        assertThat(groups.get(0).label()).isEqualTo(CohortSummaryGroups.OTHER);
        assertThat(groups.get(0).read()).isEqualTo(70 - CohortSummaryGroups.MAX_GROUPS);
        assertThat(groups.get(1).label()).isEqualTo(CohortSummaryGroups.UNKNOWN);
        assertThat(groups.get(1).read()).isEqualTo(2);
        assertThat(groups.get(2).label()).as("met last, but the largest").isEqualTo("v69");
        assertThat(groups.get(2).read()).isEqualTo(2);
        assertThat(groups.stream().mapToLong(CohortSummaryGroups.Group::read).sum()).isEqualTo(summary.read());
        assertThat(groups.stream().mapToLong(CohortSummaryGroups.Group::rejected).sum()).isEqualTo(73);
    }

    @Test
    void theSameCohortInAnotherOrderGivesTheSameBreakdown() {
        List<BatchRecord> records = new ArrayList<>();
        for (int k = 0; k < 97; k++) { // 97 values, of sizes 1 to 7
            for (int n = 0; n <= k % 7; n++) {
                records.add(rejected(records.size(), "v" + k));
            }
        }
        CohortSummary forward = byGroup();
        records.forEach(forward::add);
        CohortSummary backward = byGroup();
        for (int i = records.size() - 1; i >= 0; i--) {
            backward.add(records.get(i));
        }

        assertThat(counts(backward)).isEqualTo(counts(forward)).hasSize(CohortSummaryGroups.MAX_GROUPS + 1)
                .contains(CohortSummaryGroups.OTHER + "=" + (records.size() - counts(forward).stream()
                        .filter(c -> !c.startsWith(CohortSummaryGroups.OTHER))
                        .mapToLong(c -> Long.parseLong(c.substring(c.indexOf('=') + 1))).sum()));
    }

    @Test
    void valuesBeyondThoseCountedApartGoToOtherAtOnce() {
        CohortSummary summary = byGroup();
        for (int i = 0; i < CohortSummaryGroups.MAX_COUNTED + 10; i++) {
            summary.add(rejected(i, "v" + i));
        }
        summary.add(rejected(0, "v" + (CohortSummaryGroups.MAX_COUNTED + 5)));
        summary.add(rejected(0, "v" + (CohortSummaryGroups.MAX_COUNTED + 5)));

        List<CohortSummaryGroups.Group> groups = summary.groups().ranked();

        assertThat(groups).extracting(CohortSummaryGroups.Group::label)
                .doesNotContain("v" + (CohortSummaryGroups.MAX_COUNTED + 5));
        assertThat(groups.get(0).label()).isEqualTo(CohortSummaryGroups.OTHER);
        assertThat(groups.get(0).read()).isEqualTo(CohortSummaryGroups.MAX_COUNTED + 12 - CohortSummaryGroups.MAX_GROUPS);
    }

    private static List<String> counts(CohortSummary summary) {
        return summary.groups().ranked().stream().map(g -> g.label() + "=" + g.read()).toList();
    }

    @Test
    void aLongValueIsCutSoThatItsLabelStaysSmall() {
        CohortSummary summary = byGroup();
        summary.add(rejected(1, "x".repeat(100_000)));

        String label = summary.groups().ranked().get(0).label();

        assertThat(label).hasSize(CohortSummaryGroups.MAX_LABEL).endsWith("…");
    }
}
