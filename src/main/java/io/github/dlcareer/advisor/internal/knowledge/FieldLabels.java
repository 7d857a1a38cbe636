package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Kind;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Leaf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code fields.yaml}: how each fact of a profile reads to the person ("you have no GPU"), for "Why", and under
 * {@code findings:} how what the rules derive reads ({@link FindingLabels}). Checked against the profile format
 * as it is read: every field has a label, a field with named values (an enum, true or false) words each value,
 * and a number, a list or a text has a template with {@value #VALUE}. A rules folder without the file uses the
 * bundled field labels, which word the profile format the code defines, and labels no finding: findings are
 * its rules' own.
 */
public final class FieldLabels {

    public static final String FILE = "fields.yaml";
    static final String VALUE = "{value}";
    /** The template of a number or a list for the values not worded one by one; {@code none} words an empty list. */
    private static final String OTHER = "other";
    private static final String NONE = "none";
    /** The section of the findings' labels. */
    private static final String FINDINGS = "findings";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}]*}");
    private static volatile FieldLabels bundled;

    /** One field's words: a text per value worded on its own (the key as {@link #key} makes it), a template for the rest. */
    record Label(Map<String, String> named, String other) {
    }

    /** A text of the file, where it is, and where its key is (the field's, or the value's it words). */
    private record Text(String text, JsonLocation at, JsonLocation key) {
    }

    /** One field's entry as written: a template, or a text per value. */
    private record Entry(JsonLocation at, Text template, Map<String, Text> values) {
    }

    /** By leaf index. */
    private final Label[] labels;
    private final FindingLabels findings;

    FieldLabels(List<Label> labels, FindingLabels findings) {
        this(labels.toArray(Label[]::new), findings);
    }

    private FieldLabels(Label[] labels, FindingLabels findings) {
        this.labels = labels;
        this.findings = findings;
    }

    /** Each field's label, by leaf index (null: a field without a label, a problem already). */
    List<Label> byLeaf() {
        return Arrays.asList(labels);
    }

    /** The labels of a rules folder (the bundled ones when it has none), adding every problem found to {@code problems}. */
    public static FieldLabels read(RulesFiles files, List<Problem> problems) {
        Path file = files.folder().resolve(FILE);
        return Files.exists(file) ? new Checker(files.where(FILE), problems).read(file)
                : new FieldLabels(bundled().labels, FindingLabels.NONE);
    }

    private static FieldLabels bundled() {
        if (bundled == null) {
            List<Problem> problems = new ArrayList<>();
            RulesFiles files = RulesFiles.bundled();
            FieldLabels labels = new Checker(files.where(FILE), problems).read(files.folder().resolve(FILE));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("the bundled " + FILE + " is not right: " + problems);
            }
            bundled = labels;
        }
        return bundled;
    }

    /** The labels of the findings the rules derive. */
    public FindingLabels findings() {
        return findings;
    }

    /** The facts ({@code path = value}, as the engine quotes them) in the person's words, in their order. */
    public List<String> why(List<String> facts, Profile profile) {
        List<String> why = new ArrayList<>(facts.size());
        for (String fact : facts) {
            int equals = fact.indexOf(" = ");
            Leaf leaf = equals < 0 ? null : ProfileSchema.leaf(fact.substring(0, equals));
            Object value = leaf == null ? null : leaf.getter().apply(profile);
            why.add(value == null ? fact : say(leaf, value));
        }
        return why;
    }

    /** A known value of a field in the person's words. */
    public String say(Leaf leaf, Object value) {
        Label label = labels[leaf.index()];
        String named = label.named().get(key(value));
        return named != null ? named : label.other().replace(VALUE, shown(leaf, value));
    }

    /** How a value is looked up among the values worded one by one. */
    private static String key(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() ? NONE : OTHER;
        }
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    }

    /** A value as {@value #VALUE} shows it: a list as "vision, bio", a country by its English name. */
    private static String shown(Leaf leaf, Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (leaf.kind() == Kind.COUNTRY) {
            String name = new Locale("", value.toString()).getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() ? value.toString() : name;
        }
        return String.valueOf(value);
    }

    /** Reads the file and reports, at its line and column, each label that is missing or not right. */
    private static final class Checker {
        /** Made when a file is read: labels read back from stored knowledge need no YAML parser. */
        private static final YAMLFactory YAML = new YAMLFactory();
        private final String source;
        private final List<Problem> problems;
        /** Where {@code labels:} is, for the fields left without a label. */
        private JsonLocation labelsAt;

        Checker(String source, List<Problem> problems) {
            this.source = source;
            this.problems = problems;
        }

        FieldLabels read(Path file) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            FindingLabels findings;
            try (JsonParser yaml = YAML.createParser(Files.readString(file))) {
                findings = entries(yaml, entries);
            } catch (JsonProcessingException e) {
                problem(e.getLocation(), null, "broken YAML: " + e.getOriginalMessage().lines().findFirst().orElse("").strip());
                return new FieldLabels(new Label[0], FindingLabels.NONE); // not one problem per field on top
            } catch (IOException e) {
                problem(null, null, "cannot be read: " + e.getMessage());
                return new FieldLabels(new Label[0], FindingLabels.NONE);
            }
            Label[] labels = new Label[ProfileSchema.size()];
            entries.forEach((path, entry) -> {
                Leaf leaf = ProfileSchema.leaf(path);
                if (leaf != null) {
                    labels[leaf.index()] = label(leaf, entry);
                } else if (ProfileSchema.isSection(path)) {
                    problem(entry.at(), path, "is a section of the profile, not a field: label each of its fields"
                            + " (such as " + path + "." + firstField(path) + ")");
                } else {
                    problem(entry.at(), path, "is not a field of the profile" + ProfileSchema.didYouMean(path));
                }
            });
            for (Leaf leaf : ProfileSchema.leaves()) {
                if (!entries.containsKey(leaf.path())) {
                    problem(labelsAt, leaf.path(), "has no label: every field of the profile needs one, " + needs(leaf));
                }
            }
            return new FieldLabels(labels, findings);
        }

        /**
         * The entries under {@code labels:}, each with where it is (a repeated one is a problem), and the labels
         * under {@code findings:}.
         */
        private FindingLabels entries(JsonParser yaml, Map<String, Entry> entries) throws IOException {
            FindingLabels findings = FindingLabels.NONE;
            if (yaml.nextToken() != JsonToken.START_OBJECT) {
                problem(yaml.currentTokenLocation(), null, "expected a YAML mapping with 'labels:' at the top of the file");
                return findings;
            }
            while (yaml.nextToken() == JsonToken.FIELD_NAME) {
                String key = yaml.currentName();
                JsonLocation at = yaml.currentTokenLocation();
                yaml.nextToken();
                if (key.equals(FINDINGS)) {
                    findings = FindingLabels.read(yaml, source, problems);
                    continue;
                }
                if (yaml.currentToken() != JsonToken.START_OBJECT || !key.equals("labels")) {
                    problem(at, null, key.equals("labels") ? "expected under 'labels:' one label per profile field"
                            : "'" + key + "' is not part of this file: the labels go under 'labels:' and '" + FINDINGS + ":'");
                    yaml.skipChildren();
                    continue;
                }
                labelsAt = at;
                while (yaml.nextToken() == JsonToken.FIELD_NAME) {
                    String path = yaml.currentName();
                    JsonLocation where = yaml.currentTokenLocation();
                    Entry entry = entry(yaml, path, where);
                    if (entry != null && entries.putIfAbsent(path, entry) != null) {
                        problem(where, path, "is labelled twice");
                    }
                }
            }
            return findings;
        }

        /** One field's entry, its value being the parser's next token; null (and a problem) when it is neither form. */
        private Entry entry(JsonParser yaml, String path, JsonLocation at) throws IOException {
            JsonToken token = yaml.nextToken();
            if (token.isScalarValue()) {
                return new Entry(at, new Text(yaml.getText(), yaml.currentTokenLocation(), at), null);
            }
            if (token != JsonToken.START_OBJECT) {
                problem(at, path, "expected a label, or a label for each value");
                yaml.skipChildren();
                return null;
            }
            Map<String, Text> values = new LinkedHashMap<>();
            while (yaml.nextToken() == JsonToken.FIELD_NAME) {
                String value = yaml.currentName();
                JsonLocation where = yaml.currentTokenLocation();
                if (!yaml.nextToken().isScalarValue()) {
                    problem(where, path, "the label of " + value + " must be a text");
                    yaml.skipChildren();
                } else if (values.putIfAbsent(value, new Text(yaml.getText(), yaml.currentTokenLocation(), where)) != null) {
                    problem(where, path, "the value " + value + " is labelled twice");
                }
            }
            return new Entry(at, null, values);
        }

        /** A field's label checked against its kind of value. */
        private Label label(Leaf leaf, Entry entry) {
            String path = leaf.path();
            boolean named = leaf.kind() == Kind.ENUM || leaf.kind() == Kind.BOOLEAN;
            if (entry.values() == null) {
                if (named) {
                    problem(entry.at(), path, "needs a label for each of its values: " + String.join(", ", values(leaf)));
                    return null;
                }
                return new Label(Map.of(), template(path, entry.template()));
            }
            if (!named && leaf.kind() != Kind.WORDS && !isNumber(leaf)) {
                problem(entry.at(), path, "needs one label with " + VALUE + " (it is " + leaf.expected() + ")");
                return null;
            }
            Map<String, String> words = new LinkedHashMap<>();
            String other = null;
            boolean hasOther = false;
            for (Map.Entry<String, Text> e : entry.values().entrySet()) {
                String key = named ? constant(leaf, e.getKey()) : e.getKey().strip().toLowerCase(Locale.ROOT);
                Text text = e.getValue();
                if (!named && key.equals(OTHER)) {
                    other = template(path, text);
                    hasOther = true;
                } else if (named && key == null || !named && !fits(leaf, key)) {
                    problem(text.key(), path, "'" + e.getKey() + "' is not a value of this field; "
                            + (named ? "its values: " + String.join(", ", values(leaf))
                            : isNumber(leaf) ? "give a whole number, or 'other'" : "give 'none' or 'other'"));
                } else {
                    if (named && text.text().contains(VALUE)) {
                        problem(text.at(), path, VALUE + " would show " + key + " as the code writes it: word the value");
                    }
                    words.put(isNumber(leaf) ? String.valueOf(Integer.parseInt(key)) : key, fixed(path, text));
                }
            }
            if (named) {
                values(leaf).stream().filter(v -> !words.containsKey(v)).forEach(v ->
                        problem(entry.at(), path, "has no label for the value " + v));
            } else if (!hasOther) {
                problem(entry.at(), path, "needs 'other', a label with " + VALUE + " for the values not named");
            }
            return new Label(Map.copyOf(words), other);
        }

        /** A template: a text with {@value #VALUE}, and no other place holder. */
        private String template(String path, Text text) {
            String checked = fixed(path, text);
            if (checked != null && !checked.contains(VALUE)) {
                problem(text.at(), path, "the label must show the value: put " + VALUE + " where it goes");
            }
            return checked;
        }

        /** A text said as it is: not empty, and with no place holder but {@value #VALUE}; null (and a problem) if not. */
        private String fixed(String path, Text text) {
            String words = text.text().strip();
            if (words.isEmpty()) {
                problem(text.at(), path, "the label is empty");
                return null;
            }
            String unknown = PLACEHOLDER.matcher(words).results().map(m -> m.group())
                    .filter(p -> !p.equals(VALUE)).findFirst().orElse(null);
            if (unknown != null) {
                problem(text.at(), path, unknown + " is no place holder: only " + VALUE + " is filled in");
                return null;
            }
            return words;
        }

        /** The value a key names (case does not count, as in a profile), as {@link #key} writes it; or null. */
        private static String constant(Leaf leaf, String key) {
            return values(leaf).stream().filter(v -> v.equalsIgnoreCase(key.strip())).findFirst().orElse(null);
        }

        /** The values of an enum or a yes-or-no field, as {@link #key} writes them. */
        private static List<String> values(Leaf leaf) {
            return leaf.kind() == Kind.BOOLEAN ? List.of("true", "false")
                    : Arrays.stream(leaf.values().getEnumConstants()).map(Enum::name).toList();
        }

        private static boolean isNumber(Leaf leaf) {
            return leaf.kind() == Kind.SKILL || leaf.kind() == Kind.COUNT || leaf.kind() == Kind.RANK
                    || leaf.kind() == Kind.RATIO;
        }

        /** Whether a key of a number's or a list's labels names one of its values. */
        private static boolean fits(Leaf leaf, String key) {
            return leaf.kind() == Kind.WORDS ? key.equals(NONE) : key.matches("\\d{1,9}");
        }

        /** What the label of a field must be, for the problem of a missing one. */
        private static String needs(Leaf leaf) {
            return leaf.kind() == Kind.ENUM || leaf.kind() == Kind.BOOLEAN
                    ? "a label for each of " + String.join(", ", values(leaf))
                    : "a label with " + VALUE + " (the value is " + leaf.expected() + ")";
        }

        private static String firstField(String section) {
            return ProfileSchema.leaves().stream().map(Leaf::path).filter(p -> p.startsWith(section + "."))
                    .findFirst().map(p -> p.substring(section.length() + 1)).orElse("");
        }

        private void problem(JsonLocation at, String field, String message) {
            problems.add(Problem.error(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    field, message));
        }
    }
}
