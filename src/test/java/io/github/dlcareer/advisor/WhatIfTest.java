package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WhatIfTest {

    private final Advisor advisor = TestRules.advisor();

    @Test
    void keepsTheChangesInTheOrderGivenSoThatTheSameCommandPrintsTheSame() {
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("skills.writing", "3");
        changes.put("plans.goal", "PHD");
        changes.put("skills.math", "4");
        changes.put("hardware.gpu", "OWN");
        changes.put("skills.english", "2");
        changes.put("education.level", "MASTERS");
        changes.put("skills.programming", "5");
        changes.put("job.status", "EMPLOYED");

        WhatIf w = advisor.whatIf(TestRules.profile("gpu-none"), changes);

        assertThat(w.changes().keySet()).containsExactlyElementsOf(changes.keySet());
    }

    @Test
    void buyingAGpuMakesTheGpuAdviceGoAndLeavesTheRestInPlace() {
        WhatIf w = advisor.whatIf(TestRules.profile("gpu-none"), Map.of("hardware.gpu", "OWN"));

        assertThat(w.before().recommendation("buy-a-gpu")).isPresent();
        assertThat(w.after().recommendation("buy-a-gpu")).isEmpty();
        assertThat(w.differences()).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo("buy-a-gpu");
            assertThat(d.change()).isEqualTo(WhatIf.Change.GONE);
            assertThat(d.rankAfter()).isZero();
        });
        assertThat(w.differences()).noneMatch(d -> d.change() == WhatIf.Change.NEW);
    }

    @Test
    void aNewGoalBringsNewAdviceAndMarksWhatMoved() {
        WhatIf w = advisor.whatIf(TestRules.profile("gpu-cloud"), Map.of("plans.goal", "PHD"));

        assertThat(w.differences()).anySatisfy(d -> {
            assertThat(d.id()).isEqualTo("try-a-phd");
            assertThat(d.change()).isEqualTo(WhatIf.Change.NEW);
            assertThat(d.rankBefore()).isZero();
        });
        assertThat(w.differences()).filteredOn(d -> d.change() == WhatIf.Change.MOVED)
                .allSatisfy(d -> assertThat(d.rankBefore()).isNotEqualTo(d.rankAfter()));
    }

    @Test
    void anEmptyValueMakesAFieldUnknown() {
        WhatIf w = advisor.whatIf(TestRules.profile("gpu-none"), Map.of("hardware.gpu", ""));

        assertThat(w.after().recommendation("buy-a-gpu")).isEmpty();
        assertThat(w.after().question("gpu-at-hand")).isPresent();
    }

    @Test
    void anUnknownFieldOrAnInvalidValueIsRejectedNamingIt() {
        InvalidProfileException typo = catchThrowableOfType(InvalidProfileException.class,
                () -> advisor.whatIf(TestRules.profile("gpu-none"), Map.of("hardware.gpus", "OWN")));
        InvalidProfileException value = catchThrowableOfType(InvalidProfileException.class,
                () -> advisor.whatIf(TestRules.profile("gpu-none"), Map.of("skills.math", "9")));

        assertThat(typo.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("hardware.gpus");
            assertThat(p.message()).contains("did you mean hardware.gpu?");
        });
        assertThat(value.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("skills.math");
            assertThat(p.message()).contains("from 0 (none) to 5 (expert), got 9");
        });
    }
}
