package io.github.dlcareer.advisor.internal.profile;

import io.github.dlcareer.advisor.Printable;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Kind;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema.Leaf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one profile from a JSON or YAML token stream, validating as it goes against {@link ProfileSchema}.
 * It does not stop at the first problem: every wrong value is reported with its line, column and path, and
 * skipped, so one run shows the person everything to fix.
 */
public final class ProfileParser {

    /**
     * How deep a profile may nest. A profile has 3 levels (the profile, a section such as interests, a
     * sub-section such as interests.roles or a list); a JSON array of profiles in a batch adds one. The rest is
     * room for unknown fields, which are skipped; far below Jackson's default of 1,000, which lets a few KB of
     * brackets cost a thousand nested contexts before anything is said.
     */
    static final int MAX_DEPTH = 10;

    /**
     * The longest text or field name the tokenizer holds, in characters: the default size limit of a profile
     * (1 MiB). No value of a profile comes near it (see {@link ProfileSchema#MAX_TEXT_LENGTH}); it bounds
     * what one token of a stream of profiles (a batch's JSON array) can make the parser hold.
     */
    static final int MAX_TOKEN_LENGTH = 1 << 20;

    /**
     * At most this many problems are held and reported for one profile; the others are counted, and one last
     * problem says how many more there were. A profile of a few KB has a handful; a hostile one of 1 MiB
     * of unknown fields would otherwise print a hundred thousand lines.
     */
    static final int MAX_PROBLEMS = 50;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(MAX_TOKEN_LENGTH)
            .maxNameLength(MAX_TOKEN_LENGTH)
            .build();

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .streamReadConstraints(LIMITS)
            .build();
    static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(LIMITS)
            .build();

    /**
     * The longest line of a YAML profile, in characters. SnakeYAML's reader copies what it has not consumed
     * each time it reads 1,024 more characters, so a run of characters without a space or a line break costs
     * the square of its length (a 1 MiB line: seconds, and gigabytes of garbage); a line bound keeps the cost
     * linear. A profile's longest value is 200 characters, and a whole profile written in flow style on one
     * line is about 2,000.
     */
    static final int MAX_YAML_LINE = 10_000;

    /** The longest unknown field name shown in a problem; a longer one is cut. */
    private static final int MAX_SHOWN_NAME = 100;

    private final String source;
    private final boolean strict;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();
    /** Every problem found, the held ones and those over {@link #MAX_PROBLEMS}. */
    private int found;
    private boolean errors;
    private boolean idProblem;
    private Problem firstOmitted;

    private ProfileParser(String source, boolean strict) {
        this.source = source;
        this.strict = strict;
    }

    /** Parses a whole document; YAML when {@code yaml}, JSON otherwise. Warnings go into {@code warnings}. */
    public static Profile parse(String text, String source, boolean yaml, boolean strict, List<Problem> warnings) {
        ProfileParser reader = new ProfileParser(source, strict);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte-order mark: skipped, as YAML does
        }
        if (yaml && reader.longLine(text)) {
            return reader.finish(warnings);
        }
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(text)) {
            try {
                JsonToken first = parser.nextToken();
                if (first == null) {
                    reader.error(parser, null, "the file is empty; expected a profile with at least an id");
                } else {
                    reader.readProfile(parser);
                    if (parser.nextToken() != null) {
                        reader.error(parser, null, yaml
                                ? "a second YAML document; a profile file holds one profile"
                                : "unexpected content after the profile; expected one object");
                    }
                }
            } catch (JsonProcessingException e) {
                reader.syntax(e, parser);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader.finish(warnings);
    }

    /**
     * Parses the object the parser stands on (its current token), leaving it on the object's end, and
     * returns the profile; for readers of many profiles in one stream.
     */
    public static Profile parse(JsonParser parser, String source, boolean strict, List<Problem> warnings) {
        ProfileParser reader = new ProfileParser(source, strict);
        try {
            reader.readProfile(parser);
        } catch (JsonProcessingException e) {
            reader.syntax(e, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader.finish(warnings);
    }

    /** Whether a line of the text is longer than {@link #MAX_YAML_LINE}; if so, an error says which. */
    private boolean longLine(String text) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                start = i + 1;
            } else if (i - start >= MAX_YAML_LINE) {
                add(Problem.error(source, line, MAX_YAML_LINE + 1, null, String.format(Locale.ROOT,
                        "a line longer than %,d characters; a profile's lines are short (its longest value is %d"
                                + " characters)", MAX_YAML_LINE, ProfileSchema.MAX_TEXT_LENGTH)));
                return true;
            }
        }
        return false;
    }

    private Profile finish(List<Problem> warnings) {
        if (firstOmitted != null) {
            int more = found - MAX_PROBLEMS;
            String message = String.format(Locale.ROOT, "and %,d more %s, not listed (only the first %d are)",
                    more, more == 1 ? "problem" : "problems", MAX_PROBLEMS);
            problems.add(new Problem(source, firstOmitted.line(), firstOmitted.column(), null, message,
                    errors ? Problem.Severity.ERROR : Problem.Severity.WARNING));
        }
        if (errors) {
            throw new InvalidProfileException(problems, (String) values.get("id"));
        }
        warnings.addAll(problems);
        return ProfileSchema.build(values);
    }

    private void readProfile(JsonParser parser) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            if (!alias(parser, null)) {
                error(parser, null, "expected a profile object (fields such as id, skills, plans), got "
                        + read(parser));
            }
            parser.skipChildren();
            return;
        }
        readObject(parser, "");
        if (!values.containsKey("id") && !idProblem) {
            add(Problem.error(source, start.getLineNr(), start.getColumnNr(), "id",
                    "missing; every profile needs an id (a name unique within a batch)"));
        }
    }

    private void readObject(JsonParser parser, String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonToken token = parser.nextToken();
            Leaf leaf = ProfileSchema.leaf(path);
            if (alias(parser, leaf != null || ProfileSchema.isSection(path) ? path : shownPath(path))) {
                continue;
            }
            if (leaf != null) {
                readLeaf(parser, leaf, token);
            } else if (ProfileSchema.isSection(path)) {
                if (token == JsonToken.START_OBJECT) {
                    readObject(parser, path);
                } else if (token != JsonToken.VALUE_NULL) {
                    error(parser, path, "expected an object with the fields of " + path + ", got " + read(parser));
                    parser.skipChildren();
                }
            } else {
                unknown(parser, path);
                parser.skipChildren();
            }
        }
    }

    private void unknown(JsonParser parser, String path) {
        String message = "unknown field" + ProfileSchema.didYouMean(path);
        JsonLocation at = parser.currentTokenLocation();
        String shown = shownPath(path);
        add(strict
                ? Problem.error(source, at.getLineNr(), at.getColumnNr(), shown, message)
                : Problem.warning(source, at.getLineNr(), at.getColumnNr(), shown, message + " (ignored)"));
    }

    /** An unknown field's path as problems show it: control characters escaped, cut when very long. */
    private static String shownPath(String path) {
        return abbreviate(Printable.escape(path), MAX_SHOWN_NAME);
    }

    /**
     * A YAML alias ({@code *name}) where a value should be: an error. Jackson would give the anchor's name as
     * the value ({@code gpu: *OWN} read as "OWN"), which is never what was meant.
     */
    private boolean alias(JsonParser parser, String field) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            error(parser, field, "YAML aliases (*" + abbreviate(Printable.escape(parser.getText()), 40)
                    + ") are not supported; write the value out");
            return true;
        }
        return false;
    }

    private void readLeaf(JsonParser parser, Leaf leaf, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return; // an explicit null is the same as an absent field: unknown
        }
        int before = found;
        Object value = switch (leaf.kind()) {
            case TEXT -> text(parser, leaf);
            case BOOLEAN -> token.isBoolean() ? parser.getBooleanValue() : null;
            case SKILL -> whole(parser, 0, 5);
            case COUNT -> whole(parser, 0, Integer.MAX_VALUE);
            case RANK -> whole(parser, 1, Integer.MAX_VALUE);
            case RATIO -> whole(parser, 0, 100);
            case COUNTRY -> country(parser);
            case ENUM -> constant(parser, leaf);
            case WORDS -> words(parser, leaf);
        };
        if (value != null) {
            values.put(leaf.path(), value);
        } else if (found == before) {
            error(parser, leaf.path(), "expected " + leaf.expected() + ", got " + read(parser));
        }
        parser.skipChildren();
    }

    private String text(JsonParser parser, Leaf leaf) throws IOException {
        JsonToken token = parser.currentToken();
        boolean scalar = token == JsonToken.VALUE_STRING
                || ("id".equals(leaf.path()) && token == JsonToken.VALUE_NUMBER_INT);
        if (!scalar) {
            return null;
        }
        String text = parser.getText().strip();
        if (text.length() > ProfileSchema.MAX_TEXT_LENGTH) {
            error(parser, leaf.path(), String.format(Locale.ROOT,
                    "expected a text of at most %d characters, got one of %,d", ProfileSchema.MAX_TEXT_LENGTH,
                    text.length()));
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    private static Integer whole(JsonParser parser, int min, int max) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT) {
            return null;
        }
        int value = parser.getIntValue();
        return value >= min && value <= max ? value : null;
    }

    private static String country(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        String code = parser.getText().strip().toUpperCase(Locale.ROOT);
        return ProfileSchema.COUNTRIES.contains(code) ? code : null;
    }

    private static Enum<?> constant(JsonParser parser, Leaf leaf) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return null;
        }
        String name = parser.getText().strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Enum<?> constant : leaf.values().getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private List<String> words(JsonParser parser, Leaf leaf) throws IOException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> words = new ArrayList<>();
        int index = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY && token != null;
             token = parser.nextToken(), index++) {
            String field = leaf.path() + "[" + index + "]";
            if (index >= ProfileSchema.MAX_WORDS) {
                if (index == ProfileSchema.MAX_WORDS) { // said once; the rest is skipped, not held
                    error(parser, leaf.path(), "expected a list of at most " + ProfileSchema.MAX_WORDS
                            + " words, got more (the first one too many is here)");
                }
                parser.skipChildren();
            } else if (alias(parser, field)) {
                continue;
            } else if (token == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                String word = parser.getText().strip();
                if (word.length() > ProfileSchema.MAX_WORD_LENGTH) {
                    error(parser, field, String.format(Locale.ROOT, "expected a word of at most %d characters,"
                            + " got one of %,d", ProfileSchema.MAX_WORD_LENGTH, word.length()));
                } else {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            } else {
                error(parser, field, "expected a word, got " + read(parser));
                parser.skipChildren();
            }
        }
        return words;
    }

    private static String read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + abbreviate(Printable.escape(parser.getText()), 40) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> token.asString() == null ? token.name().toLowerCase(Locale.ROOT) : token.asString();
        };
    }

    /** {@code text} cut to at most {@code max} characters, with "..." at the end when cut. */
    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private void error(JsonParser parser, String field, String message) {
        JsonLocation at = parser.currentTokenLocation();
        add(Problem.error(source, at.getLineNr(), at.getColumnNr(), field, message));
    }

    private void syntax(JsonProcessingException e, JsonParser parser) {
        add(SyntaxErrors.problem(source, e, parser));
    }

    /** Holds the first {@link #MAX_PROBLEMS} problems; counts the others. */
    private void add(Problem problem) {
        found++;
        errors |= problem.isError();
        idProblem |= "id".equals(problem.field());
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else if (firstOmitted == null) {
            firstOmitted = problem;
        }
    }
}
