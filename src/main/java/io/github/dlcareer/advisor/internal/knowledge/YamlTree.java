package io.github.dlcareer.advisor.internal.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * One pass over the parser's tokens builds the tree and notes the places: Jackson's own trees keep none.
 */
final class YamlTree {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A key given a second time in one mapping, at {@code again}; its first place is {@code first}. */
    record Repeated(String key, String pointer, JsonLocation first, JsonLocation again) {
    }

    private final Map<String, JsonLocation> keys = new HashMap<>();
    private final Map<String, JsonLocation> values = new HashMap<>();
    private final List<Repeated> repeated = new ArrayList<>();
    private final JsonNode root;

    private YamlTree(JsonParser yaml) throws IOException {
        root = yaml.nextToken() == null ? null : node(yaml);
    }

    /** Reads a YAML text; broken YAML throws Jackson's exception, which says where. */
    static YamlTree parse(String text) throws IOException {
        try (JsonParser yaml = YAML.createParser(text)) {
            return new YamlTree(yaml);
        }
    }

    /** The node whose first token the parser is on, each key and value placed as it is read. */
    private JsonNode node(JsonParser yaml) throws IOException {
        JsonToken token = yaml.currentToken();
        values.putIfAbsent(pointer(yaml), yaml.currentTokenLocation());
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = NODES.objectNode();
            while (yaml.nextToken() == JsonToken.FIELD_NAME) {
                String key = yaml.currentName();
                JsonLocation at = yaml.currentTokenLocation();
                JsonLocation first = keys.putIfAbsent(pointer(yaml), at);
                if (first != null) {
                    repeated.add(new Repeated(key, pointer(yaml), first, at));
                }
                yaml.nextToken();
                object.set(key, node(yaml)); // the last of a repeated key wins, as in any YAML reader
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = NODES.arrayNode();
            while (yaml.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(yaml));
            }
            return array;
        }
        return switch (token) {
            case VALUE_STRING -> NODES.textNode(yaml.getText());
            case VALUE_NUMBER_INT -> switch (yaml.getNumberType()) {
                case INT -> NODES.numberNode(yaml.getIntValue());
                case LONG -> NODES.numberNode(yaml.getLongValue());
                default -> NODES.numberNode(yaml.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(yaml.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> NODES.booleanNode(yaml.getBooleanValue());
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(yaml.getEmbeddedObject());
            default -> NODES.nullNode();
        };
    }

    private static String pointer(JsonParser yaml) {
        return yaml.getParsingContext().pathAsPointer().toString();
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
        return List.copyOf(repeated);
    }
}
