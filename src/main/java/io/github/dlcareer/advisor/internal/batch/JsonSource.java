package io.github.dlcareer.advisor.internal.batch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dlcareer.advisor.internal.profile.ProfileParser;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON Lines (one profile per line), or a JSON array of profiles when the input starts with {@code [}. Either
 * way records are cut here, byte by byte and bounded in size, and parsed on the worker threads. An array
 * element is cut by its brackets alone, so a record with broken syntax inside is rejected by itself and the
 * records after it are still read; only a break in the array itself (a missing comma, an early end) ends it.
 */
public final class JsonSource implements RecordSource {

    private static final JsonFactory JSON = new JsonFactory();

    private final ByteInput input;
    private final String name;
    private boolean started;
    private boolean array;
    private boolean afterElement;
    private boolean ended;

    public JsonSource(InputStream in, String name) {
        this.input = new ByteInput(in);
        this.name = name;
    }

    @Override
    public List<Raw> next(int maxRecords, long maxBytes, int maxRecordSize) throws IOException {
        if (!started) {
            started = true;
            skipWhitespace();
            if (input.peek() == '[') {
                input.read();
                array = true;
            }
        }
        List<Raw> raws = new ArrayList<>();
        long bytes = 0;
        while (!ended && raws.size() < maxRecords && bytes < maxBytes) {
            Raw raw = array ? element(maxRecordSize) : line(maxRecordSize);
            if (raw != null) {
                raws.add(raw);
                bytes += raw.size();
            }
        }
        return raws;
    }

    /** The next line that is not blank, or null. Only {@code \n} ends a line; a {@code \r} before it is dropped. */
    private Raw line(int limit) throws IOException {
        long at = input.line();
        int column = input.column();
        input.startRecord(limit);
        int previous = -1;
        int b;
        while ((b = input.read()) != -1 && b != '\n') {
            input.append(b);
            previous = b;
        }
        if (b == -1) {
            ended = true;
        } else if (previous == '\r') {
            input.unappend();
        }
        if (!input.overLimit() && input.recordIsBlank()) {
            return null;
        }
        return cut(at, column, limit);
    }

    /** The next element of the array, a refusal when the array is broken, or null after its end. */
    private Raw element(int limit) throws IOException {
        skipWhitespace();
        int b = input.peek();
        if (b == ',' && afterElement) {
            input.read();
            afterElement = false;
            skipWhitespace();
            b = input.peek();
        }
        if (b == -1) {
            return broken("the input ends before the array is closed with ]; is the file cut short?");
        }
        if (b == ']') {
            input.read(); // a comma before the closing bracket is let pass: nothing is lost by it
            skipWhitespace();
            return input.peek() == -1 ? end() : broken("unexpected content after the array's closing ]");
        }
        if (afterElement) {
            return broken("expected a comma or ] between two records, got " + shown(b)
                    + "; the rest of the array cannot be read");
        }
        long at = input.line();
        int column = input.column();
        input.startRecord(limit);
        boolean complete = scanValue();
        afterElement = true;
        if (input.recordSize() == 0) {
            input.read(); // the stray comma
            afterElement = false;
            return refused(at, column, "expected a profile before this comma", null);
        }
        if (!complete) {
            ended = true;
            return refused(at, column, "the input ends inside this record; is the file cut short?",
                    input.overLimit() ? null : Ids.recover(lenient()));
        }
        return cut(at, column, limit);
    }

    /**
     * Gathers one JSON value, tracking strings and brackets only: the parser on the worker judges the rest.
     * Returns whether the value was complete (not cut off by the end of the input).
     */
    private boolean scanValue() throws IOException {
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int b = input.peek(); b != -1; b = input.peek()) {
            if (!inString && depth == 0 && (b == ',' || b == ']')) {
                return true;
            }
            input.append(input.read());
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth <= 0) {
                return true;
            }
        }
        return !inString && depth == 0;
    }

    private void skipWhitespace() throws IOException {
        for (int b = input.peek(); b == ' ' || b == '\t' || b == '\n' || b == '\r'; b = input.peek()) {
            input.read();
        }
    }

    private Raw end() {
        ended = true;
        return null;
    }

    /** The array is broken here: one refusal, and the end of the input. */
    private Raw broken(String message) {
        ended = true;
        return refused(input.line(), input.column(), message, null);
    }

    private Raw refused(long line, int column, String message, String id) {
        return new Raw(line, column, new Refused(Problem.error(name, (int) line, column, null, message), id), 0);
    }

    /** The record gathered, as text; or refused when it is over the limit or not UTF-8. */
    private Raw cut(long at, int column, int limit) {
        if (input.overLimit()) {
            return refused(at, column, Limits.tooLong(input.recordSize(), limit), Ids.recover(lenient()));
        }
        try {
            String text = input.recordText();
            return new Raw(at, column, text, text.length());
        } catch (ByteInput.BadUtf8 e) {
            long[] where = input.locate(e.offset, at, column);
            return refused(where[0], (int) where[1], Limits.notUtf8(input.recordBytes()[e.offset]),
                    Ids.recover(lenient()));
        }
    }

    private String lenient() {
        return new String(input.recordBytes(), 0, input.recordLength(), StandardCharsets.UTF_8);
    }

    private static String shown(int b) {
        return b >= 0x21 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02X", b);
    }

    @Override
    public Profile profile(Raw raw, boolean strict, List<Problem> warnings) {
        String text = (String) raw.payload();
        List<Problem> found = new ArrayList<>();
        try {
            Profile profile = ProfileParser.parse(text, name, false, strict, found);
            found.forEach(w -> warnings.add(RecordSource.located(w, name, raw, text)));
            return profile;
        } catch (InvalidProfileException e) {
            throw new InvalidProfileException(e.problems().stream()
                    .map(p -> RecordSource.located(p, name, raw, text)).toList(), e.profileId());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String idOf(Raw raw) {
        return raw.payload() instanceof String text ? Ids.recover(text) : null;
    }

    @Override
    public Function<Raw, Map<String, String>> keeper(List<String> columns) {
        return raw -> raw.payload() instanceof String text ? topLevel(text, columns) : RecordSource.unknown(columns);
    }

    /**
     * The named top-level fields of a JSON object, as text: a string's value, a number or boolean as written, an
     * object or list as compact JSON; null when absent or null. A record broken further on keeps what came before.
     */
    static Map<String, String> topLevel(String text, List<String> columns) {
        Map<String, String> values = RecordSource.unknown(columns);
        Set<String> found = new HashSet<>();
        try (JsonParser parser = JSON.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return values;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (values.containsKey(field) && found.add(field)) { // a repeated field: the first one counts
                    values.put(field, text(parser, value));
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // broken syntax: the fields read before it are kept, the record's error says what broke
        }
        return values;
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isScalarValue()) {
            return parser.getText();
        }
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(json)) {
            generator.copyCurrentStructure(parser);
        }
        return json.toString();
    }
}
