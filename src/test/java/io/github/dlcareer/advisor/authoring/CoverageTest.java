package io.github.dlcareer.advisor.authoring;

import io.github.dlcareer.advisor.TestRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageTest {

    /** A rules folder whose one document has a passage cited by a rule, one uncited with a reason, one neither. */
    private static RulesFolder rules(Path dir) throws Exception {
        TestRules.miniRules(dir, "a.drl", """
                rule "Gives one"
                    @recommend("one") @cite("p1") @weight(0.7)
                when
                    Profile( hardware.gpu == Gpu.NONE )
                then
                    evidence.support(kcontext);
                end
                """);
        Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - id: doc
                    file: doc.txt
                    title: A document
                    author: Someone
                passages:
                  - {id: p1, source: doc, section: Start, quote: "The first passage is cited."}
                  - {id: p2, source: doc, section: Start, quote: "The second passage is a biography.", uncited: "biography, not advice"}
                  - {id: p3, source: doc, section: Start, quote: "The third passage is forgotten."}
                """);
        return RulesFolder.read(dir);
    }

    @Test
    void eachPassageShowsTheRulesCitingItOrWhyNone(@TempDir Path dir) throws Exception {
        List<Coverage.Document> coverage = Coverage.of(rules(dir), null);

        assertThat(coverage).singleElement().satisfies(document -> {
            assertThat(document.source()).isEqualTo(new Coverage.Source("doc", "A document", "Someone", "doc.txt"));
            assertThat(document.passages()).containsExactly(
                    new Coverage.PassageUse(new Coverage.Passage("p1", "Start", "The first passage is cited.", null),
                            List.of("Gives one")),
                    new Coverage.PassageUse(new Coverage.Passage("p2", "Start", "The second passage is a biography.",
                            "biography, not advice"), List.of()),
                    new Coverage.PassageUse(new Coverage.Passage("p3", "Start", "The third passage is forgotten.", null),
                            List.of()));
            assertThat(List.of(document.cited(), document.uncitedWithReason(), document.uncovered()))
                    .containsExactly(1L, 1L, 1L);
            assertThat(document.gaps()).as("no documents folder: no paragraphs looked at").isNull();
        });
    }

    @Test
    void theParagraphsNoPassageQuotesAreGapsAtTheirLine(@TempDir Path dir, @TempDir Path documents) throws Exception {
        RulesFolder rules = rules(dir);
        Files.writeString(documents.resolve("doc.txt"), """
                # A document

                Some words first. The first passage is cited, and more words follow it here.

                This paragraph is quoted by no passage of the rules at all.
                """);

        List<Coverage.Document> coverage = Coverage.of(rules, documents);

        assertThat(coverage.get(0).gaps()).containsExactly(
                new Coverage.Gap(5, "This paragraph is quoted by no passage of the rules at all."));
    }
}
