package io.github.dlcareer.advisor.cli.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.authoring.Coverage;
import io.github.dlcareer.advisor.cli.RulesOption;
import io.github.dlcareer.advisor.cli.VerboseOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code advisor rules coverage}: per document, each passage and the rules citing it, or why none does. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "For each advice document: its passages and the rules citing them, the reason a passage"
                + " is left uncited, and the paragraphs no passage quotes.")
final class RulesCoverageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Option(names = "--documents", paramLabel = "DIR",
            description = "The folder of the documents' text files. Default: ../shared/seeds when present.")
    Path documents;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path folder = documents != null ? documents : Documents.folder(null);
        List<Coverage.Document> coverage = Coverage.of(rules.read(), folder);
        if (format == Format.json) {
            json(out, coverage);
        } else {
            text(out, coverage);
        }
        out.flush();
        return 0;
    }

    private static void text(PrintWriter out, List<Coverage.Document> coverage) {
        for (Coverage.Document doc : coverage) {
            out.printf(Locale.ROOT, "%s (%s): %d passages, %d cited, %d uncited with a reason, %d neither%s%n",
                    doc.source().title(), doc.source().id(), doc.passages().size(), doc.cited(),
                    doc.uncitedWithReason(), doc.uncovered(),
                    doc.gaps() == null ? "" : "; " + doc.gaps().size() + " paragraphs quote no passage");
            for (Coverage.PassageUse use : doc.passages()) {
                String status = !use.citedBy().isEmpty() ? "cited by " + String.join("; ", use.citedBy())
                        : use.passage().uncited() != null ? "uncited: " + use.passage().uncited()
                        : "NOT CITED, and no reason given";
                out.printf("  %-40s %s%n", use.passage().id(), status);
            }
            if (doc.gaps() != null) {
                for (Coverage.Gap gap : doc.gaps()) {
                    out.printf("  paragraph at line %d quotes no passage: %s%n", gap.line(), gap.text());
                }
            }
            out.println();
        }
    }

    private static void json(PrintWriter out, List<Coverage.Document> coverage) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
            for (Coverage.Document doc : coverage) {
                json.writeStartObject();
                json.writeStringField("source", doc.source().id());
                json.writeStringField("title", doc.source().title());
                json.writeStringField("file", doc.source().file());
                json.writeArrayFieldStart("passages");
                for (Coverage.PassageUse use : doc.passages()) {
                    json.writeStartObject();
                    json.writeStringField("id", use.passage().id());
                    json.writeStringField("section", use.passage().section());
                    json.writeStringField("quote", use.passage().quote());
                    json.writeArrayFieldStart("citedBy");
                    for (String rule : use.citedBy()) {
                        json.writeString(rule);
                    }
                    json.writeEndArray();
                    json.writeStringField("uncited", use.passage().uncited());
                    json.writeEndObject();
                }
                json.writeEndArray();
                if (doc.gaps() != null) {
                    json.writeArrayFieldStart("paragraphsWithoutPassage");
                    for (Coverage.Gap gap : doc.gaps()) {
                        json.writeStartObject();
                        json.writeNumberField("line", gap.line());
                        json.writeStringField("text", gap.text());
                        json.writeEndObject();
                    }
                    json.writeEndArray();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        out.println();
    }
}
