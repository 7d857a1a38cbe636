package io.github.dlcareer.advisor;

import io.github.dlcareer.advisor.internal.ProfileParser;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads profiles in the format of PROFILE.md, as JSON or YAML, into validated {@link Profile}s.
 *
 * <p>Immutable and thread-safe. Every problem in a profile is reported at once, each naming its line,
 * column and field; an unknown field is a warning (given to {@link #onWarning}) unless the reader is
 * {@link #strict}, when it is an error.
 *
 * <pre>{@code
 * Profile profile = ProfileReader.create().strict(true).read(Path.of("anna.yaml"));
 * }</pre>
 */
public final class ProfileReader {

    private static final Consumer<Problem> IGNORE = problem -> { };

    private final boolean strict;
    private final Consumer<Problem> warnings;

    private ProfileReader(boolean strict, Consumer<Problem> warnings) {
        this.strict = strict;
        this.warnings = warnings;
    }

    /** A lenient reader that ignores warnings. */
    public static ProfileReader create() {
        return new ProfileReader(false, IGNORE);
    }

    /** A reader that treats unknown fields as errors ({@code true}) or as warnings ({@code false}). */
    public ProfileReader strict(boolean strict) {
        return new ProfileReader(strict, warnings);
    }

    /** A reader that hands each warning (such as an ignored unknown field) to {@code sink}. */
    public ProfileReader onWarning(Consumer<Problem> sink) {
        return new ProfileReader(strict, Objects.requireNonNull(sink, "sink"));
    }

    /**
     * Reads a profile file: YAML when its name ends in {@code .yaml} or {@code .yml}, JSON when it ends in
     * {@code .json}, otherwise whichever the content looks like.
     *
     * @throws InvalidProfileException when the file cannot be read or the profile is not valid
     */
    public Profile read(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidProfileException(List.of(Problem.error(file.toString(), 0, 0, null, "no such file")));
        } catch (CharacterCodingException e) {
            throw new InvalidProfileException(List.of(Problem.error(file.toString(), 0, 0, null,
                    "not UTF-8 text; save the profile as UTF-8")));
        } catch (IOException e) {
            throw new InvalidProfileException(List.of(Problem.error(file.toString(), 0, 0, null,
                    "cannot be read: " + e.getMessage())));
        }
        return parse(text, file.toString());
    }

    /**
     * Parses a profile held in a string; {@code source} names it in problems (a file name, or e.g.
     * {@code <stdin>}). The format is chosen from the source's ending, else from the content.
     *
     * @throws InvalidProfileException when the profile is not valid
     */
    public Profile parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        List<Problem> found = new ArrayList<>();
        Profile profile = ProfileParser.parse(text, source, looksLikeYaml(text, source), strict, found);
        found.forEach(warnings);
        return profile;
    }

    private static boolean looksLikeYaml(String text, String source) {
        String name = source.toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        if (name.endsWith(".json")) {
            return false;
        }
        String start = text.stripLeading();
        return !(start.startsWith("{") || start.startsWith("["));
    }
}
