package io.github.dlcareer.advisor;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExplanationTest {

    private final Advisor advisor = TestRules.advisor();

    @Test
    void howNamesEveryRuleThatFiredWithItsFactsWeightAndTheCombination() {
        Explanation e = advisor.explain(TestRules.profile("advisor-red-flags"), "avoid-closed-advisors");
        Recommendation given = advisor.advise(TestRules.profile("advisor-red-flags"))
                .recommendation("avoid-closed-advisors").orElseThrow();

        assertThat(e.given()).isTrue();
        assertThat(e.score()).isEqualTo(given.score());
        assertThat(e.fired()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> {
            assertThat(f.supports()).isTrue();
            assertThat(f.file()).isEqualTo("rules/advisor.drl");
            assertThat(f.because()).singleElement().asString().startsWith("advisor.");
            assertThat(f.why()).singleElement().asString().startsWith("your ").doesNotContain("advisor.", "false");
        });
        assertThat(e.belief()).isCloseTo(given.score(), Assertions.within(0.005));
        assertThat(e.combination()).startsWith("MB = 1 - (1-0.6)(1-0.6)").contains("MD = 0");
    }

    @Test
    void whyNotShowsTheConditionsAndTheUnknownFactsThatCouldLetARuleFire() {
        Explanation e = advisor.explain(Profile.unknown("nobody"), "buy-a-gpu");

        assertThat(e.given()).isFalse();
        assertThat(e.fired()).isEmpty();
        assertThat(e.notFired()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.conditions()).anyMatch(c -> c.contains("hardware.gpu"));
            assertThat(n.unknown()).contains("hardware.gpu");
        });
    }

    @Test
    void whyNotNamesTheFindingsThatBlockedARule() {
        Explanation e = advisor.explain(TestRules.profile("both-skill-sets"), "go-for-ms-phd");

        assertThat(e.given()).isFalse();
        assertThat(e.notFired()).anySatisfy(n -> assertThat(n.blockingFindings()).contains("engineering-strong"));
    }

    @Test
    void anUnknownAdviceIdIsRejectedWithTheClosestIds() {
        assertThatThrownBy(() -> advisor.explain(TestRules.profile("gpu-none"), "buy-gpu"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("did you mean buy-a-gpu");
    }
}
