package io.github.dlcareer.advisor;

import java.util.List;
import java.util.Objects;

/**
 * One field of a profile (a leaf of the README's "The profile"), described for a person who fills it in (an
 * interview, a web form) and for a program that stores it (a column): where it sits, what it holds, the answers
 * it allows, and its value in one profile. {@link ProfileFields} lists them, in the format's order.
 *
 * @param path    where it sits in a profile file, such as {@code education.level}
 * @param kind    what it holds, in plain words: "yes or no", "a whole number from 0 (none) to 5 (expert)",
 *                "words separated by commas", "one of high_school, bachelors, masters, phd"...
 * @param type    the type of its value: {@code String}, {@code Boolean}, {@code Integer}, {@code List} (of words)
 *                or one of {@link Profile}'s enums
 * @param choices the answers allowed, as a person types them ({@code yes}, {@code no}; {@code high_school},
 *                {@code bachelors}...), when they are a fixed set; else empty
 * @param value   its value in the profile it was read from: a String, Boolean, Integer, unmodifiable List of
 *                words or enum constant; null when unknown, or when the field was listed without a profile
 */
public record ProfileField(String path, String kind, Class<?> type, List<String> choices, Object value) {

    public ProfileField {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
    }
}
