package io.github.dlcareer.advisor.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Recommendation;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** Writes {@link Advice} as the JSON of the output contract, field by field, in a fixed order. */
public final class AdviceJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AdviceJson() {
    }

    public static String write(Advice advice) {
        StringWriter out = new StringWriter(2048);
        write(advice, out, false);
        return out.toString();
    }

    /** Writes one advice, indented when {@code pretty}, on one line otherwise. */
    public static void write(Advice advice, Writer out, boolean pretty) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                json.useDefaultPrettyPrinter();
            }
            json.writeStartObject();
            json.writeStringField("profile", advice.profile());
            json.writeArrayFieldStart("recommendations");
            for (Recommendation r : advice.recommendations()) {
                json.writeStartObject();
                json.writeNumberField("rank", r.rank());
                json.writeStringField("id", r.id());
                json.writeStringField("kind", r.kind().name());
                json.writeStringField("topic", r.topic());
                json.writeStringField("title", r.title());
                json.writeStringField("advice", r.advice());
                json.writeNumberField("score", r.score());
                strings(json, "because", r.because());
                citations(json, r.citations());
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void citations(JsonGenerator json, List<Citation> citations) throws IOException {
        json.writeArrayFieldStart("citations");
        for (Citation c : citations) {
            json.writeStartObject();
            json.writeStringField("passage", c.passage());
            json.writeStringField("source", c.source());
            json.writeStringField("title", c.title());
            json.writeStringField("author", c.author());
            json.writeStringField("section", c.section());
            json.writeStringField("quote", c.quote());
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
