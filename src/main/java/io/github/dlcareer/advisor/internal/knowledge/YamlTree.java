package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML file read as a tree that remembers where each key and each value stands, by JSON pointer
 * ({@code /advice/3/kind}), so that a catalogue's problems can say {@code FILE:LINE:COL}. A key given twice in
 * one mapping is kept apart: the tree holds the last (as YAML readers do), {@link #repeated()} says where both are.
 */
final class YamlTree {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A key given a second time in one mapping, at {@code again}; its first place is {@code first}. */
    record Repeated(String key, String pointer, JsonLocation first, JsonLocation again) {
    }

    private final JsonNode root;
    private final Map<String, JsonLocation> keys;
    private final Map<String, JsonLocation> values;
    private final List<Repeated> repeated;

    private YamlTree(JsonNode root, Map<String, JsonLocation> keys, Map<String, JsonLocation> values,
                     List<Repeated> repeated) {
        this.root = root;
        this.keys = keys;
        this.values = values;
        this.repeated = repeated;
    }

    /** Reads a YAML text; broken YAML throws Jackson's exception, which says where. */
    static YamlTree parse(String text) throws IOException {
        Map<String, JsonLocation> keys = new HashMap<>();
        Map<String, JsonLocation> values = new HashMap<>();
        List<Repeated> repeated = new ArrayList<>();
        // A first pass over the tokens for the places: the tree Jackson builds keeps none.
        try (JsonParser yaml = YAML.createParser(text)) {
            for (JsonToken token = yaml.nextToken(); token != null; token = yaml.nextToken()) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                String pointer = yaml.getParsingContext().pathAsPointer().toString();
                JsonLocation at = yaml.currentTokenLocation();
                if (token == JsonToken.FIELD_NAME) {
                    JsonLocation first = keys.putIfAbsent(pointer, at);
                    if (first != null) {
                        repeated.add(new Repeated(yaml.currentName(), pointer, first, at));
                    }
                } else {
                    values.putIfAbsent(pointer, at);
                }
            }
        }
        return new YamlTree(YAML.readTree(text), keys, values, List.copyOf(repeated));
    }

    /** The tree; null for an empty file. */
    JsonNode root() {
        return root;
    }

    /** Where the key at a pointer stands (its first place when repeated); null when there is none. */
    JsonLocation key(String pointer) {
        return keys.get(pointer);
    }

    /** Where the value at a pointer starts (an entry of a list: where its mapping starts); null when there is none. */
    JsonLocation value(String pointer) {
        return values.get(pointer);
    }

    /** Every key given twice in one mapping, in the file's order. */
    List<Repeated> repeated() {
        return repeated;
    }
}
