package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.knowledge.CatalogueFile.Place;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The knowledge of a rules folder as the jar's precompiled rules and the compiled-rules cache keep it, so that a
 * start with unchanged rules reads no YAML and parses no DRL: the catalogues, the field and finding labels, the
 * rule drafts and the DRL, written by {@link RecordCodec} (no Jackson, no SnakeYAML: their start-up alone took
 * most of a second). Only knowledge read without errors is kept, so it is made into {@link Knowledge} with no
 * problem; the checks that only warn are for {@code rules check}, which reads the folder itself.
 */
public record StoredKnowledge(Map<String, Catalogues.Source> sources, Map<String, Catalogues.Passage> passages,
                              Map<String, Catalogues.Entry> advice, Map<String, Catalogues.Conflict> conflicts,
                              Map<String, Catalogues.Question> questions, Map<String, Place> places,
                              List<FieldLabels.Label> fieldLabels, Map<String, FindingLabels.Entry> findingLabels,
                              List<RuleDraft> drafts, Map<String, String> drl) {

    /** Knowledge read from its files (without errors), with the drafts its rules were described from. */
    public static StoredKnowledge of(Knowledge knowledge, List<RuleDraft> drafts) {
        Catalogues catalogues = knowledge.catalogues();
        return new StoredKnowledge(catalogues.sources(), catalogues.passages(), catalogues.advice(),
                catalogues.conflicts(), catalogues.questions(), catalogues.places(), knowledge.labels().byLeaf(),
                knowledge.labels().findings().byName(), drafts, knowledge.drl());
    }

    /** The knowledge as the files it was read from would give it, its rules placed in {@code files}. */
    public Knowledge knowledge(RulesFiles files, List<Problem> problems) {
        Catalogues catalogues = new Catalogues(sources, passages, advice, conflicts, questions, places);
        FieldLabels labels = new FieldLabels(fieldLabels, new FindingLabels(findingLabels));
        return Knowledge.of(files, catalogues, labels, drafts, drl, problems);
    }

    /** The knowledge as bytes, {@link #read} back: compressed, a fifth of the size (and of the digest's work). */
    public byte[] bytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RecordCodec.write(this, new DeflaterOutputStream(bytes));
        return bytes.toByteArray();
    }

    public static StoredKnowledge read(byte[] bytes) throws IOException {
        return RecordCodec.read(new InflaterInputStream(new ByteArrayInputStream(bytes)), StoredKnowledge.class);
    }
}
