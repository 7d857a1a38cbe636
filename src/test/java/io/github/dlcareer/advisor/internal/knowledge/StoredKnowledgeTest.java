package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The knowledge of a rules folder stored as bytes ({@link RecordCodec}) and read back. */
class StoredKnowledgeTest {

    private static final RulesFiles RULES = RulesFiles.of(Path.of("rules"));

    record Shape1(String name, int line) {
    }

    /** Shape1 after it gained a component; the same length of name, so that bytes of one can be passed off as the other. */
    record Shape2(String name, int line, String file) {
    }

    @Test
    void theShippedRulesReadBackEqualToTheirFilesFieldByField() throws IOException {
        List<Problem> problems = new ArrayList<>();
        Catalogues catalogues = Catalogues.read(RULES.folder(), RULES.label(), problems);
        FieldLabels labels = FieldLabels.read(RULES, problems);
        Map<String, String> drl = RULES.readDrl(DecisionTable.Cache.NONE, problems);
        List<RuleDraft> drafts = new ArrayList<>();
        drl.forEach((file, text) -> drafts.addAll(Drl.parse(RULES, file, text, problems)));
        Knowledge read = Knowledge.of(RULES, catalogues, labels, drafts, drl, problems);
        assertThat(problems).isEmpty();

        List<Problem> again = new ArrayList<>();
        Knowledge stored = StoredKnowledge.read(StoredKnowledge.of(read, drafts).bytes()).knowledge(RULES, again);

        assertThat(again).isEmpty();
        // Every field of every object, private ones too: a field the stored form leaves out fails here.
        assertThat(stored).usingRecursiveComparison().isEqualTo(read);
        assertThat(stored.rules()).isEqualTo(read.rules()).hasSizeGreaterThan(200);
        assertThat(stored.catalogues().passages()).isEqualTo(read.catalogues().passages());
    }

    @Test
    void recordsOfEveryKindOfComponentReadBackEqual() throws IOException {
        record All(String text, Integer number, int whole, double decimal, boolean flag, Problem.Severity severity,
                   List<String> list, Map<String, List<Shape1>> map, Shape1 record, String none) {
        }
        All all = new All("é ✓", 7, -3, 0.25, true, Problem.Severity.WARNING, List.of("a", "b"),
                Map.of("k", List.of(new Shape1("n", 4))), new Shape1("x".repeat(70_000), 1), null);

        assertThat(RecordCodec.read(new ByteArrayInputStream(RecordCodec.write(all)), All.class)).isEqualTo(all);
    }

    @Test
    void bytesWrittenBeforeARecordGainedAComponentAreRefusedNotMisread() throws IOException {
        byte[] bytes = RecordCodec.write(new Shape1("gpu", 12));
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1).replace("Shape1", "Shape2");

        assertThatThrownBy(() -> RecordCodec.read(new ByteArrayInputStream(latin1.getBytes(StandardCharsets.ISO_8859_1)),
                Shape2.class)).isInstanceOf(IOException.class).hasMessageContaining("written by another version");
    }

    @Test
    void onlyTheAdvisorsOwnValuesAreWrittenAndRead() throws IOException {
        assertThatThrownBy(() -> RecordCodec.write(List.of(new StringBuilder("x"))))
                .isInstanceOf(IOException.class).hasMessageContaining("cannot store a java.lang.StringBuilder");
        String latin1 = new String(RecordCodec.write(new Shape1("gpu", 12)), StandardCharsets.ISO_8859_1)
                .replace(Shape1.class.getName(), "java.lang.Runtime" + " ".repeat(Shape1.class.getName().length() - 17));

        assertThatThrownBy(() -> RecordCodec.read(new ByteArrayInputStream(latin1.getBytes(StandardCharsets.ISO_8859_1)),
                Shape1.class)).isInstanceOf(IOException.class).hasMessageContaining("written by another version");
    }
}
