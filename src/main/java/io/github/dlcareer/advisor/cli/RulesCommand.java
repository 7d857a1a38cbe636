package io.github.dlcareer.advisor.cli;

import io.github.dlcareer.advisor.internal.knowledge.Description;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.authoring.Coverage;
import io.github.dlcareer.advisor.internal.knowledge.RuleInfo;
import io.github.dlcareer.advisor.internal.compile.RulesCompiler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code advisor rules ...}: look into the knowledge base. */
@Command(name = "rules",
        mixinStandardHelpOptions = true,
        description = "List the rules, or show how much of each advice document they cover.",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class, RulesCommand.ListRules.class,
                RulesCommand.CoverageReport.class})
final class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name a subcommand: check, test, list or coverage");
    }

    enum Format { text, json }

    /** The documents' folder: the one given, else ../shared/seeds; null when it is not a folder. */
    static Path documents(Path given) {
        Path folder = given != null ? given : Path.of("..", "shared", "seeds");
        return Files.isDirectory(folder) ? folder : null;
    }

    /** The rules folder of {@code rules check|test [DIR]}: the argument, else ./rules. */
    static Path folder(Path given) {
        return given != null ? given : Path.of("rules");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile each rule file on its own and report every error as FILE:LINE:COL: message,"
                    + " check every quote against its document, then lint warnings (advice no rule gives, passages"
                    + " never cited, misspelled findings, code no advice rule needs, ...).",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {" 0:no errors (warnings may be printed)", " 1:errors"})
    static final class Check implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "DIR", arity = "0..1", description = "The rules folder (default: ./rules).")
        Path dir;

        @Option(names = "--rules", paramLabel = "DIR", description = "The rules folder, as the other commands take it.")
        void rules(Path folder) {
            dir = folder;
        }

        @Option(names = "--documents", paramLabel = "DIR",
                description = "The folder of the documents' text files, to check every quote of sources.yaml against"
                        + " (a quote not found is an error). Default: ../shared/seeds when present.")
        Path documents;

        @Mixin
        VerboseOption verbose;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Path seen = documents(documents);
            List<io.github.dlcareer.advisor.Problem> problems = RulesCompiler.check(folder(dir), seen);
            problems.forEach(out::println);
            if (seen == null) {
                out.println("the quotes were not checked against the documents: "
                        + (documents != null ? documents + " is not a folder" : "../shared/seeds is not there")
                        + " (give the folder with --documents DIR)");
            }
            long errors = problems.stream().filter(io.github.dlcareer.advisor.Problem::isError).count();
            out.printf("%d %s, %d %s%n", errors, errors == 1 ? "error" : "errors", problems.size() - errors,
                    problems.size() - errors == 1 ? "warning" : "warnings");
            out.flush();
            return errors == 0 ? 0 : Main.FAILURE;
        }
    }

    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the YAML rule scenarios against the rules and print a pass/fail table, with what was"
                    + " expected and what came for each failure.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {" 0:every scenario passed", " 1:a scenario failed or could not be read, or the rules are broken"})
    static final class Test implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Parameters(paramLabel = "DIR", arity = "0..1", description = "The rules folder (default: ./rules).")
        Path dir;

        @Option(names = "--rules", paramLabel = "DIR", description = "The rules folder, as the other commands take it.")
        void rules(Path folder) {
            dir = folder;
        }

        @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "examples/scenarios",
                description = "The folder of scenarios (default: examples/scenarios).")
        Path scenarios;

        @Mixin
        VerboseOption verbose;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            io.github.dlcareer.advisor.Advisor advisor = io.github.dlcareer.advisor.Advisor.builder().rules(folder(dir)).build();
            if (!Files.isDirectory(scenarios)) {
                spec.commandLine().getErr().println(scenarios + ": no such folder of scenarios");
                return Main.INVALID_INPUT;
            }
            int passed = 0;
            int failed = 0;
            for (io.github.dlcareer.advisor.authoring.Scenarios.Scenario scenario
                    : io.github.dlcareer.advisor.authoring.Scenarios.read(scenarios)) {
                List<String> failures = scenario.problem() != null ? List.of(scenario.problem().message())
                        : io.github.dlcareer.advisor.authoring.Scenarios.check(scenario, advisor.advise(scenario.profile()));
                if (failures.isEmpty()) {
                    passed++;
                    out.printf("PASS  %s%n", scenario.name());
                } else {
                    failed++;
                    out.printf("FAIL  %s  (%s)%n", scenario.name(), scenario.file());
                    failures.forEach(f -> out.printf("        %s%n", f));
                }
            }
            out.printf("%n%d passed, %d failed%n", passed, failed);
            out.flush();
            return failed == 0 ? 0 : Main.FAILURE;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every rule with what it does (recommends, asks, derives) and the passages it cites.")
    static final class ListRules implements java.util.concurrent.Callable<Integer> {

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
            Description description = rules.description();
            if (format == Format.json) {
                try (JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
                    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    json.writeStartObject();
                    json.writeStringField("rules", description.location());
                    json.writeArrayFieldStart("list");
                    for (RuleInfo rule : description.rules()) {
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
                for (RuleInfo rule : description.rules()) {
                    if (!rule.file().equals(file)) {
                        file = rule.file();
                        out.println();
                        out.println(file);
                    }
                    out.printf(Locale.ROOT, "  %4d  %s%n        %s%n", rule.line(), rule.name(), what(rule));
                }
                out.printf(Locale.ROOT, "%n%d rules, %d advice, %d passages, %d questions%n", description.rules().size(),
                        description.catalog().advice().size(), description.catalog().passages().size(),
                        description.catalog().questions().size());
            }
            out.flush();
            return 0;
        }

        private static String what(RuleInfo rule) {
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

    @Command(name = "coverage", mixinStandardHelpOptions = true,
            description = "For each advice document: its passages and the rules citing them, the reason a passage"
                    + " is left uncited, and the paragraphs no passage quotes.")
    static final class CoverageReport implements java.util.concurrent.Callable<Integer> {

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
            Description description = rules.description();
            Path folder = documents != null ? documents : documents(null);
            List<Coverage.Document> coverage = Coverage.of(description, folder);
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
}
