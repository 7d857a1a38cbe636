package io.github.dlcareer.advisor.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dlcareer.advisor.Profile;

import java.io.UncheckedIOException;
import java.util.Map;

/** A profile back in the file format: only its known fields, nested as in PROFILE.md, in its order. */
public final class ProfileJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileJson() {
    }

    /** The profile as a JSON tree. */
    public static ObjectNode tree(Profile profile) {
        ObjectNode root = JSON.createObjectNode();
        for (Map.Entry<String, Object> leaf : ProfileSchema.values(profile).entrySet()) {
            String[] parts = leaf.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) {
                node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
            }
            String name = parts[parts.length - 1];
            Object value = leaf.getValue();
            node.set(name, JSON.valueToTree(value instanceof Enum<?> e ? e.name() : value));
        }
        return root;
    }

    /** The profile as one line of JSON. */
    public static String write(Profile profile) {
        try {
            return JSON.writeValueAsString(tree(profile));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
