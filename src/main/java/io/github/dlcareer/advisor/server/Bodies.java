package io.github.dlcareer.advisor.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.github.dlcareer.advisor.InvalidProfileException;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Request bodies, read defensively: JSON only (415 otherwise), at most {@link AdvisorServer#MAX_BODY} bytes (413,
 * decided from the Content-Length before anything is read, else after reading one byte more than the limit),
 * strict UTF-8, and a profile validated by {@link ProfileReader} with every problem at its line and column in
 * the body as sent.
 */
final class Bodies {

    /** Jackson's own limits (nesting depth 1000, ...) hold for the wrapper; the profile has the reader's. */
    private static final JsonFactory JSON = new JsonFactory();
    private static final ProfileReader READER = ProfileReader.create().maxSize(AdvisorServer.MAX_BODY);
    /** The name problems give a profile; its ending makes the reader parse JSON. */
    private static final String SOURCE = "profile.json";

    /** How much of a body over the limit is read before it is refused (see {@link #tooLarge}). */
    private static final int DRAIN_LIMIT = 4 * AdvisorServer.MAX_BODY;

    private Bodies() {
    }

    /** The body as text, when it is JSON (or, where {@code yamlToo}, YAML) and within the size limit. */
    static String text(Context ctx, boolean yamlToo) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        String media = type.split(";", 2)[0].strip();
        boolean json = media.equals("application/json") || media.endsWith("+json");
        boolean yaml = media.equals("application/yaml") || media.equals("text/yaml") || media.equals("application/x-yaml");
        if (!json && !(yamlToo && yaml)) {
            throw ApiException.of(415, null, "the body must be JSON, sent with Content-Type: application/json"
                    + (yamlToo ? " (or YAML, with application/yaml)" : "") + (media.isEmpty() ? "" : ", not " + media));
        }
        long declared = ctx.req().getContentLengthLong();
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            if (declared > AdvisorServer.MAX_BODY) {
                throw tooLarge(in, declared);
            }
            bytes = in.readNBytes(AdvisorServer.MAX_BODY + 1);
            if (bytes.length > AdvisorServer.MAX_BODY) {
                throw tooLarge(in, declared);
            }
        } catch (IOException e) {
            throw ApiException.of(400, null, "the body could not be read: " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.of(400, null, "the body is not UTF-8 text");
        }
    }

    /**
     * A body over the limit, refused. Up to {@value #DRAIN_LIMIT} bytes of it are read and dropped first: a client
     * still sending when the answer and the connection's close come gets a reset, not the 413 (seen in tests). A
     * body declared larger than that is refused at once.
     */
    private static ApiException tooLarge(InputStream in, long declared) {
        if (declared <= DRAIN_LIMIT) { // -1: not declared (chunked)
            byte[] dropped = new byte[8192];
            try {
                for (long left = DRAIN_LIMIT; left > 0; ) {
                    int n = in.read(dropped, 0, (int) Math.min(dropped.length, left));
                    if (n < 0) {
                        break;
                    }
                    left -= n;
                }
            } catch (IOException e) {
                // the answer is the same: the body is too large
            }
        }
        return ApiException.of(413, null, String.format(Locale.ROOT,
                "the body is larger than the limit of %,d bytes (%d KiB); a profile is a few KB",
                AdvisorServer.MAX_BODY, AdvisorServer.MAX_BODY / 1024));
    }

    /** The body as a profile: JSON (YAML too where {@code yamlToo} and the Content-Type says so). */
    static Profile profile(Context ctx, boolean yamlToo) {
        String text = text(ctx, yamlToo);
        String type = String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT);
        return READER.parse(text, type.contains("yaml") ? "profile.yaml" : SOURCE);
    }

    /** A profile and the changes to try on it: {@code {"profile": {...}, "changes": {"field": value}}}. */
    record WhatIfRequest(Profile profile, Map<String, String> changes) {
    }

    static WhatIfRequest whatIf(Context ctx) {
        String text = text(ctx, false);
        Profile profile = null;
        Map<String, String> changes = null;
        try (JsonParser json = JSON.createParser(text)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw problem(json.currentTokenLocation(), null,
                        "expected an object: {\"profile\": {...}, \"changes\": {\"field\": value}}");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                    case "profile" -> profile = member(text, json);
                    case "changes" -> changes = changes(json);
                    default -> throw problem(json.currentTokenLocation(), name,
                            "not a member of a what-if request: it has \"profile\" and \"changes\"");
                }
            }
            if (json.nextToken() != null) {
                throw problem(json.currentTokenLocation(), null, "more after the request's object");
            }
        } catch (JsonProcessingException e) {
            throw problem(e.getLocation(), null, e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.of(400, null, "the body could not be read: " + e.getMessage());
        }
        if (profile == null || changes == null) {
            throw ApiException.of(400, profile == null ? "profile" : "changes",
                    "missing: a what-if request has \"profile\" (an object) and \"changes\" (field paths to values)");
        }
        return new WhatIfRequest(profile, changes);
    }

    /** The profile at the parser's current object, read from its own text so that problems point into the body. */
    private static Profile member(String text, JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw problem(json.currentTokenLocation(), "profile", "expected a profile object");
        }
        JsonLocation start = json.currentTokenLocation();
        json.skipChildren();
        int from = (int) start.getCharOffset();
        int to = (int) json.currentLocation().getCharOffset();
        try {
            return READER.parse(text.substring(from, to), SOURCE);
        } catch (InvalidProfileException e) {
            throw new InvalidProfileException(e.problems().stream().map(p -> shift(p, start)).toList());
        }
    }

    /** A problem found in a member's text, at its place in the whole body. */
    private static Problem shift(Problem p, JsonLocation start) {
        if (p.line() == 0) {
            return p;
        }
        int column = p.line() == 1 && p.column() > 0 ? p.column() + start.getColumnNr() - 1 : p.column();
        return new Problem(p.source(), p.line() + start.getLineNr() - 1, column, p.field(), p.message(), p.severity());
    }

    /** {@code {"hardware.gpu": "own", "skills.math": 4, "interests.domains": ["bio"], "job.status": null}}. */
    private static Map<String, String> changes(JsonParser json) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw problem(json.currentTokenLocation(), "changes", "expected an object of field paths to values");
        }
        Map<String, String> changes = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_ARRAY) {
                StringJoiner words = new StringJoiner(",");
                while (json.nextToken().isScalarValue()) {
                    words.add(json.getText());
                }
                if (json.currentToken() != JsonToken.END_ARRAY) {
                    throw problem(json.currentTokenLocation(), field, "expected a list of words");
                }
                changes.put(field, words.toString());
            } else if (value == JsonToken.VALUE_NULL) {
                changes.put(field, ""); // unknown
            } else if (value.isScalarValue()) {
                changes.put(field, json.getText());
            } else {
                throw problem(json.currentTokenLocation(), field, "expected a value: text, a number, yes/no or a list");
            }
        }
        return changes;
    }

    private static ApiException problem(JsonLocation at, String field, String message) {
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        return new ApiException(400, List.of(Problem.error("request", line, column, field, message)));
    }
}
