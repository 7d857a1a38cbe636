package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.profile.ProfileEdit;
import io.github.dlcareer.advisor.internal.profile.ProfileJson;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Leaf;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The fields of a profile, for programs that ask for them or store them: every {@link ProfileField} in the order of
 * the README's "The profile", a profile changed by answers written as text, and a profile written back in the file
 * format (YAML or JSON, read again by {@link ProfileReader}).
 *
 * <pre>{@code
 * for (ProfileField field : ProfileFields.all(profile)) {
 *     System.out.println(field.path() + " (" + field.kind() + "): " + field.value());
 * }
 * Profile answered = ProfileFields.apply(profile, Map.of("hardware.gpu", "own"), "form");
 * }</pre>
 */
public final class ProfileFields {

    /** The longest text value (an id, an industry), in characters: 200. */
    public static final int MAX_TEXT_LENGTH = ProfileSchema.MAX_TEXT_LENGTH;

    private static final List<ProfileField> FIELDS = ProfileSchema.leaves().stream()
            .map(leaf -> field(leaf, null)).toList();

    private ProfileFields() {
    }

    /** Every field of the format, in its order, without values. */
    public static List<ProfileField> all() {
        return FIELDS;
    }

    /** Every field of the format, in its order, with its value in {@code profile} (null where unknown). */
    public static List<ProfileField> all(Profile profile) {
        Objects.requireNonNull(profile, "profile");
        return ProfileSchema.leaves().stream().map(leaf -> field(leaf, leaf.getter().apply(profile))).toList();
    }

    /** The field at {@code path} (such as {@code skills.math}), without a value; empty when there is none. */
    public static Optional<ProfileField> find(String path) {
        Leaf leaf = ProfileSchema.leaf(Objects.requireNonNull(path, "path"));
        return leaf == null ? Optional.empty() : Optional.of(FIELDS.get(leaf.index()));
    }

    /**
     * {@code profile} with some fields set from answers written as text and validated like any profile: a number
     * as digits, {@code yes} or {@code no} (or true, false), a choice in any case ({@code own}), a list as words
     * separated by commas ({@code bio,vision}); an empty answer makes the field unknown. The id cannot be changed.
     *
     * @param answers answers by field path, such as {@code Map.of("hardware.gpu", "own")}
     * @param source  names the answers in problems, such as {@code form}
     * @throws InvalidProfileException naming each answer whose path is not a field, or whose value does not fit
     *                                 it, and what was expected
     */
    public static Profile apply(Profile profile, Map<String, String> answers, String source) {
        return ProfileEdit.apply(Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(answers,
                "answers"), Objects.requireNonNull(source, "source"));
    }

    /** The profile as a YAML file: its known fields only, in the format's order. */
    public static String toYaml(Profile profile) {
        return ProfileJson.yaml(Objects.requireNonNull(profile, "profile"));
    }

    /** The profile as one line of JSON: its known fields only, in the format's order. */
    public static String toJson(Profile profile) {
        return ProfileJson.write(Objects.requireNonNull(profile, "profile"));
    }

    private static ProfileField field(Leaf leaf, Object value) {
        List<String> choices = switch (leaf.kind()) {
            case BOOLEAN -> List.of("yes", "no");
            case ENUM -> Arrays.stream(leaf.values().getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT)).toList();
            default -> List.of();
        };
        String kind = switch (leaf.kind()) {
            case BOOLEAN -> "yes or no";
            case ENUM -> "one of " + String.join(", ", choices);
            case WORDS -> "words separated by commas";
            default -> leaf.expected();
        };
        return new ProfileField(leaf.path(), kind, type(leaf), choices, value);
    }

    private static Class<?> type(Leaf leaf) {
        return switch (leaf.kind()) {
            case TEXT, COUNTRY -> String.class;
            case BOOLEAN -> Boolean.class;
            case SKILL, COUNT, RANK, RATIO -> Integer.class;
            case WORDS -> List.class;
            case ENUM -> leaf.values();
        };
    }
}
