package io.github.dlcareer.advisor.authoring;

import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.authoring.RulesFolder.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RulesFolderTest {

    private static final String GIVES_ONE = """
            rule "Gives one"
                @recommend("one") @cite("p1, p2") @weight(0.7)
            when
                Profile( hardware.gpu == Gpu.NONE )
            then
                evidence.support(kcontext);
            end

            rule "Derives a finding"
            when
                Profile( skills.math >= 4 )
            then
                evidence.finding("strong-math", kcontext);
            end
            """;

    /** The line of a file on which a text first stands, counted from 1 as problems count. */
    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in " + file);
    }

    @Test
    void readListsTheRulesOfASmallFolderAsPlainValues(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "a.drl", GIVES_ONE);
        Path drl = dir.resolve("a.drl");

        RulesFolder folder = RulesFolder.read(dir);

        assertThat(folder.location()).isEqualTo(dir.toString());
        assertThat(folder.rules()).containsExactly(
                new Rule("Gives one", drl.toString(), lineOf(drl, "rule \"Gives one\""), "one", null, List.of(), 0.7,
                        List.of(new Citation("p1", "doc", "A document", "Someone", "Start", "The first passage."),
                                new Citation("p2", "doc", "A document", "Someone", "Start", "The second passage."))),
                new Rule("Derives a finding", drl.toString(), lineOf(drl, "rule \"Derives a finding\""), null, null,
                        List.of("strong-math"), 0.6, List.of()));
        assertThat(List.of(folder.adviceCount(), folder.passageCount(), folder.questionCount())).containsExactly(3, 2, 0);
    }

    @Test
    void answerLabelsWordEachAnswerAsTheFolderFieldsYamlDoes(@TempDir Path dir) throws Exception {
        RulesFolder repository = RulesFolder.read(TestRules.RULES);
        assertThat(repository.answerLabels("hardware.gpu")).containsExactly(entry("none", "you have no GPU"),
                entry("cloud", "you use cloud GPUs"), entry("own", "you have your own GPU"));
        assertThat(repository.answerLabels("traits.mathPassion")).containsExactly(entry("yes", "you love maths"),
                entry("no", "maths is not your passion"));
        assertThat(repository.answerLabels("skills.math")).as("a number has no fixed answers").isEmpty();
        assertThatThrownBy(() -> repository.answerLabels("hardware.gpus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hardware.gpu");

        // a folder's own fields.yaml words them its way
        TestRules.miniRules(dir, "a.drl", GIVES_ONE);
        String fields = Files.readString(TestRules.RULES.resolve("fields.yaml"));
        Files.writeString(dir.resolve("fields.yaml"), fields.substring(0, fields.indexOf("\nfindings:\n"))
                .replace("\"you have no GPU\"", "\"no GPU of your own or rented\""));
        assertThat(RulesFolder.read(dir).answerLabels("hardware.gpu")).containsEntry("none", "no GPU of your own or rented");
    }

    @Test
    void readThrowsWithARuleThatNamesUnknownAdviceAtItsFileAndLine(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "a.drl", GIVES_ONE.replace("@recommend(\"one\")", "@recommend(\"uno\")"));
        Path drl = dir.resolve("a.drl");

        assertThatThrownBy(() -> RulesFolder.read(dir)).isInstanceOfSatisfying(InvalidRulesException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.source()).isEqualTo(drl.toString());
                    assertThat(problem.line()).isEqualTo(lineOf(drl, "rule \"Gives one\""));
                    assertThat(problem.message()).contains("'uno'").contains("advice.yaml does not define");
                }));
    }

    @Test
    void checkPinsABrokenRuleOnItsFileLineAndColumnAndDoesNotThrow(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "a.drl", GIVES_ONE, "b.drl", GIVES_ONE.replace("Gives one", "Gives one too")
                .replace("Derives a finding", "Derives it too").replace("skills.math", "skills.maths"));
        Path broken = dir.resolve("b.drl");

        List<Problem> problems = RulesFolder.check(dir, null);

        assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(problem -> {
            assertThat(problem.source()).isEqualTo(broken.toString());
            assertThat(problem.line()).isEqualTo(lineOf(broken, "skills.maths"));
            assertThat(problem.column()).isPositive();
            assertThat(problem.message()).contains("has no field maths");
        });
        assertThat(problems).filteredOn(p -> !p.isError()).extracting(Problem::message)
                .contains("no rule recommends this advice");
    }

    @Test
    void checkOfASoundFolderHasWarningsOnly(@TempDir Path dir) throws Exception {
        TestRules.miniRules(dir, "a.drl", GIVES_ONE);

        assertThat(RulesFolder.check(dir, null)).isNotEmpty().noneMatch(Problem::isError)
                .extracting(Problem::field).containsExactlyInAnyOrder("two", "risk");
    }

    @Test
    void theBundledRulesAreThoseOfTheRulesFolder() {
        RulesFolder bundled = RulesFolder.bundled();

        assertThat(bundled.location()).isEqualTo("<bundled rules>");
        assertThat(bundled.rules()).extracting(Rule::name)
                .containsExactlyElementsOf(RulesFolder.read(TestRules.RULES).rules().stream().map(Rule::name).toList());
    }

    @Test
    void aCacheKeepsTheParsedRulesAndGivesThemBack(@TempDir Path dir, @TempDir Path cache) throws Exception {
        TestRules.miniRules(dir, "a.drl", GIVES_ONE);

        RulesFolder first = RulesFolder.read(dir, cache);
        RulesFolder second = RulesFolder.read(dir, cache);

        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted()).as("the knowledge, and the parsed rules")
                    .satisfiesExactly(k -> assertThat(k).endsWith(".bin"), r -> assertThat(r).endsWith(".json"));
        }
        assertThat(second.rules()).isEqualTo(first.rules()).isEqualTo(RulesFolder.read(dir).rules());
    }
}
