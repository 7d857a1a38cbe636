package io.github.dlcareer.advisor.internal.batch;

import io.github.dlcareer.advisor.internal.profile.ProfileJson;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.InvalidInputException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Kind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSV mapping file, read and checked: how each column's answers become profile fields. Applying it to a row
 * gives the profile as a JSON tree, which then goes through the same validation as any profile file.
 */
public final class Mapping {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");
    private static final Set<String> FIELD_KEYS = Set.of("column", "values", "default", "split", "range", "value", "empty");

    /** A threshold of a range: answers whose first number is at least {@code from} (and below the next) get value. */
    record Step(double from, JsonNode value) {
    }

    /** How one profile field is filled in. Absent optional parts are null. */
    record FieldSource(String path, Kind kind, String column, Map<String, JsonNode> values, JsonNode otherwise,
                String split, List<Step> range, JsonNode constant, JsonNode empty) {
    }

    private final String source;
    private final char delimiter;
    private final String idColumn;
    private final String idPrefix;
    private final List<FieldSource> fields;
    private final Set<String> ignored;

    private Mapping(String source, char delimiter, String idColumn, String idPrefix, List<FieldSource> fields,
                    Set<String> ignored) {
        this.source = source;
        this.delimiter = delimiter;
        this.idColumn = idColumn;
        this.idPrefix = idPrefix;
        this.fields = fields;
        this.ignored = ignored;
    }

    public static Mapping read(Path file) {
        String source = file.toString();
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(List.of(Problem.error(source, 0, 0, null, "no such mapping file")));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(List.of(Problem.error(source, line, 0, null,
                    "broken YAML: " + e.getOriginalMessage().lines().findFirst().orElse(""))));
        } catch (IOException e) {
            throw new InvalidInputException(List.of(Problem.error(source, 0, 0, null, "cannot be read: " + e.getMessage())));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(List.of(Problem.error(source, 0, 0, null,
                    "expected a mapping with 'id', 'fields' and optionally 'delimiter' and 'ignore'")));
        }
        String delimiterText = root.path("delimiter").asText(",");
        if (delimiterText.length() != 1 || delimiterText.charAt(0) > 0x7e || "\"\r\n".indexOf(delimiterText.charAt(0)) >= 0) {
            problems.add(Problem.error(source, 0, 0, "delimiter",
                    "must be one plain character such as \",\", \";\" or \"\\t\", not a quote or a line break"));
        }
        String idColumn = root.path("id").path("column").asText(null);
        if (idColumn == null) {
            problems.add(Problem.error(source, 0, 0, "id", "missing 'column': the column that identifies each row"));
        }
        String idPrefix = root.path("id").path("prefix").asText("");
        List<FieldSource> fields = new ArrayList<>();
        JsonNode declared = root.path("fields");
        if (!declared.isObject() || declared.isEmpty()) {
            problems.add(Problem.error(source, 0, 0, "fields", "expected profile paths, each with how to fill it in"));
        }
        declared.fields().forEachRemaining(e -> {
            FieldSource field = fieldSource(source, e.getKey(), e.getValue(), problems);
            if (field != null) {
                fields.add(field);
            }
        });
        Set<String> ignored = new LinkedHashSet<>();
        root.path("ignore").forEach(n -> ignored.add(n.asText()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Mapping(source, delimiterText.charAt(0), idColumn, idPrefix, List.copyOf(fields), ignored);
    }

    private static FieldSource fieldSource(String source, String path, JsonNode node, List<Problem> problems) {
        ProfileSchema.Leaf leaf = ProfileSchema.leaf(path);
        String field = "fields." + path;
        if (leaf == null || "id".equals(path)) {
            problems.add(Problem.error(source, 0, 0, field, "not a profile field" + ProfileSchema.didYouMean(path)));
            return null;
        }
        if (!node.isObject()) {
            problems.add(Problem.error(source, 0, 0, field, "expected a mapping such as {column: NAME}"));
            return null;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!FIELD_KEYS.contains(key)) {
                problems.add(Problem.error(source, 0, 0, field, "unknown key '" + key + "'; known: " + FIELD_KEYS));
            }
        });
        String column = node.path("column").asText(null);
        if (column == null && !node.has("value")) {
            problems.add(Problem.error(source, 0, 0, field, "needs a 'column' (or a 'value' for every row)"));
        }
        Map<String, JsonNode> values = new HashMap<>();
        node.path("values").fields().forEachRemaining(v -> values.put(key(v.getKey()), v.getValue()));
        String split = node.has("split") ? node.get("split").asText() : null;
        if (split != null && leaf.kind() != Kind.WORDS) {
            problems.add(Problem.error(source, 0, 0, field, "'split' is for list fields; " + path + " holds one value"));
        }
        List<Step> range = null;
        if (node.has("range")) {
            range = new ArrayList<>();
            for (JsonNode step : node.get("range")) {
                if (!step.path("from").isNumber() || !step.has("value")) {
                    problems.add(Problem.error(source, 0, 0, field, "each range step needs a number 'from' and a 'value'"));
                } else {
                    range.add(new Step(step.get("from").asDouble(), step.get("value")));
                }
            }
            range.sort((a, b) -> Double.compare(a.from(), b.from()));
        }
        return new FieldSource(path, leaf.kind(), column, values, node.get("default"), split, range, node.get("value"),
                node.get("empty"));
    }

    private static String key(String answer) {
        return answer.strip().toLowerCase(Locale.ROOT);
    }

    public char delimiter() {
        return delimiter;
    }

    public String source() {
        return source;
    }

    /** Every column the mapping reads. */
    public Set<String> columns() {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(idColumn);
        fields.stream().filter(r -> r.column() != null).forEach(r -> columns.add(r.column()));
        return columns;
    }

    public Set<String> ignored() {
        return ignored;
    }

    /** The id a row's profile gets, or null when its id cell is empty. */
    public String idOf(String[] cells, Map<String, Integer> index) {
        String id = cell(cells, index, idColumn);
        return id.isEmpty() ? null : idPrefix + id;
    }

    /** The profile of a row, as a JSON tree; {@code index} gives each column's place in the row. */
    public ObjectNode apply(String[] cells, Map<String, Integer> index) {
        ObjectNode profile = NODES.objectNode();
        String id = idOf(cells, index);
        if (id != null) {
            profile.put("id", id);
        }
        for (FieldSource field : fields) {
            JsonNode value = field.column() == null ? field.constant() : value(field, cell(cells, index, field.column()));
            if (value != null && !value.isNull()) {
                ProfileJson.set(profile, field.path(), value);
            }
        }
        return profile;
    }

    private static String cell(String[] cells, Map<String, Integer> index, String column) {
        Integer at = index.get(column);
        return at == null || at >= cells.length || cells[at] == null ? "" : cells[at].strip();
    }

    private static JsonNode value(FieldSource field, String answer) {
        if (answer.isEmpty()) {
            return field.empty();
        }
        if (field.split() == null) {
            return one(field, answer);
        }
        ArrayNode items = NODES.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (String item : answer.split(Pattern.quote(field.split()))) {
            JsonNode value = item.isBlank() ? null : one(field, item.strip());
            if (value != null && !value.isNull() && seen.add(value.asText())) {
                items.add(value);
            }
        }
        return items;
    }

    /** One answer: the value table first, then the range, then the default, else the answer itself. */
    private static JsonNode one(FieldSource field, String answer) {
        JsonNode mapped = field.values().get(key(answer));
        if (mapped != null) {
            return mapped;
        }
        if (field.range() != null) {
            Matcher m = NUMBER.matcher(answer);
            if (m.find()) {
                double number = Double.parseDouble(m.group(1)) - (answer.startsWith("<") ? 0.5 : 0);
                JsonNode value = null;
                for (Step step : field.range()) {
                    if (number >= step.from()) {
                        value = step.value();
                    }
                }
                if (value != null) {
                    return value;
                }
            }
        }
        if (field.otherwise() != null) {
            return field.otherwise();
        }
        return ProfileJson.typed(field.kind(), answer);
    }

    /** For error messages and the cohort tables: path → the column it was read from (null for a constant). */
    public Map<String, String> columnsByPath() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("id", idColumn);
        fields.forEach(r -> columns.put(r.path(), r.column()));
        return columns;
    }
}
