package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The two catalogues of a rules folder: {@code sources.yaml} (the documents and the passages rules cite)
 * and {@code advice.yaml} (what each recommendation says). Read once per rule base.
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

    public static final String SOURCES = "sources.yaml";
    public static final String ADVICE = "advice.yaml";
    static final String QUESTIONS = "questions.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, Source> sources;
    private final Map<String, Passage> passages;
    private final Map<String, Entry> advice;
    private final Map<String, Conflict> conflicts;
    private final Map<String, Question> questions;
    private final Map<String, Citation> citations = new LinkedHashMap<>();

    private Catalogues(Map<String, Source> sources, Map<String, Passage> passages, Map<String, Entry> advice,
                    Map<String, Conflict> conflicts, Map<String, Question> questions) {
        this.sources = sources;
        this.passages = passages;
        this.advice = advice;
        this.conflicts = conflicts;
        this.questions = questions;
        passages.values().forEach(p -> {
            Source s = sources.get(p.source());
            citations.put(p.id(), new Citation(p.id(), p.source(), s.title(), s.author(), p.section(), p.quote()));
        });
    }

    /** Reads both catalogues from a rules folder, adding every problem found to {@code problems}. */
    public static Catalogues read(Path folder, String label, List<Problem> problems) {
        Reader sourcesFile = new Reader(folder.resolve(SOURCES), label + "/" + SOURCES, problems);
        Reader adviceFile = new Reader(folder.resolve(ADVICE), label + "/" + ADVICE, problems);
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
                adviceFile.text(n, "id", true), adviceFile.text(n, "title", true), adviceFile.sides(n, advice)));
        Reader questionsFile = new Reader(folder.resolve(QUESTIONS), label + "/" + QUESTIONS, problems, true);
        Map<String, Question> questions = questionsFile.optionalList("questions", n -> new Question(
                questionsFile.text(n, "id", true), questionsFile.field(n), questionsFile.text(n, "text", true)));
        for (Passage passage : passages.values()) {
            Source source = sources.get(passage.source());
            if (source == null) {
                sourcesFile.problem("passage " + passage.id(), "cites the unknown source '" + passage.source()
                        + "'; known sources: " + String.join(", ", sources.keySet()));
            } else if (!source.sections().isEmpty() && !source.sections().contains(passage.section())) {
                sourcesFile.problem("passage " + passage.id(), "names the section '" + passage.section()
                        + "', which is not among the sections of " + source.id());
            }
        }
        return new Catalogues(sources, passages, advice, conflicts, questions);
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

    /** The citation of a passage id (which must exist). */
    public Citation citation(String passageId) {
        return citations.get(passageId);
    }

    /** Reads one YAML file as a tree and reports, with the file's name, every entry that is not right. */
    private static final class Reader {
        private final String label;
        private final List<Problem> problems;
        private final JsonNode root;
        private String entry;

        Reader(Path file, String label, List<Problem> problems) {
            this(file, label, problems, false);
        }

        Reader(Path file, String label, List<Problem> problems, boolean optional) {
            this.label = label;
            this.problems = problems;
            this.root = optional && !Files.exists(file) ? YAML.createObjectNode() : load(file);
        }

        private JsonNode load(Path file) {
            try {
                JsonNode node = YAML.readTree(Files.readString(file));
                if (node != null && node.isObject()) {
                    return node;
                }
                problem(null, "expected a YAML mapping at the top of the file");
            } catch (NoSuchFileException e) {
                problem(null, "missing: every rules folder needs " + file.getFileName());
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                problems.add(Problem.error(label, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                        null, "broken YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip()));
            } catch (IOException e) {
                problem(null, "cannot be read: " + e.getMessage());
            }
            return YAML.createObjectNode();
        }

        /** The entries of a list that may be absent. */
        <T> Map<String, T> optionalList(String key, Function<JsonNode, T> reader) {
            return root.has(key) ? list(key, reader) : new LinkedHashMap<>();
        }

        <T> Map<String, T> list(String key, Function<JsonNode, T> reader) {
            Map<String, T> items = new LinkedHashMap<>();
            JsonNode list = root.path(key);
            if (!list.isArray()) {
                problem(null, "expected a list under '" + key + "'");
                return items;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                entry = key + "[" + i + "]" + (node.path("id").isTextual() ? " (" + node.get("id").asText() + ")" : "");
                int before = problems.size();
                T item = reader.apply(node);
                String id = node.path("id").asText();
                if (problems.size() == before) {
                    if (items.putIfAbsent(id, item) != null) {
                        problem(entry, "the id '" + id + "' is used twice");
                    }
                }
            }
            entry = null;
            return items;
        }

        String text(JsonNode node, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    problem(entry, "missing '" + field + "'");
                }
                return null;
            }
            if (!value.isValueNode() || value.asText().isBlank()) {
                problem(entry, "'" + field + "' must be a non-empty text");
                return null;
            }
            return value.asText().strip();
        }

        List<String> texts(JsonNode node, String field) {
            List<String> texts = new ArrayList<>();
            node.path(field).forEach(n -> texts.add(n.asText()));
            return texts;
        }

        Integer step(JsonNode node) {
            JsonNode step = node.get("step");
            if (step == null || step.isNull()) {
                return null;
            }
            if (!step.canConvertToInt() || !step.isIntegralNumber() || step.asInt() < 1) {
                problem(entry, "'step' must be a whole number, 1 or more");
                return null;
            }
            return step.asInt();
        }

        /** An optional true/false key, false when absent. */
        boolean flag(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                problem(entry, "'" + field + "' must be true or false, not '" + value.asText() + "'");
                return false;
            }
            return value.booleanValue();
        }

        /** A profile path (a leaf or a section) that a question fills in. */
        String field(JsonNode node) {
            String field = text(node, "field", true);
            if (field != null && ProfileSchema.leaf(field) == null && !ProfileSchema.isSection(field)) {
                problem(entry, "'field' must be a profile path such as hardware.gpu or advisor, not '" + field + "'");
            }
            return field;
        }

        List<Side> sides(JsonNode node, Map<String, Entry> advice) {
            List<Side> sides = new ArrayList<>();
            for (JsonNode side : node.path("sides")) {
                String id = text(side, "advice", true);
                if (id != null && !advice.containsKey(id)) {
                    problem(entry, "a side names the advice id '" + id + "', which is not defined");
                }
                sides.add(new Side(id, text(side, "position", true)));
            }
            if (sides.size() < 2) {
                problem(entry, "a conflict needs at least two sides, each with 'advice' and 'position'");
            }
            return sides;
        }

        Recommendation.Kind kind(JsonNode node) {
            String kind = text(node, "kind", true);
            if (kind == null) {
                return null;
            }
            try {
                return Recommendation.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(entry, "'kind' must be one of " + Arrays.toString(Recommendation.Kind.values())
                        + ", not '" + kind + "'");
                return null;
            }
        }

        void problem(String where, String message) {
            problems.add(Problem.error(label, 0, 0, where, message));
        }
    }
}
