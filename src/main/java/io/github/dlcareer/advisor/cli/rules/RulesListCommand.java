package io.github.dlcareer.advisor.cli.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.authoring.RulesFolder;
import io.github.dlcareer.advisor.authoring.RulesFolder.Rule;
import io.github.dlcareer.advisor.cli.RulesOption;
import io.github.dlcareer.advisor.cli.VerboseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code advisor rules list}: every rule, what it does, its weight and citations. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Every rule with what it does (recommends, asks, derives) and the passages it cites.")
final class RulesListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        RulesFolder folder = rules.read();
        if (format == Format.json) {
            try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                json.writeStartObject();
                json.writeStringField("rules", folder.location());
                json.writeArrayFieldStart("list");
                for (Rule rule : folder.rules()) {
                    json.writeStartObject();
                    json.writeStringField("rule", rule.name());
                    json.writeStringField("file", rule.file());
                    json.writeNumberField("line", rule.line());
                    json.writeStringField("recommend", rule.recommend());
                    json.writeStringField("ask", rule.ask());
                    json.writeArrayFieldStart("derives");
                    for (String finding : rule.derives()) {
                        json.writeString(finding);
                    }
                    json.writeEndArray();
                    json.writeNumberField("weight", rule.weight());
                    json.writeArrayFieldStart("citations");
                    for (Citation c : rule.citations()) {
                        json.writeStartObject();
                        json.writeStringField("passage", c.passage());
                        json.writeStringField("source", c.source());
                        json.writeStringField("section", c.section());
                        json.writeStringField("quote", c.quote());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            out.println();
        } else {
            String file = null;
            for (Rule rule : folder.rules()) {
                if (!rule.file().equals(file)) {
                    file = rule.file();
                    out.println();
                    out.println(file);
                }
                out.printf(Locale.ROOT, "  %4d  %s%n        %s%n", rule.line(), rule.name(), what(rule));
            }
            out.printf(Locale.ROOT, "%n%d rules, %d advice, %d passages, %d questions%n", folder.rules().size(),
                    folder.adviceCount(), folder.passageCount(), folder.questionCount());
        }
        out.flush();
        return 0;
    }

    private static String what(Rule rule) {
        if (rule.recommend() != null) {
            return String.format(Locale.ROOT, "recommends %s (weight %.2f), citing %s", rule.recommend(),
                    rule.weight(), String.join(", ", rule.citations().stream().map(Citation::passage).toList()));
        }
        if (rule.ask() != null) {
            return "asks " + rule.ask();
        }
        return rule.derives().isEmpty() ? "(does nothing the advisor can see)"
                : "derives " + String.join(", ", rule.derives());
    }
}
