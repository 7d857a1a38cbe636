package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.internal.knowledge.CatalogueFile.Place;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogues of a rules folder: {@code sources.yaml} (the documents and the passages rules cite),
 * {@code advice.yaml} (what each recommendation says, and where the documents disagree) and {@code questions.yaml}.
 * Read once per rule base; every problem is at its file, line and column ({@link CatalogueFile}).
 */
public final class Catalogues {

    /** A document of {@code ../shared/seeds}. */
    public record Source(String id, String file, String title, String author, String date, List<String> sections) {
    }

    /**
     * A passage of a document. Rules cite it; a passage no rule cites says why in {@code uncited}
     * (e.g. "biography, not advice").
     */
    public record Passage(String id, String source, String section, String quote, String uncited) {
    }

    /**
     * A recommendation the rules can give; {@code step} orders it within the staged plan (null if none);
     * {@code generic} when it suits nearly every learner, so that it never crowds out what fits the person.
     */
    public record Entry(String id, Recommendation.Kind kind, String topic, String title, String advice,
                        Integer step, boolean generic) {
    }

    /** A point on which the documents disagree, with the advice that stands for each position. */
    public record Conflict(String id, String title, List<Side> sides) {
    }

    /** One position in a conflict: an advice id and the position in our own words. */
    public record Side(String advice, String position) {
    }

    /** Something to ask the person: the profile field it fills in and how to ask it. */
    public record Question(String id, String field, String text) {
    }

    public static final String SOURCES = CatalogueFile.SOURCES;
    public static final String ADVICE = CatalogueFile.ADVICE;
    static final String QUESTIONS = CatalogueFile.QUESTIONS;

    private final Map<String, Source> sources;
    private final Map<String, Passage> passages;
    private final Map<String, Entry> advice;
    private final Map<String, Conflict> conflicts;
    private final Map<String, Question> questions;
    private final Map<String, Citation> citations = new LinkedHashMap<>();
    /** By {@code list/id} and {@code list/id/key}: where each entry, and each of its values, stands. */
    private final Map<String, Place> places;

    Catalogues(Map<String, Source> sources, Map<String, Passage> passages, Map<String, Entry> advice,
               Map<String, Conflict> conflicts, Map<String, Question> questions, Map<String, Place> places) {
        this.sources = sources;
        this.passages = passages;
        this.advice = advice;
        this.conflicts = conflicts;
        this.questions = questions;
        this.places = places;
        passages.values().forEach(p -> {
            Source s = sources.get(p.source()); // null for an unknown source, which is a problem already
            citations.put(p.id(), new Citation(p.id(), p.source(), s == null ? null : s.title(),
                    s == null ? null : s.author(), p.section(), p.quote()));
        });
    }

    /** Reads the catalogues of a rules folder, adding every problem found to {@code problems}. */
    public static Catalogues read(Path folder, String label, List<Problem> problems) {
        CatalogueFile sourcesFile = new CatalogueFile(folder, label, SOURCES, problems, false);
        CatalogueFile adviceFile = new CatalogueFile(folder, label, ADVICE, problems, false);
        Map<String, Source> sources = sourcesFile.list("sources", n -> new Source(
                sourcesFile.text(n, "id", true), sourcesFile.text(n, "file", false),
                sourcesFile.text(n, "title", true), sourcesFile.text(n, "author", false),
                sourcesFile.text(n, "date", false), sourcesFile.texts(n, "sections")));
        Map<String, Passage> passages = sourcesFile.list("passages", n -> new Passage(
                sourcesFile.text(n, "id", true), sourcesFile.text(n, "source", true),
                sourcesFile.text(n, "section", true), sourcesFile.text(n, "quote", true),
                sourcesFile.text(n, "uncited", false)));
        Map<String, Entry> advice = adviceFile.list("advice", n -> new Entry(
                adviceFile.text(n, "id", true), adviceFile.kind(n), adviceFile.text(n, "topic", true),
                adviceFile.text(n, "title", true), adviceFile.text(n, "advice", true), adviceFile.step(n),
                adviceFile.flag(n, "generic")));
        Map<String, Conflict> conflicts = adviceFile.optionalList("conflicts", n -> new Conflict(
                adviceFile.text(n, "id", true), adviceFile.text(n, "title", true), sides(adviceFile, n, advice)));
        CatalogueFile questionsFile = new CatalogueFile(folder, label, QUESTIONS, problems, true);
        Map<String, Question> questions = questionsFile.optionalList("questions", n -> new Question(
                questionsFile.text(n, "id", true), questionsFile.field(n), questionsFile.text(n, "text", true)));
        for (Passage passage : passages.values()) {
            Source source = sources.get(passage.source());
            if (source == null && passage.source() != null) {
                sourcesFile.problem("passages", passage.id(), "source", "cites the unknown source '"
                        + passage.source() + "'; known sources: " + String.join(", ", sources.keySet()));
            } else if (source != null && passage.section() != null && !source.sections().isEmpty()
                    && !source.sections().contains(passage.section())) {
                sourcesFile.problem("passages", passage.id(), "section", "names the section '" + passage.section()
                        + "', which is not among the sections of " + source.id());
            }
        }
        Map<String, Place> places = new HashMap<>(sourcesFile.places());
        places.putAll(adviceFile.places());
        places.putAll(questionsFile.places());
        return new Catalogues(sources, passages, advice, conflicts, questions, Map.copyOf(places));
    }

    private static List<Side> sides(CatalogueFile file, JsonNode conflict, Map<String, Entry> advice) {
        List<Side> sides = file.each(conflict, "sides", "a side of a conflict", List.of("advice", "position"), side -> {
            String id = file.text(side, "advice", true);
            if (id != null && !advice.containsKey(id)) {
                file.problem("advice", "a side names the advice id '" + id + "', which is not defined");
            }
            return new Side(id, file.text(side, "position", true));
        });
        if (sides.size() < 2) {
            file.problem("sides", "a conflict needs at least two sides, each with 'advice' and 'position'");
        }
        return sides;
    }

    public Map<String, Source> sources() {
        return sources;
    }

    public Map<String, Passage> passages() {
        return passages;
    }

    public Map<String, Entry> advice() {
        return advice;
    }

    public Map<String, Conflict> conflicts() {
        return conflicts;
    }

    public Map<String, Question> questions() {
        return questions;
    }

    /** Where each entry, and each of its values, stands: by {@code list/id} and {@code list/id/key}. */
    Map<String, Place> places() {
        return places;
    }

    /** The citation of a passage id (which must exist). */
    public Citation citation(String passageId) {
        return citations.get(passageId);
    }

    /**
     * Where an entry stands in its catalogue, for a problem about it: at its {@code key}'s value when it has one
     * (null: the entry itself).
     *
     * @param list the list it is in: sources, passages, advice, conflicts or questions
     */
    Place place(String list, String id, String key) {
        Place entry = places.getOrDefault(list + "/" + id, Place.UNKNOWN);
        return key == null ? entry : places.getOrDefault(list + "/" + id + "/" + key, entry);
    }
}
