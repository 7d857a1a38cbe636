package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Explanation;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.TestRules;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import io.github.dlcareer.advisor.internal.knowledge.FieldLabels;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Why" of a recommendation: for each rule that supports it, the facts its own conditions tested, then each
 * finding its match holds by the finding's label (with the facts behind it where the label shows them), each
 * said once; {@code because} keeps every fact as a path.
 */
class WhyTest {

    private static final String DRL = """
            rule "Maths: high"
            when
                Profile( skills.math >= 4 )
            then
                insertLogical( evidence.finding("maths", "high", kcontext) );
            end

            rule "Maths: curious"
            when
                Profile( traits.curiosity == true )
            then
                insertLogical( evidence.finding("maths", "curious", kcontext) );
            end

            rule "No GPU"
            when
                Profile( hardware.gpu == Gpu.NONE )
            then
                insertLogical( evidence.finding("no-gpu", kcontext) );
            end

            rule "Gives one"
                @recommend("one") @cite("p1")
            when
                Profile( skills.programming >= 3 )
                Finding( name == "maths", detail == "high" )
            then
                evidence.support(kcontext);
            end

            rule "Gives one again"
                @recommend("one") @cite("p2")
            when
                Profile( skills.math >= 4 )
            then
                evidence.support(kcontext);
            end

            rule "Gives two"
                @recommend("two") @cite("p1")
            when
                Finding( name == "no-gpu" )
            then
                evidence.support(kcontext);
            end
            """;

    private static RuleBook book;
    private static final Profile PERSON = ProfileReader.create().parse(
            "id: p\nskills: {math: 5, programming: 3}\ntraits: {curiosity: true}\nhardware: {gpu: NONE}", "p.yaml");

    @BeforeAll
    static void rules(@TempDir Path dir) throws IOException {
        TestRules.miniRules(dir, "a.drl", DRL);
        String fields = Files.readString(Path.of("rules", FieldLabels.FILE));
        Files.writeString(dir.resolve(FieldLabels.FILE), fields.substring(0, fields.indexOf("\nfindings:\n")) + """

                findings:
                  maths:
                    high: "maths is your strength ({facts})"
                    curious: "you are curious about maths"
                """);
        book = new RulesCompiler(RulesFiles.of(dir), null).compile();
    }

    @Test
    void aFindingIsSaidByItsLabelWithTheFactsBehindItEachFactOnce() {
        Recommendation one = Evaluator.evaluate(book, PERSON).recommendation("one").orElseThrow();

        // not "you are curious about maths": the rule matched the finding of the detail "high" only
        assertThat(one.why()).containsExactly("your programming: 3/5", "maths is your strength (your maths: 5/5)");
        assertThat(one.because()).contains("skills.programming = 3", "skills.math = 5");
    }

    @Test
    void aFindingWithoutALabelIsSaidByItsFacts() {
        Advice advice = Evaluator.evaluate(book, PERSON);

        assertThat(advice.recommendation("two").orElseThrow().why()).containsExactly("you have no GPU");
    }

    @Test
    void explainSaysEachRuleAsWhySaysIt() {
        Explanation explanation = Evaluator.explain(book, PERSON, "one");

        assertThat(explanation.fired()).extracting(Explanation.Fired::why).containsExactly(
                List.of("your programming: 3/5", "maths is your strength (your maths: 5/5)"),
                List.of("your maths: 5/5"));
    }
}
