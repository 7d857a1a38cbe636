package io.github.dlcareer.advisor.format;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dlcareer.advisor.WhatIf;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** {"changes": {...}, "differences": [...], "before": {advice}, "after": {advice}} */
public final class WhatIfJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WhatIfJson() {
    }

    public static void write(WhatIf w, PrintWriter out) {
        try {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode changes = root.putObject("changes");
            w.changes().forEach(changes::put);
            ArrayNode differences = root.putArray("differences");
            for (WhatIf.Difference d : w.differences()) {
                differences.addObject().put("id", d.id()).put("change", d.change().name())
                        .put("rankBefore", d.rankBefore()).put("rankAfter", d.rankAfter());
            }
            root.set("before", JSON.readTree(AdviceJson.write(w.before())));
            root.set("after", JSON.readTree(AdviceJson.write(w.after())));
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
