package io.github.dlcareer.advisor.internal.profile;

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

    /** The profile with the {@code --what-if} changes: problems name {@code --what-if} as their source. */
    public static Profile apply(Profile profile, Map<String, String> changes) {
        return apply(profile, changes, "--what-if");
    }

    /** The profile with the changes; {@code source} names them in problems. */
    public static Profile apply(Profile profile, Map<String, String> changes, String source) {
        ObjectNode tree = ProfileJson.tree(profile);
        List<Problem> problems = new ArrayList<>();
        for (Map.Entry<String, String> change : changes.entrySet()) {
            ProfileSchema.Leaf leaf = ProfileSchema.leaf(change.getKey());
            if (leaf == null || "id".equals(change.getKey())) {
                problems.add(Problem.error(source, 0, 0, change.getKey(), "not a profile field"
                        + ProfileSchema.didYouMean(change.getKey())));
                continue;
            }
            ProfileJson.set(tree, change.getKey(), value(leaf, change.getValue().strip()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidProfileException(problems, profile.id());
        }
        try (var parser = tree.traverse()) {
            parser.nextToken();
            return ProfileParser.parse(parser, source, true, new ArrayList<>());
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
        if (leaf.kind() != ProfileSchema.Kind.WORDS) {
            return ProfileJson.typed(leaf.kind(), text);
        }
        var list = nodes.arrayNode();
        for (String word : text.split(",")) {
            if (!word.isBlank()) {
                list.add(word.strip());
            }
        }
        return list;
    }
}
