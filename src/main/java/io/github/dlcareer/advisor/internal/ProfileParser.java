package io.github.dlcareer.advisor.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.internal.ProfileSchema.Kind;
import io.github.dlcareer.advisor.internal.ProfileSchema.Leaf;

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

    static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    static final YAMLFactory YAML = YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String source;
    private final boolean strict;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Object> values = new HashMap<>();

    private ProfileParser(String source, boolean strict) {
        this.source = source;
        this.strict = strict;
    }

    /** Parses a whole document; YAML when {@code yaml}, JSON otherwise. Warnings go into {@code warnings}. */
    public static Profile parse(String text, String source, boolean yaml, boolean strict, List<Problem> warnings) {
        ProfileParser reader = new ProfileParser(source, strict);
        try (JsonParser parser = (yaml ? YAML : JSON).createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                reader.error(parser, null, "the file is empty; expected a profile with at least an id");
            } else {
                reader.readProfile(parser);
                if (parser.nextToken() != null && !yaml) {
                    reader.error(parser, null, "unexpected content after the profile; expected one object");
                }
            }
        } catch (JsonProcessingException e) {
            reader.syntax(e);
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
            reader.syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reader.finish(warnings);
    }

    private Profile finish(List<Problem> warnings) {
        if (problems.stream().anyMatch(Problem::isError)) {
            throw new InvalidProfileException(problems, (String) values.get("id"));
        }
        warnings.addAll(problems);
        return ProfileSchema.build(values);
    }

    private void readProfile(JsonParser parser) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            error(parser, null, "expected a profile object (fields such as id, skills, plans), got "
                    + describe(parser));
            parser.skipChildren();
            return;
        }
        readObject(parser, "");
        if (!values.containsKey("id") && problems.stream().noneMatch(p -> "id".equals(p.field()))) {
            problems.add(Problem.error(source, start.getLineNr(), start.getColumnNr(), "id",
                    "missing; every profile needs an id (a name unique within a batch)"));
        }
    }

    private void readObject(JsonParser parser, String prefix) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            JsonToken token = parser.nextToken();
            Leaf leaf = ProfileSchema.leaf(path);
            if (leaf != null) {
                readLeaf(parser, leaf, token);
            } else if (ProfileSchema.isSection(path)) {
                if (token == JsonToken.START_OBJECT) {
                    readObject(parser, path);
                } else if (token != JsonToken.VALUE_NULL) {
                    error(parser, path, "expected an object with the fields of " + path + ", got " + describe(parser));
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
        problems.add(strict
                ? Problem.error(source, at.getLineNr(), at.getColumnNr(), path, message)
                : Problem.warning(source, at.getLineNr(), at.getColumnNr(), path, message + " (ignored)"));
    }

    private void readLeaf(JsonParser parser, Leaf leaf, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NULL) {
            return; // an explicit null is the same as an absent field: unknown
        }
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
        } else if (problems.isEmpty() || !leaf.path().equals(problems.get(problems.size() - 1).field())) {
            error(parser, leaf.path(), "expected " + leaf.expected() + ", got " + describe(parser));
        }
        parser.skipChildren();
    }

    private static String text(JsonParser parser, Leaf leaf) throws IOException {
        JsonToken token = parser.currentToken();
        boolean scalar = token == JsonToken.VALUE_STRING
                || ("id".equals(leaf.path()) && token == JsonToken.VALUE_NUMBER_INT);
        if (!scalar) {
            return null;
        }
        String text = parser.getText().strip();
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
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken(), index++) {
            if (token == JsonToken.VALUE_STRING && !parser.getText().isBlank()) {
                words.add(parser.getText().strip().toLowerCase(Locale.ROOT));
            } else {
                error(parser, leaf.path() + "[" + index + "]", "expected a word, got " + describe(parser));
                parser.skipChildren();
            }
        }
        return words;
    }

    private static String describe(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + abbreviate(parser.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getText();
            case VALUE_TRUE, VALUE_FALSE -> parser.getText();
            default -> token.asString() == null ? token.name().toLowerCase(Locale.ROOT) : token.asString();
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private void error(JsonParser parser, String field, String message) {
        JsonLocation at = parser.currentTokenLocation();
        problems.add(Problem.error(source, at.getLineNr(), at.getColumnNr(), field, message));
    }

    private void syntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        String message = e.getOriginalMessage();
        int cut = message.indexOf("\n at [Source");
        problems.add(Problem.error(source, line, column, null,
                "broken syntax: " + (cut > 0 ? message.substring(0, cut) : message).strip()));
    }
}
