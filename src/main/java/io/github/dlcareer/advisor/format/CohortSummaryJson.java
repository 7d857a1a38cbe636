package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** The cohort summary as JSON (pretty-printed): the counts, the repeated ids, then each kind of count, ranked. */
public final class CohortSummaryJson {

    private CohortSummaryJson() {
    }

    /** Writes {@code summary} of a batch that took {@code seconds}; {@code out} is left open. */
    public static void write(CohortSummary summary, Writer out, double seconds) {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartObject();
            json.writeNumberField("read", summary.read());
            json.writeNumberField("advised", summary.advised());
            json.writeNumberField("rejected", summary.rejected());
            json.writeNumberField("seconds", Math.round(seconds * 1000) / 1000.0);
            DuplicateIds ids = summary.ids();
            json.writeObjectFieldStart("duplicateIds");
            json.writeNumberField("records", ids.duplicates());
            json.writeArrayFieldStart("first");
            for (String id : ids.first()) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeNumberField("unchecked", ids.unchecked());
            json.writeEndObject();
            counts(json, "recommendations", summary.recommendations());
            counts(json, "topics", summary.topics());
            counts(json, "kinds", summary.kinds());
            counts(json, "redFlags", summary.redFlags());
            counts(json, "questions", summary.questions());
            counts(json, "rejections", summary.rejections());
            if (summary.groups() != null) {
                by(json, summary);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {"field", "groups": [{"group", "read", "advised", "rejected", "recommendations": [{"id", "title", "records",
     * "share"}], "redFlags": [...], "questions": [...]}]}: largest group first, shares of its advised records.
     */
    private static void by(JsonGenerator json, CohortSummary summary) throws IOException {
        CohortSummaryGroups groups = summary.groups();
        json.writeObjectFieldStart("by");
        json.writeStringField("field", groups.field());
        json.writeArrayFieldStart("groups");
        for (CohortSummaryGroups.Group group : groups.ranked()) {
            json.writeStartObject();
            json.writeStringField("group", group.label());
            json.writeNumberField("read", group.read());
            json.writeNumberField("advised", group.advised());
            json.writeNumberField("rejected", group.rejected());
            shares(json, "recommendations", group.recommendations(), group.advised(), summary);
            shares(json, "redFlags", group.redFlags(), group.advised(), summary);
            shares(json, "questions", group.questions(), group.advised(), summary);
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void shares(JsonGenerator json, String name, Map<String, Long> counts, long of,
                               CohortSummary summary) throws IOException {
        json.writeArrayFieldStart(name);
        for (Map.Entry<String, Long> e : CohortSummary.ranked(counts)) {
            json.writeStartObject();
            json.writeStringField("id", e.getKey());
            json.writeStringField("title", summary.title(e.getKey()));
            json.writeNumberField("records", e.getValue());
            json.writeNumberField("share", of == 0 ? 0 : Math.round(10_000.0 * e.getValue() / of) / 10_000.0);
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void counts(JsonGenerator json, String name, List<Map.Entry<String, Long>> ranked)
            throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Long> e : ranked) {
            json.writeNumberField(e.getKey(), e.getValue());
        }
        json.writeEndObject();
    }
}
