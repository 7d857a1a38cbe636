package io.github.dlcareer.advisor.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A profile with some fields set to other values, validated like any profile: {@code hardware.gpu=OWN},
 * {@code skills.math=4}, {@code interests.domains=bio,vision}, {@code advisor.allowsInternships=} (unknown).
 */
public final class ProfileEdit {

    private ProfileEdit() {
    }

    public static Profile apply(Profile profile, Map<String, String> changes) {
        ObjectNode tree = ProfileJson.tree(profile);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            ProfileSchema.Leaf leaf = ProfileSchema.leaf(change.getKey());
            if (leaf == null || "id".equals(change.getKey())) {
                List<String> similar = ProfileSchema.similarPaths(change.getKey());
                problems.add(Problem.error("--what-if", 0, 0, change.getKey(), "not a profile field"
                        + (similar.isEmpty() ? "" : "; did you mean " + String.join(" or ", similar) + "?")));
                continue;
            }
            set(tree, change.getKey(), value(leaf, change.getValue().strip()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems, profile.id());
        }
        try (var parser = tree.traverse()) {
            parser.nextToken();
            return ProfileParser.parse(parser, "--what-if", true, new ArrayList<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a value as the field expects it; an empty text makes the field unknown. */
    private static JsonNode value(ProfileSchema.Leaf leaf, String text) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (text.isEmpty()) {
            return nodes.nullNode();
        }
        return switch (leaf.kind()) {
            case SKILL, COUNT, RANK, RATIO -> {
                try {
                    yield nodes.numberNode(Integer.parseInt(text));
                } catch (NumberFormatException e) {
                    yield nodes.textNode(text); // validation says what was expected
                }
            }
            case BOOLEAN -> "true".equalsIgnoreCase(text) ? nodes.booleanNode(true)
                    : "false".equalsIgnoreCase(text) ? nodes.booleanNode(false) : nodes.textNode(text);
            case WORDS -> {
                var list = nodes.arrayNode();
                for (String word : text.split(",")) {
                    if (!word.isBlank()) {
                        list.add(word.strip());
                    }
                }
                yield list;
            }
            default -> nodes.textNode(text);
        };
    }

    private static void set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }
}
