package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.github.dlcareer.advisor.TestRules.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How the advice is ordered and what a stated fact rules out: the person's situation before generic advice. */
class RankingTest {

    private static Profile profile(String yaml) {
        return ProfileReader.create().parse("id: p\n" + yaml, "p.yaml");
    }

    @Test
    void atMostTwoGenericAdviceAmongTheFirstFiveHoweverHighTheyScore(@TempDir Path dir) throws IOException {
        TestRules.miniRules(dir, "t.drl",
                rule("g1", "g1", 0.9, "Profile( skills.math >= 1 )", "support")
                + rule("g2", "g2", 0.9, "Profile( skills.math >= 1 )", "support")
                + rule("g3", "g3", 0.8, "Profile( skills.math >= 1 )", "support")
                + rule("g4", "g4", 0.8, "Profile( skills.math >= 1 )", "support")
                + rule("s1", "s1", 0.5, "Profile( skills.math >= 1 )", "support")
                + rule("s2", "s2", 0.4, "Profile( skills.math >= 1 )", "support")
                + rule("s3", "s3", 0.3, "Profile( skills.math >= 1 )", "support")
                + rule("s4", "s4", 0.2, "Profile( skills.math >= 1 )", "support"));
        StringBuilder advice = new StringBuilder("advice:\n");
        for (String id : new String[] {"g1", "g2", "g3", "g4", "s1", "s2", "s3", "s4"}) {
            advice.append("  - {id: ").append(id).append(", kind: ADVICE, topic: t, title: ").append(id)
                    .append(", advice: Do it.").append(id.startsWith("g") ? ", generic: true" : "").append("}\n");
        }
        Files.writeString(dir.resolve("advice.yaml"), advice);

        Advice ranked = Advisor.builder().rules(dir).build().advise(profile("skills: {math: 3}"));

        assertThat(ranked.recommendations()).extracting(Recommendation::id)
                .containsExactly("g1", "g2", "s1", "s2", "s3", "g3", "g4", "s4");
        assertThat(ranked.recommendations()).extracting(Recommendation::rank)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void aFactThatRulesAdviceOutOutweighsEverySupport(@TempDir Path dir) {
        Advisor advisor = Advisor.builder().rules(TestRules.miniRules(dir, "t.drl",
                rule("one, strongly", "one", 0.9, "Profile( skills.math >= 1 )", "support")
                + rule("one, certainly", "one", 1.0, "Profile( skills.writing >= 1 )", "support")
                + rule("one is pointless with a GPU", "one", 0.3, "Profile( hardware.gpu == Gpu.OWN )", "ruleOut")))
                .build();
        Profile withoutGpu = profile("skills: {math: 3, writing: 3}");
        Profile withGpu = profile("skills: {math: 3, writing: 3}\nhardware: {gpu: OWN}");

        assertThat(advisor.advise(withoutGpu).recommendation("one")).isPresent();
        assertThat(advisor.advise(withGpu).recommendation("one")).isEmpty();
        Explanation why = advisor.explain(withGpu, "one");
        assertThat(why.given()).isFalse();
        assertThat(why.fired()).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("one is pointless with a GPU");
            assertThat(f.supports()).isFalse();
            assertThat(f.weight()).isEqualTo(1.0); // whatever its @weight says
            assertThat(f.because()).containsExactly("hardware.gpu = OWN");
        });
    }

    @Test
    void aGenericFlagThatIsNotTrueOrFalseIsACatalogueError(@TempDir Path dir) throws IOException {
        TestRules.miniRules(dir, "t.drl", rule("one", "one", 0.6, "Profile( skills.math >= 1 )", "support"));
        Files.writeString(dir.resolve("advice.yaml"), """
                advice:
                  - {id: one, kind: ADVICE, topic: t, title: One, advice: Do one., generic: often}
                """);

        assertThat(catchThrowableOfType(InvalidRulesException.class, () -> Advisor.builder().rules(dir).build()))
                .hasMessageContaining("'generic' must be true or false, not 'often'");
    }
}
