package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Recommendation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Writes {@link Advice} as the JSON of the output contract, field by field, in a fixed order. */
public final class AdviceJson {

    private static final JsonFactory JSON = new JsonFactory();

    /**
     * The parts of a recommendation that come from the catalogues — its text and its citations — are the same
     * in every advice, so on one line they are serialised once and copied after (the JSON of a batch is
     * mostly these). Bounded: a rules reload brings new instances and the old ones are dropped with the map.
     */
    private static final int FRAGMENTS = 20_000;
    private static final Map<Object, String> fragments = new ConcurrentHashMap<>();

    private AdviceJson() {
    }

    public static String write(Advice advice) {
        StringWriter out = new StringWriter(2048);
        write(advice, out, false);
        return out.toString();
    }

    /**
     * One advice on one line, as UTF-8 bytes followed by a newline: what a batch writes, made on the worker
     * threads so that the single writer only copies bytes.
     */
    public static byte[] line(Advice advice) {
        ByteArrayOutputStream bytes = LINE_BUFFER.get();
        bytes.reset();
        try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            write(advice, json, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bytes.write('\n');
        byte[] line = bytes.toByteArray();
        if (bytes.size() > MAX_KEPT_BUFFER) {
            LINE_BUFFER.remove(); // an outsized advice does not keep its buffer
        }
        return line;
    }

    /**
     * Each thread's buffer for {@link #line}, reused: a line of ~20 KB grown from a fresh buffer each time cost three
     * times its size in copies, for every record of a batch.
     */
    private static final ThreadLocal<ByteArrayOutputStream> LINE_BUFFER =
            ThreadLocal.withInitial(() -> new ByteArrayOutputStream(32 << 10));
    private static final int MAX_KEPT_BUFFER = 256 << 10;

    /** Writes one advice, indented when {@code pretty}, on one line otherwise. */
    public static void write(Advice advice, Writer out, boolean pretty) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            write(advice, json, pretty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Advice advice, JsonGenerator json, boolean pretty) throws IOException {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (pretty) {
            json.useDefaultPrettyPrinter();
        }
        writeObject(advice, json, pretty);
    }

    /** Writes one advice as an object where the generator stands, inside whatever it is writing. */
    static void writeObject(Advice advice, JsonGenerator json, boolean pretty) throws IOException {
        json.writeStartObject();
        json.writeStringField("profile", advice.profile());
        json.writeArrayFieldStart("recommendations");
        for (Recommendation r : advice.recommendations()) {
            json.writeStartObject();
            json.writeNumberField("rank", r.rank());
            if (pretty) {
                json.writeStringField("id", r.id());
                json.writeStringField("kind", r.kind().name());
                json.writeStringField("topic", r.topic());
                json.writeStringField("title", r.title());
                json.writeStringField("advice", r.advice());
            } else {
                json.writeRaw(fragment(new Text(r.id(), r.kind(), r.topic(), r.title(), r.advice())));
            }
            json.writeNumberField("score", r.score());
            strings(json, "because", r.because());
            strings(json, "why", r.why());
            if (pretty) {
                citations(json, r.citations());
            } else {
                json.writeArrayFieldStart("citations");
                for (Citation c : r.citations()) {
                    json.writeRawValue(fragment(c));
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        strings(json, "plan", advice.plan());
        json.writeArrayFieldStart("conflicts");
        for (Advice.Conflict c : advice.conflicts()) {
            json.writeStartObject();
            json.writeStringField("id", c.id());
            json.writeStringField("title", c.title());
            json.writeArrayFieldStart("sides");
            for (Advice.Side side : c.sides()) {
                json.writeStartObject();
                json.writeStringField("advice", side.advice());
                json.writeStringField("position", side.position());
                json.writeBooleanField("given", side.given());
                citations(json, side.citations());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("questions");
        for (Advice.Question q : advice.questions()) {
            json.writeStartObject();
            json.writeStringField("id", q.id());
            json.writeStringField("field", q.field());
            json.writeStringField("text", q.text());
            strings(json, "affects", q.affects());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    /** The catalogue text of a recommendation, as a key for its fragment. */
    private record Text(String id, Recommendation.Kind kind, String topic, String title, String advice) {
    }

    /** The JSON of a citation (an object), or of a recommendation's text (fields after "rank", comma first). */
    private static String fragment(Object part) {
        String fragment = fragments.get(part);
        if (fragment != null) {
            return fragment;
        }
        StringWriter text = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            if (part instanceof Citation c) {
                json.writeStartObject();
                citationFields(json, c);
                json.writeEndObject();
            } else {
                Text t = (Text) part;
                json.writeStartObject();
                json.writeNumberField("rank", 0); // only for the generator's context; cut below
                json.writeStringField("id", t.id());
                json.writeStringField("kind", t.kind().name());
                json.writeStringField("topic", t.topic());
                json.writeStringField("title", t.title());
                json.writeStringField("advice", t.advice());
                json.writeEndObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fragment = part instanceof Citation ? text.toString()
                : text.toString().substring("{\"rank\":0".length(), text.toString().length() - 1);
        if (fragments.size() > FRAGMENTS) {
            fragments.clear();
        }
        fragments.put(part, fragment);
        return fragment;
    }

    private static void citationFields(JsonGenerator json, Citation c) throws IOException {
        json.writeStringField("passage", c.passage());
        json.writeStringField("source", c.source());
        json.writeStringField("title", c.title());
        json.writeStringField("author", c.author());
        json.writeStringField("section", c.section());
        json.writeStringField("quote", c.quote());
    }

    private static void citations(JsonGenerator json, List<Citation> citations) throws IOException {
        json.writeArrayFieldStart("citations");
        for (Citation c : citations) {
            json.writeStartObject();
            citationFields(json, c);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void strings(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
