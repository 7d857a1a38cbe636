package io.github.dlcareer.advisor.internal.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.github.dlcareer.advisor.Profile;

import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** A profile back in the file format: only its known fields, nested as in the README's "The profile", in its order. */
public final class ProfileJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)); // a course named "3" stays a word

    private ProfileJson() {
    }

    /** The profile as a JSON tree. */
    public static ObjectNode tree(Profile profile) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, Object> leaf : ProfileSchema.values(profile).entrySet()) {
            Object value = leaf.getValue();
            set(root, leaf.getKey(), JSON.valueToTree(value instanceof Enum<?> e ? e.name() : value));
        }
        return root;
    }

    /** Sets a leaf of a profile tree by its path, making the sections on the way. */
    public static void set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    /**
     * One written answer typed as a field of this kind expects it where it reads as such (a number, true/yes,
     * false/no), else as text, which the profile validation then accepts or explains.
     */
    public static JsonNode typed(ProfileSchema.Kind kind, String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        switch (kind) {
            case SKILL, COUNT, RANK, RATIO -> {
                try {
                    return nodes.numberNode(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    return nodes.textNode(text);
                }
            }
            case BOOLEAN -> {
                String answer = text.toLowerCase(Locale.ROOT);
                return answer.equals("true") || answer.equals("yes") ? nodes.booleanNode(true)
                        : answer.equals("false") || answer.equals("no") ? nodes.booleanNode(false) : nodes.textNode(text);
            }
            default -> {
                return nodes.textNode(text);
            }
        }
    }

    /** The profile as one line of JSON. */
    public static String write(Profile profile) {
        return write(JSON, profile);
    }

    /** The profile as a YAML file, without a document start marker, quoting only what must be. */
    public static String yaml(Profile profile) {
        return write(YAML, profile);
    }

    private static String write(ObjectMapper mapper, Profile profile) {
        try {
            return mapper.writeValueAsString(tree(profile));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
