package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One YAML file of the catalogues, read as a tree that knows where each key and value stands: every problem of
 * an entry is reported at its file, line and column — at the key or value concerned, else at the entry — and
 * named by the entry ({@code advice[3] (its-id)}). A key given twice, a key an entry does not have, or an entry
 * in the wrong list (an advice appended under {@code conflicts:}) is a problem where it stands.
 */
final class CatalogueFile {

    /** Where something of a catalogue stands, 1-based; 0 when unknown. */
    record Place(int line, int column) {
        static final Place UNKNOWN = new Place(0, 0);

        static Place of(JsonLocation at) {
            return at == null || at.getLineNr() < 1 ? UNKNOWN : new Place(at.getLineNr(), Math.max(0, at.getColumnNr()));
        }
    }

    static final String SOURCES = "sources.yaml";
    static final String ADVICE = "advice.yaml";
    static final String QUESTIONS = "questions.yaml";

    /**
     * A list of the catalogues: its file, its key at the top of the file, what one entry is (and many are) called,
     * and the keys an entry may have.
     */
    private record Section(String file, String name, String one, String many, List<String> keys) {
    }

    /** Every list of the catalogues, so that an entry put in the wrong one can be told where it goes. */
    private static final List<Section> SECTIONS = List.of(
            new Section(SOURCES, "sources", "a source", "sources",
                    List.of("id", "file", "title", "author", "date", "sections")),
            new Section(SOURCES, "passages", "a passage", "passages",
                    List.of("id", "source", "section", "quote", "uncited")),
            new Section(ADVICE, "advice", "an advice entry", "advice entries",
                    List.of("id", "kind", "topic", "title", "advice", "step", "generic")),
            new Section(ADVICE, "conflicts", "a conflict", "conflicts", List.of("id", "title", "sides")),
            new Section(QUESTIONS, "questions", "a question", "questions", List.of("id", "field", "text")));

    private final String file;
    private final String label;
    private final List<Problem> problems;
    private final YamlTree tree;
    private final JsonNode root;
    /** By {@code list/id}: the pointer of each entry read. */
    private final Map<String, String> pointers = new HashMap<>();
    /** By {@code list/id} and {@code list/id/key}: where each entry read, and each of its values, stands. */
    private final Map<String, Place> places = new HashMap<>();
    /** The entry being read (its name for problems) and the pointer of the mapping being read in it. */
    private String entry;
    private String at;

    /**
     * @param label    how problems name the rules folder
     * @param optional whether the file may be absent (it then has no entries)
     */
    CatalogueFile(Path folder, String label, String file, List<Problem> problems, boolean optional) {
        this.file = file;
        this.label = label + "/" + file;
        this.problems = problems;
        Path path = folder.resolve(file);
        this.tree = optional && !Files.exists(path) ? null : load(path);
        this.root = tree == null ? JsonNodeFactory.instance.objectNode() : tree.root();
        if (tree != null) {
            tree.repeated().forEach(r -> problems.add(error(r.again(), name(r.pointer()), "'" + r.key()
                    + "' is given twice (first at line " + r.first().getLineNr() + "); keep one: a YAML reader"
                    + " would take the last in silence")));
            listsOfOtherFiles();
        }
    }

    /** The file as a tree with the places of its keys; null, with the problem, when it cannot be read. */
    private YamlTree load(Path path) {
        try {
            YamlTree read = YamlTree.parse(Files.readString(path));
            if (read.root() != null && read.root().isObject()) {
                return read;
            }
            problems.add(error(null, null, "expected a YAML mapping at the top of the file"));
        } catch (NoSuchFileException e) {
            problems.add(error(null, null, "missing: every rules folder needs " + file));
        } catch (JsonProcessingException e) {
            problems.add(error(e.getLocation(), null, "broken YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse("").strip()));
        } catch (IOException e) {
            problems.add(error(null, null, "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    /** A key at the top that is no list of this file (misspelled, or a list of another file) is a problem. */
    private void listsOfOtherFiles() {
        List<String> own = SECTIONS.stream().filter(s -> s.file().equals(file)).map(Section::name).toList();
        root.fieldNames().forEachRemaining(key -> {
            if (!own.contains(key)) {
                Section other = SECTIONS.stream().filter(s -> s.name().equals(key)).findFirst().orElse(null);
                problems.add(error(tree.key("/" + key), null, "'" + key + "' is not a list of " + file
                        + (other != null ? ": " + other.many() + " go in " + other.file()
                        : "; its lists: " + String.join(", ", own))));
            }
        });
    }

    /** Where each entry read, and each of its values, stands: by {@code list/id} and {@code list/id/key}. */
    Map<String, Place> places() {
        return places;
    }

    /** The entries of a list that may be absent. */
    <T> Map<String, T> optionalList(String key, Function<JsonNode, T> reader) {
        return root.has(key) ? list(key, reader) : new LinkedHashMap<>();
    }

    /**
     * The entries of a list by id, each read by {@code reader} (which reports its problems through this file). An
     * entry with a problem is kept when it has an id, so that the rules that name it are not blamed too.
     */
    <T> Map<String, T> list(String key, Function<JsonNode, T> reader) {
        Map<String, T> items = new LinkedHashMap<>();
        JsonNode list = root.path(key);
        if (!list.isArray()) {
            problems.add(error(place("/" + key), null, "expected a list under '" + key + "'"));
            return items;
        }
        Section section = SECTIONS.stream().filter(s -> s.name().equals(key)).findFirst().orElseThrow();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode node = list.get(i);
            at = "/" + key + "/" + i;
            entry = name(at);
            if (!node.isObject()) {
                problem(place(at), "expected " + section.one() + ": a mapping with " + String.join(", ", section.keys()));
                continue;
            }
            if (misplaced(section, node)) {
                continue;
            }
            T item = reader.apply(node);
            JsonNode id = node.path("id");
            if (!id.isValueNode() || id.isNull() || id.asText().isBlank()) {
                continue; // reported by the reader: missing 'id'
            }
            String name = id.asText().strip();
            Integer first = firstLine.putIfAbsent(name, Place.of(place(at)).line());
            if (first != null) {
                problem(place(at + "/id"), "the id '" + name + "' is used twice (first at line " + first
                        + "); give each entry of '" + key + "' its own");
                continue;
            }
            items.put(name, item);
            String entryAt = at;
            pointers.put(key + "/" + name, entryAt);
            places.put(key + "/" + name, Place.of(place(entryAt)));
            node.fieldNames().forEachRemaining(k -> places.put(key + "/" + name + "/" + k,
                    Place.of(place(entryAt + "/" + k))));
        }
        entry = null;
        at = null;
        return items;
    }

    /**
     * Whether an entry has keys its list does not know and another list knows them all: then it is in the wrong
     * list, one problem says where it goes, and it is left out. Otherwise each key its list does not know is a
     * problem, at the key.
     */
    private boolean misplaced(Section section, JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        List<String> unknown = keys.stream().filter(k -> !section.keys().contains(k)).toList();
        if (unknown.isEmpty()) {
            return false;
        }
        Section fits = SECTIONS.stream().filter(s -> s != section && s.keys().containsAll(keys)).findFirst()
                .orElse(null);
        if (fits != null) {
            JsonLocation here = tree.key("/" + section.name());
            JsonLocation list = fits.file().equals(file) ? tree.key("/" + fits.name()) : null;
            String there = !fits.file().equals(file) ? " of " + fits.file() : list == null ? ""
                    : line(list) + (here != null && list.getLineNr() < here.getLineNr()
                    ? ", above '" + section.name() + ":'" : "");
            problem(place(at), "this entry is in the list under '" + section.name() + ":'" + line(here)
                    + ", but its keys " + String.join(", ", unknown) + " are those of " + fits.one() + ": "
                    + fits.many() + " go in the list under '" + fits.name() + ":'" + there);
            return true;
        }
        for (String key : unknown) {
            problem(tree.key(at + "/" + key), "'" + key + "' is not a key of " + section.one() + "; its keys: "
                    + String.join(", ", section.keys()));
        }
        return false;
    }

    /**
     * The entries of a list inside the entry being read (the sides of a conflict), each read by {@code reader};
     * while it reads one, problems of this file are that entry's. A key other than {@code keys} is a problem at
     * the key ({@code one} names such an entry): a misspelt key would otherwise be dropped in silence.
     */
    <T> List<T> each(JsonNode node, String key, String one, List<String> keys, Function<JsonNode, T> reader) {
        List<T> items = new ArrayList<>();
        String outer = at;
        JsonNode list = node.path(key);
        for (int i = 0; i < list.size(); i++) {
            at = outer + "/" + key + "/" + i;
            JsonNode item = list.get(i);
            item.fieldNames().forEachRemaining(name -> {
                if (!keys.contains(name)) {
                    problem(tree.key(at + "/" + name), "'" + name + "' is not a key of " + one + "; its keys: "
                            + String.join(", ", keys));
                }
            });
            items.add(reader.apply(item));
        }
        at = outer;
        return items;
    }

    String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(place(at), "missing '" + field + "'");
            }
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            problem(field, "'" + field + "' must be a non-empty text");
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
            problem("step", "'step' must be a whole number, 1 or more");
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
            problem(field, "'" + field + "' must be true or false, not '" + value.asText() + "'");
            return false;
        }
        return value.booleanValue();
    }

    /** A profile path (a leaf or a section) that a question fills in. */
    String field(JsonNode node) {
        String field = text(node, "field", true);
        if (field != null && ProfileSchema.leaf(field) == null && !ProfileSchema.isSection(field)) {
            problem("field", "'field' must be a profile path such as hardware.gpu or advisor, not '" + field + "'");
        }
        return field;
    }

    Recommendation.Kind kind(JsonNode node) {
        String kind = text(node, "kind", true);
        if (kind == null) {
            return null;
        }
        try {
            return Recommendation.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem("kind", "'kind' must be one of " + Arrays.toString(Recommendation.Kind.values())
                    + ", not '" + kind + "'");
            return null;
        }
    }

    /** A problem of the mapping being read, at its {@code key}'s value (else at the mapping). */
    void problem(String key, String message) {
        problem(place(at + "/" + key), message);
    }

    /** A problem of the entry of {@code id} in a list read earlier, at its {@code key}'s value (else at the entry). */
    void problem(String list, String id, String key, String message) {
        String pointer = pointers.get(list + "/" + id);
        problems.add(error(pointer == null ? null : place(pointer + "/" + key), pointer == null ? id : name(pointer),
                message));
    }

    private void problem(JsonLocation where, String message) {
        problems.add(error(where, entry, message));
    }

    private Problem error(JsonLocation where, String field, String message) {
        Place place = Place.of(where);
        return Problem.error(label, place.line(), place.column(), field, message);
    }

    /** Where the value at a pointer stands, else its key, else the nearest mapping or list it is in; null if none. */
    private JsonLocation place(String pointer) {
        if (tree == null) {
            return null;
        }
        for (String p = pointer; !p.isEmpty(); p = p.substring(0, p.lastIndexOf('/'))) {
            JsonLocation found = tree.value(p) != null ? tree.value(p) : tree.key(p);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** How problems name the entry a pointer falls in: {@code advice[3] (its-id)}; null outside any list. */
    private String name(String pointer) {
        String[] parts = pointer.split("/");
        if (parts.length < 3 || !parts[2].matches("\\d+")) {
            return null;
        }
        JsonNode id = root.path(parts[1]).path(Integer.parseInt(parts[2])).path("id");
        return parts[1] + "[" + parts[2] + "]" + (id.isValueNode() && !id.isNull() ? " (" + id.asText() + ")" : "");
    }

    private static String line(JsonLocation at) {
        return at == null ? "" : " (line " + at.getLineNr() + ")";
    }
}
