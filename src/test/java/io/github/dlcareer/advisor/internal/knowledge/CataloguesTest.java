package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.InvalidRulesException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every mistake in advice.yaml, sources.yaml and questions.yaml is reported at its file, line and column. */
class CataloguesTest {

    @TempDir
    Path dir;

    /** The shipped catalogues in {@code dir}, {@code file} with {@code line} replaced (it must be there). */
    private String edit(String file, String line, String replacement) throws Exception {
        TestRules.copyOfRules(dir);
        String text = Files.readString(dir.resolve(file));
        assertThat(text).contains(line);
        text = text.replaceFirst(Pattern.quote(line), Matcher.quoteReplacement(replacement));
        Files.writeString(dir.resolve(file), text);
        return text;
    }

    private List<String> problems() {
        List<Problem> problems = new ArrayList<>();
        Catalogues.read(dir, dir.toString(), problems);
        assertThat(problems).as("every problem has its line").allSatisfy(p -> assertThat(p.line()).isPositive());
        return problems.stream().map(Problem::toString).toList();
    }

    /** The 1-based line where {@code text} first is. */
    private static int lineOf(String yaml, String text) {
        return yaml.lines().toList().indexOf(yaml.lines().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    }

    @Test
    void anAdviceAppendedUnderConflictsIsToldWhereAdviceGoes() throws Exception {
        TestRules.copyOfRules(dir);
        Path advice = dir.resolve("advice.yaml");
        Files.writeString(advice, Files.readString(advice) + """

                  - id: domain-expert-who-codes
                    kind: ADVICE
                    topic: skills
                    title: "Your programming is a rare asset for a domain expert"
                    advice: Keep your programming sharp.
                """);
        String yaml = Files.readString(advice);

        assertThat(problems()).containsExactly(advice + ":" + lineOf(yaml, "id: domain-expert-who-codes")
                + ":5: conflicts[" + shipped().conflicts().size() + "] (domain-expert-who-codes): this entry is in the list under"
                + " 'conflicts:' (line " + lineOf(yaml, "conflicts:") + "), but its keys kind, topic, advice are those"
                + " of an advice entry: advice entries go in the list under 'advice:' (line " + lineOf(yaml, "advice:")
                + "), above 'conflicts:'");
    }

    private static Catalogues shipped() {
        List<Problem> problems = new ArrayList<>();
        return Catalogues.read(TestRules.RULES, "rules", problems);
    }

    @Test
    void anInvalidKindIsAnErrorAtItsValueAndTheEntryStays() throws Exception {
        String yaml = edit("advice.yaml", "  - id: buy-a-gpu\n    kind: ADVICE", "  - id: buy-a-gpu\n    kind: ADVISE");
        int line = lineOf(yaml, "kind: ADVISE");

        assertThat(problems()).singleElement().asString().startsWith(dir + "/advice.yaml:" + line + ":11: advice[")
                .endsWith("(buy-a-gpu): 'kind' must be one of [ADVICE, WARNING], not 'ADVISE'");
        InvalidRulesException e = catchThrowableOfType(InvalidRulesException.class,
                () -> new RulesCompiler(RulesFiles.of(dir), null).read());
        assertThat(e.problems()).as("the rules that recommend it are not blamed").singleElement()
                .extracting(Problem::line).isEqualTo(line);
    }

    @Test
    void aKeyGivenTwiceInOneEntryIsAnErrorAtTheSecond() throws Exception {
        String yaml = edit("advice.yaml", "  - id: buy-a-gpu\n    kind: ADVICE", "  - id: buy-a-gpu\n    kind: ADVICE\n    kind: WARNING");

        assertThat(problems()).singleElement().asString()
                .startsWith(dir + "/advice.yaml:" + (lineOf(yaml, "id: buy-a-gpu") + 2) + ":5: advice[")
                .endsWith("(buy-a-gpu): 'kind' is given twice (first at line " + (lineOf(yaml, "id: buy-a-gpu")
                        + 1) + "); keep one: a YAML reader would take the last in silence");
    }

    @Test
    void aRepeatedIdIsAnErrorAtTheSecondNamingTheFirst() throws Exception {
        String yaml = edit("questions.yaml", "  - id: employer-facts", "  - id: advisor-facts");
        int second = yaml.lines().toList().lastIndexOf("  - id: advisor-facts") + 1;

        assertThat(problems()).singleElement().isEqualTo(dir + "/questions.yaml:" + second + ":9: questions[1]"
                + " (advisor-facts): the id 'advisor-facts' is used twice (first at line " + lineOf(yaml, "id: advisor-facts")
                + "); give each entry of 'questions' its own");
    }

    @Test
    void aKeyAnEntryDoesNotHaveIsAnErrorAtTheKey() throws Exception {
        String yaml = edit("sources.yaml", "    uncited:", "    uncitd:");

        assertThat(problems()).singleElement().asString().startsWith(dir + "/sources.yaml:" + lineOf(yaml, "uncitd:")
                + ":5: passages[").endsWith("'uncitd' is not a key of a passage; its keys: id, source, section,"
                + " quote, uncited");
    }

    @Test
    void aKeyASideOfAConflictDoesNotHaveIsAnErrorAtTheKey() throws Exception {
        String yaml = edit("advice.yaml", "      - advice: skip-classical-ml\n        position:",
                "      - advice: skip-classical-ml\n        postion: misspelt\n        position:");

        assertThat(problems()).singleElement().isEqualTo(dir + "/advice.yaml:" + lineOf(yaml, "postion:")
                + ":9: conflicts[0] (classical-ml-first): 'postion' is not a key of a side of a conflict; its keys:"
                + " advice, position");
    }

    @Test
    void aPassageOfAnUnknownSourceIsAnErrorAtItsSource() throws Exception {
        String yaml = edit("sources.yaml", "    source: park-career-faq", "    source: park-faq");

        assertThat(problems()).singleElement().asString().startsWith(dir + "/sources.yaml:"
                + lineOf(yaml, "source: park-faq") + ":13: passages[").contains("cites the unknown source 'park-faq'");
    }

    @Test
    void aMisspelledListAtTheTopIsAnErrorAtItsKey() throws Exception {
        String yaml = edit("advice.yaml", "\nconflicts:", "\nconflict:");

        assertThat(problems()).singleElement().isEqualTo(dir + "/advice.yaml:" + lineOf(yaml, "conflict:")
                + ":1: 'conflict' is not a list of advice.yaml; its lists: advice, conflicts");
    }

    @Test
    void aConflictWithOneSideIsAnErrorAtItsSides() throws Exception {
        String yaml = edit("advice.yaml", "\nconflicts:\n", "\nconflicts:\n  - id: alone\n    title: One side\n"
                + "    sides:\n      - {advice: try-a-phd, position: Only this}\n");

        assertThat(problems()).singleElement().isEqualTo(dir + "/advice.yaml:" + (lineOf(yaml, "- {advice: try-a-phd"))
                + ":7: conflicts[0] (alone): a conflict needs at least two sides, each with 'advice' and 'position'");
    }

    /** The tree that knows where things are is the tree Jackson reads, for every catalogue shipped. */
    @Test
    void theLocatedTreeIsJacksonsTree() throws Exception {
        for (String file : List.of("advice.yaml", "sources.yaml", "questions.yaml", "fields.yaml")) {
            String text = Files.readString(TestRules.RULES.resolve(file));
            assertThat(YamlTree.parse(text).root()).as(file).isEqualTo(new ObjectMapper(new YAMLFactory()).readTree(text));
        }
    }
}
