package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import io.github.dlcareer.advisor.rules.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The findings: section of rules/fields.yaml: what the rules derive, worded for the person, and checked against them. */
class FindingLabelsTest {

    private static final Path SHIPPED = Path.of("rules", FieldLabels.FILE);

    /** The rule drafts of the shipped rules, as the compiler reads them. */
    private static List<RuleDraft> shippedRules() {
        RulesFiles files = RulesFiles.of(Path.of("rules"));
        List<Problem> problems = new ArrayList<>();
        List<RuleDraft> drafts = new ArrayList<>();
        files.readDrl(DecisionTable.Cache.NONE, problems).forEach((name, text) -> drafts.addAll(Drl.parse(files, name, text, problems)));
        assertThat(problems).isEmpty();
        return drafts;
    }

    /** The problems of the shipped rules with {@code fields.yaml} replaced by {@code yaml}. */
    private static List<Problem> problems(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve(FieldLabels.FILE), yaml);
        List<Problem> problems = new ArrayList<>();
        FieldLabels labels = FieldLabels.read(RulesFiles.of(dir), problems);
        labels.findings().check(dir + "/" + FieldLabels.FILE, shippedRules(), problems);
        return problems;
    }

    /** The shipped file with one text replaced (the text must be there). */
    private static String shippedWith(String text, String replacement) throws Exception {
        String yaml = Files.readString(SHIPPED);
        assertThat(yaml).contains(text);
        return yaml.replace(text, replacement);
    }

    /** The 1-based line of the file where {@code text} first is. */
    private static int lineOf(String yaml, String text) {
        return yaml.lines().toList().indexOf(yaml.lines().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    private static FindingLabels shipped() {
        List<Problem> problems = new ArrayList<>();
        FindingLabels labels = FieldLabels.read(RulesFiles.of(Path.of("rules")), problems).findings();
        assertThat(problems).isEmpty();
        return labels;
    }

    @Test
    void theShippedFileWordsEveryFindingAndDetailTheRulesDeriveShortlyInLowerCase() {
        FindingLabels labels = shipped();
        List<Problem> problems = new ArrayList<>();
        labels.check("fields.yaml", shippedRules(), problems);
        assertThat(problems).isEmpty();

        int said = 0;
        for (RuleDraft rule : shippedRules()) {
            for (String name : rule.derives()) {
                for (String detail : rule.details().getOrDefault(name, Collections.singletonList(null))) {
                    String label = labels.say(new Finding(name, detail, List.of()), List.of("your maths: 4/5"));
                    assertThat(label).as(name + " " + detail).isNotNull()
                            .matches("[a-z].*") // joined into one sentence after "Why: "
                            .doesNotContain("{", "}")
                            .hasSizeLessThan(70); // a Why line holds several
                    if (name.contains("-")) { // a name of one word may be a plain word ("undergraduate")
                        assertThat(label).doesNotContain(name);
                    }
                    said++;
                }
            }
        }
        assertThat(said).isGreaterThan(50);
    }

    @Test
    void aLabelShowsTheFactsWhereItPutsThemAndDropsTheBracketsWhenNoneAreLeft() {
        FindingLabels labels = shipped();
        Finding learner = new Finding("dl-learner", null, List.of("experience.courses = [deeplearning.ai]"));

        assertThat(labels.say(learner, List.of("you took deeplearning.ai", "your deep learning: 2/5")))
                .isEqualTo("you are new to deep learning (you took deeplearning.ai; your deep learning: 2/5)");
        assertThat(labels.say(learner, List.of())).isEqualTo("you are new to deep learning");
        // a label per detail where the detail matters; one without {facts} never shows them
        assertThat(labels.say(new Finding("leaning", "researcher", List.of()), List.of("your share for research: 5")))
                .isEqualTo("you lean towards research");
        assertThat(labels.say(new Finding("no-such-finding", null, List.of()), List.of("you study alone"))).isNull();
    }

    @Test
    void aRulesFolderWithoutTheFileLabelsNoFinding(@TempDir Path dir) {
        List<Problem> problems = new ArrayList<>();
        FieldLabels labels = FieldLabels.read(RulesFiles.of(dir), problems);

        assertThat(problems).isEmpty();
        assertThat(labels.findings().say(new Finding("dl-learner", null, List.of()), List.of())).isNull();
    }

    @Test
    void aNameNoRuleDerivesIsAnErrorWhereItIsWithTheNameMeant(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("  dl-learner:", "  dl-lerner:");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).containsExactly(dir + "/fields.yaml:"
                + lineOf(yaml, "dl-lerner:") + ":3: no rule derives 'dl-lerner'; did you mean 'dl-learner'?");
    }

    @Test
    void aDetailNoRuleDerivesIsAnErrorAndADerivedDetailLeftOutAWarning(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("    researcher: \"you lean towards research\"", "    reseacher: \"you lean towards research\"");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).containsExactly(
                dir + "/fields.yaml:" + lineOf(yaml, "reseacher:") + ":5: leaning: no rule derives it with the detail"
                        + " 'reseacher'; its details: researcher, applied, engineer, domain-expert",
                dir + "/fields.yaml:" + lineOf(yaml, "  leaning:") + ":3: warning: leaning: has no label for the"
                        + " detail 'researcher': Why says that one by its facts");
    }

    @Test
    void aLabelPerDetailForAFindingDerivedWithoutOneIsAnError(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("  theory-strong: \"you have most of a scientist's traits\"",
                "  theory-strong:\n    all: \"you have most of a scientist's traits\"");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).containsExactly(dir + "/fields.yaml:"
                + lineOf(yaml, "theory-strong:") + ":3: theory-strong: is derived without a detail: give it one label");
    }

    @Test
    void aPlaceHolderWhereNoneBelongsIsAnError(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("\"you work outside deep learning\"", "\"you work in {value}\"")
                .replace("\"your maths: {value}/5\"", "\"your maths: {value}/5 {facts}\"")
                .replace("  undergraduate: \"you are an undergraduate\"", "  undergraduate: \"  \"");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).containsExactlyInAnyOrder(
                dir + "/fields.yaml:" + lineOf(yaml, "  skills.math:") + ":16: skills.math: {facts} is no place holder:"
                        + " only {value} is filled in",
                dir + "/fields.yaml:" + lineOf(yaml, "  job-outside-dl:") + ":19: job-outside-dl: {value} is no"
                        + " place holder in a finding's label: only {facts} is filled in (the facts the finding rests on)",
                dir + "/fields.yaml:" + lineOf(yaml, "  undergraduate: \"") + ":18: undergraduate: the label is empty");
    }

    @Test
    void aDetailComputedAsTheRuleRunsIsReadAsAnyDetail(@TempDir Path dir) {
        RulesFiles files = RulesFiles.of(dir);
        List<Problem> problems = new ArrayList<>();
        List<RuleDraft> drafts = Drl.parse(files, "a.drl", """
                package advisor;

                import io.github.dlcareer.advisor.Profile;
                global io.github.dlcareer.advisor.rules.Evidence evidence;

                rule "Derives"
                when
                    $p : Profile( skills.math >= 4 )
                then
                    insertLogical( evidence.finding("level", "high", kcontext) );
                    insertLogical( evidence.finding("domain", $p.getId(), kcontext) );
                    insertLogical( evidence.finding("plain",
                            kcontext) );
                end
                """, problems);

        assertThat(problems).isEmpty();
        assertThat(drafts).singleElement().satisfies(rule -> {
            assertThat(rule.derives()).containsExactly("level", "domain", "plain");
            assertThat(rule.details()).isEqualTo(Map.of("level", List.of("high"), "domain", List.of(RuleDraft.COMPUTED)));
        });
    }

    @Test
    void theRulesFolderIsRefusedWithTheLabelOfAFindingNoRuleDerives(@TempDir Path dir) throws Exception {
        TestRules.copyOfRules(dir);
        Path fields = dir.resolve(FieldLabels.FILE);
        Files.writeString(fields, Files.readString(fields).replace("  phd-applicant:", "  phd-aplicant:"));

        InvalidRulesException e = catchThrowableOfType(() -> new RulesCompiler(RulesFiles.of(dir), null).read(),
                InvalidRulesException.class);

        assertThat(e.problems()).extracting(Problem::toString).containsExactly(fields + ":"
                + lineOf(Files.readString(fields), "phd-aplicant:") + ":3: no rule derives 'phd-aplicant'; did you mean"
                + " 'phd-applicant'?");
    }
}
