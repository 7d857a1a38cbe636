package io.github.dlcareer.advisor.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON Lines (one profile per line, parsed on the worker threads), or a JSON array of profiles (parsed as it is
 * read, since its records have no line boundaries to cut at). Blank lines are not records.
 */
public final class JsonSource implements RecordSource {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final BufferedReader reader;
    private final String name;
    private long line;
    private Boolean array;
    private JsonParser arrayParser;

    public JsonSource(Reader reader, String name) {
        this.reader = reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
        this.name = name;
    }

    @Override
    public List<Raw> next(int max) throws IOException {
        if (array == null) {
            array = startsWithBracket();
            if (array) {
                arrayParser = ProfileParser.JSON.createParser(reader);
                arrayParser.nextToken();
            }
        }
        return array ? nextOfArray(max) : nextLines(max);
    }

    private boolean startsWithBracket() throws IOException {
        reader.mark(1 << 16);
        int c;
        do {
            c = reader.read();
        } while (c != -1 && Character.isWhitespace(c));
        reader.reset();
        return c == '[';
    }

    private List<Raw> nextLines(int max) throws IOException {
        List<Raw> raws = new ArrayList<>(max);
        String text;
        while (raws.size() < max && (text = reader.readLine()) != null) {
            line++;
            if (!text.isBlank()) {
                raws.add(new Raw(line, text));
            }
        }
        return raws;
    }

    /** Array elements are parsed here, on the reading thread; the payload is the profile or its problems. */
    private List<Raw> nextOfArray(int max) throws IOException {
        List<Raw> raws = new ArrayList<>(max);
        while (raws.size() < max) {
            JsonToken token;
            try {
                token = arrayParser.nextToken();
            } catch (JsonProcessingException e) {
                raws.add(new Raw(e.getLocation() == null ? 0 : e.getLocation().getLineNr(), new InvalidProfileException(
                        List.of(Problem.error(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), 0, null,
                                "broken JSON; the rest of the array cannot be read: " + e.getOriginalMessage())))));
                arrayParser.close();
                return raws; // nothing more can be read after broken syntax
            }
            if (token == null || token == JsonToken.END_ARRAY) {
                break;
            }
            long at = arrayParser.currentTokenLocation().getLineNr();
            List<Problem> warnings = new ArrayList<>();
            try {
                Profile profile = ProfileParser.parse(arrayParser, name, false, warnings);
                raws.add(new Raw(at, new Parsed(profile, warnings)));
            } catch (InvalidProfileException e) {
                raws.add(new Raw(at, e));
                if (e.problems().stream().anyMatch(p -> p.message().startsWith("broken syntax"))) {
                    arrayParser.close();
                    return raws;
                }
            }
        }
        return raws;
    }

    /** An array element parsed on the reading thread, leniently; strictness is applied on the worker. */
    private record Parsed(Profile profile, List<Problem> warnings) {
    }

    @Override
    public Profile profile(Raw raw, boolean strict, List<Problem> warnings) {
        if (raw.payload() instanceof InvalidProfileException e) {
            throw e;
        }
        if (raw.payload() instanceof Parsed parsed) {
            if (strict && !parsed.warnings().isEmpty()) {
                throw new InvalidProfileException(parsed.warnings().stream()
                        .map(w -> Problem.error(w.source(), w.line(), w.column(), w.field(),
                                w.message().replace(" (ignored)", ""))).toList(), parsed.profile().id());
            }
            warnings.addAll(parsed.warnings());
            return parsed.profile();
        }
        List<Problem> found = new ArrayList<>();
        try {
            Profile profile = ProfileParser.parse((String) raw.payload(), name, false, strict, found);
            found.forEach(w -> warnings.add(atLine(w, raw.line())));
            return profile;
        } catch (InvalidProfileException e) {
            throw new InvalidProfileException(e.problems().stream().map(p -> atLine(p, raw.line())).toList(),
                    e.profileId());
        }
    }

    /** A problem found in one line's text is at that line of the file. */
    private static Problem atLine(Problem problem, long line) {
        return new Problem(problem.source(), (int) line, problem.column(), problem.field(), problem.message(),
                problem.severity());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String idOf(Raw raw) {
        if (raw.payload() instanceof String text) {
            Matcher m = ID.matcher(text);
            return m.find() ? m.group(1) : null;
        }
        return null;
    }
}
