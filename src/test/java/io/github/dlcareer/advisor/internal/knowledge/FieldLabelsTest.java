package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Kind;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Leaf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** rules/fields.yaml: every profile field worded for the person, and each mistake of a rule author found where it is. */
class FieldLabelsTest {

    private static final Path SHIPPED = Path.of("rules", FieldLabels.FILE);

    private static List<Problem> problems(Path dir, String yaml) throws Exception {
        Files.writeString(dir.resolve(FieldLabels.FILE), yaml);
        List<Problem> problems = new ArrayList<>();
        FieldLabels.read(RulesFiles.of(dir), problems);
        return problems;
    }

    /** The shipped file with one line replaced (the line must be there). */
    private static String shippedWith(String line, String replacement) throws Exception {
        String text = Files.readString(SHIPPED);
        assertThat(text).contains(line);
        return text.replace(line, replacement);
    }

    /** The shipped file with a line added at the end of its field labels. */
    private static String shippedAndLabel(String line) throws Exception {
        return shippedWith("\nfindings:\n", "\n" + line + "findings:\n");
    }

    /** The 1-based line of the file where {@code text} first is. */
    private static int lineOf(String yaml, String text) {
        return yaml.lines().toList().indexOf(yaml.lines().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    /** Each value a field can take that its label words apart, and one of the rest. */
    private static List<Object> samples(Leaf leaf) {
        return switch (leaf.kind()) {
            case ENUM -> List.of(leaf.values().getEnumConstants());
            case BOOLEAN -> List.of(true, false);
            case SKILL, COUNT, RATIO -> List.of(0, 1, 3);
            case RANK -> List.of(1, 120);
            case WORDS -> List.of(List.of(), List.of("vision", "bio"));
            case COUNTRY -> List.of("IN", "US");
            case TEXT -> List.of("automotive manufacturing");
        };
    }

    @Test
    void theShippedFileWordsEveryValueOfEveryFieldOfTheProfile() {
        List<Problem> problems = new ArrayList<>();
        FieldLabels labels = FieldLabels.read(RulesFiles.of(Path.of("rules")), problems);
        assertThat(problems).isEmpty();

        List<String> constants = ProfileSchema.leaves().stream().filter(l -> l.kind() == Kind.ENUM)
                .flatMap(l -> Arrays.stream(l.values().getEnumConstants())).map(Enum::name).toList();
        for (Leaf leaf : ProfileSchema.leaves()) {
            for (Object value : samples(leaf)) {
                String said = labels.say(leaf, value);
                assertThat(said).as(leaf.path() + " = " + value).isNotBlank()
                        .doesNotContain(leaf.path(), "{", "}", " = ")
                        .matches("[a-z].*") // lower case: it is joined into one sentence after "Why: "
                        .hasSizeLessThan(60); // a Why line holds several
                assertThat(said.split("\\W+")).as(leaf.path() + " = " + value).doesNotContainAnyElementsOf(constants);
            }
        }
        assertThat(Arrays.stream(Profile.Gpu.values()).map(g -> labels.say(ProfileSchema.leaf("hardware.gpu"), g)))
                .containsExactly("you have no GPU", "you use cloud GPUs", "you have your own GPU");
        assertThat(labels.say(ProfileSchema.leaf("advisor.allowsInternships"), false))
                .isEqualTo("your advisor does not allow internships");
        assertThat(labels.say(ProfileSchema.leaf("interests.domains"), List.of("bio", "medicine")))
                .isEqualTo("your domains: bio, medicine");
        assertThat(labels.say(ProfileSchema.leaf("experience.papers"), 0)).isEqualTo("you have written no paper");
        assertThat(labels.say(ProfileSchema.leaf("experience.papers"), 3)).isEqualTo("you have written 3 papers");
        assertThat(labels.say(ProfileSchema.leaf("plans.studyAbroad.country"), "US")).endsWith(": United States");
    }

    @Test
    void factsAsTheEngineQuotesThemAreSaidInTheirOrder() {
        List<Problem> problems = new ArrayList<>();
        FieldLabels labels = FieldLabels.read(RulesFiles.of(Path.of("rules")), problems);
        Profile profile = new Profile("p", null, null, null, null, null, null, null,
                new Profile.Hardware(Profile.Gpu.CLOUD), new Profile.Plans(Profile.Goal.PHD, null, null, null), null, null);

        assertThat(labels.why(List.of("plans.goal = PHD", "hardware.gpu = CLOUD"), profile))
                .containsExactly("you want to do a PhD", "you use cloud GPUs");
    }

    @Test
    void aRulesFolderWithoutTheFileUsesTheBundledLabels(@TempDir Path dir) {
        List<Problem> problems = new ArrayList<>();
        FieldLabels labels = FieldLabels.read(RulesFiles.of(dir), problems);

        assertThat(problems).isEmpty();
        assertThat(labels.say(ProfileSchema.leaf("hardware.gpu"), Profile.Gpu.NONE)).isEqualTo("you have no GPU");
    }

    @Test
    void anUnknownFieldIsFoundAtItsLineAndColumnWithWhatWasMeant(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("  skills.math:", "  skills.maths:");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).contains(
                dir + "/fields.yaml:" + lineOf(yaml, "skills.maths:") + ":3: skills.maths: is not a field of the"
                        + " profile; did you mean skills.math?",
                dir + "/fields.yaml:" + lineOf(yaml, "labels:") + ":1: skills.math: has no label: every field of the profile needs one, a label with"
                        + " {value} (the value is a whole number from 0 (none) to 5 (expert))");
    }

    @Test
    void aSectionIsNoField(@TempDir Path dir) throws Exception {
        String yaml = shippedAndLabel("  hardware: \"your hardware: {value}\"\n");

        assertThat(problems(dir, yaml)).singleElement().hasToString(dir + "/fields.yaml:" + lineOf(yaml, "  hardware:")
                + ":3: hardware: is a section of the profile, not a field: label each of its fields (such as hardware.gpu)");
    }

    @Test
    void aValueThatDoesNotExistAndAValueLeftOutAreFound(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("    OWN: \"you have your own GPU\"", "    LAPTOP: \"you have a laptop\"");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).containsExactly(
                dir + "/fields.yaml:" + lineOf(yaml, "LAPTOP") + ":5: hardware.gpu: 'LAPTOP' is not a value of this"
                        + " field; its values: NONE, CLOUD, OWN",
                dir + "/fields.yaml:" + lineOf(yaml, "hardware.gpu:") + ":3: hardware.gpu: has no label for the value OWN");
    }

    @Test
    void aYesOrNoFieldNeedsBothAnswersWorded(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("    false: \"your advisor does not allow internships\"\n", "");

        assertThat(problems(dir, yaml)).singleElement().hasToString(dir + "/fields.yaml:"
                + lineOf(yaml, "advisor.allowsInternships:") + ":3: advisor.allowsInternships: has no label for the value false");
    }

    @Test
    void aNumberListOrTextMustShowItsValue(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("\"your maths: {value}/5\"", "\"you rate your maths\"")
                .replace("    other: \"you have written {value} papers\"\n", "")
                .replace("\"your domains: {value}\"", "\"your domains: {domains}\"");

        assertThat(problems(dir, yaml)).extracting(Problem::toString).containsExactly(
                dir + "/fields.yaml:" + lineOf(yaml, "you rate your maths") + ":16: skills.math: the label must show"
                        + " the value: put {value} where it goes",
                dir + "/fields.yaml:" + lineOf(yaml, "your domains: {domains}") + ":12: interests.domains: {domains} is"
                        + " no place holder: only {value} is filled in",
                dir + "/fields.yaml:" + lineOf(yaml, "  experience.papers:") + ":3: experience.papers: needs 'other', a"
                        + " label with {value} for the values not named");
    }

    @Test
    void aNamedValueIsWordedNotShownAsTheCodeWritesIt(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("    PHD: \"you want to do a PhD\"", "    PHD: \"you want a {value}\"");

        assertThat(problems(dir, yaml)).singleElement().hasToString(dir + "/fields.yaml:" + lineOf(yaml, "a {value}")
                + ":10: plans.goal: {value} would show PHD as the code writes it: word the value");
    }

    @Test
    void aFieldWithNamedValuesNeedsOneLabelForEach(@TempDir Path dir) throws Exception {
        String yaml = shippedWith("  job.status:\n    STUDENT: \"you are a student\"\n    EMPLOYED: \"you have a job\"\n"
                + "    UNEMPLOYED: \"you are out of work\"\n", "  job.status: \"your status: {value}\"\n");

        assertThat(problems(dir, yaml)).singleElement().hasToString(dir + "/fields.yaml:" + lineOf(yaml, "job.status:")
                + ":3: job.status: needs a label for each of its values: STUDENT, EMPLOYED, UNEMPLOYED");
    }

    @Test
    void aFieldLabelledTwiceAndBrokenYamlAreFoundWhereTheyAre(@TempDir Path dir) throws Exception {
        String twice = shippedAndLabel("  job.industry: \"your industry: {value}\"\n");
        int second = lineOf(twice, "your industry:");

        assertThat(problems(dir, twice)).singleElement().hasToString(dir + "/fields.yaml:" + second
                + ":3: job.industry: is labelled twice");
        assertThat(problems(dir, "labels:\n  id: \"your id\n  job.industry: x\n")).singleElement().asString()
                .startsWith(dir + "/fields.yaml:2:5: broken YAML: ");
    }
}
