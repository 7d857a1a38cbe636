package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.WhatIf;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** {"changes": {...}, "differences": [...], "before": {advice}, "after": {advice}}, indented. */
public final class WhatIfJson {

    private static final JsonFactory JSON = new JsonFactory();

    private WhatIfJson() {
    }

    public static void write(WhatIf w, PrintWriter out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("changes");
            for (Map.Entry<String, String> change : w.changes().entrySet()) {
                json.writeStringField(change.getKey(), change.getValue());
            }
            json.writeEndObject();
            json.writeArrayFieldStart("differences");
            for (WhatIf.Difference d : w.differences()) {
                json.writeStartObject();
                json.writeStringField("id", d.id());
                json.writeStringField("change", d.change().name());
                json.writeNumberField("rankBefore", d.rankBefore());
                json.writeNumberField("rankAfter", d.rankAfter());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("before");
            AdviceJson.writeObject(w.before(), json, true);
            json.writeFieldName("after");
            AdviceJson.writeObject(w.after(), json, true);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }
}
