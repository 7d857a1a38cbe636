package io.github.dlcareer.advisor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dlcareer.advisor.Advisor;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Explanation;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.ProfileReader;
import io.github.dlcareer.advisor.format.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code advisor explain FILE ADVICE_ID}: how a recommendation came about, or why it did not. */
@Command(name = "explain",
        mixinStandardHelpOptions = true,
        description = "How a recommendation came about for a profile (the rules for and against it, the facts each"
                + " matched, the weights and how they combine) or, when it was not given, why not (each rule's"
                + " conditions, the facts it looked at, the unknown facts that could let it fire).")
final class ExplainCommand implements Callable<Integer> {

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The profile.")
    Path file;

    @Parameters(index = "1", paramLabel = "ADVICE_ID", description = "The advice id, e.g. buy-a-gpu (see rules list).")
    String adviceId;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json.")
    Format format;

    @Mixin
    RulesOption rules;

    @Mixin
    VerboseOption verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Profile profile = ProfileReader.create().onWarning(err::println).read(file);
        Explanation explanation;
        try {
            Advisor advisor = rules.advisor();
            explanation = advisor.explain(profile, adviceId);
        } catch (IllegalArgumentException e) {
            err.println("advisor explain: " + TextReport.safe(e.getMessage()));
            return ExitCodes.INVALID_INPUT;
        }
        if (format == Format.json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(explanation));
        } else {
            text(explanation, profile.id(), out);
        }
        out.flush();
        return 0;
    }

    /** Where a rule is written: {@code FILE:LINE}, or {@code FILE row N} for a row of a decision table. */
    private static String place(String file, int line) {
        String name = file.toLowerCase(Locale.ROOT);
        return safe(file) + (name.endsWith(".csv") || name.endsWith(".xlsx") ? " row " : ":") + line;
    }

    /** The explanation for a person to read; every text made {@link TextReport#safe}. */
    private static void text(Explanation e, String person, PrintWriter out) {
        out.printf(Locale.ROOT, "%s (%s) for %s: %s%n", safe(e.title()), safe(e.advice()), safe(person),
                e.given() ? String.format(Locale.ROOT, "given, score %.2f", e.score()) : "not given");
        if (!e.fired().isEmpty()) {
            out.println();
            out.println("Rules that fired:");
            for (Explanation.Fired f : e.fired()) {
                // Against with certainty 1 is a rule-out: nothing that supports the advice can outweigh it.
                String role = f.supports() ? "supports" : f.weight() >= 1 ? "rules it out" : "weakens";
                out.printf(Locale.ROOT, "  %s %s  (%s, %s, weight %.2f)%n", f.supports() ? "+" : "-", safe(f.rule()),
                        place(f.file(), f.line()), role, f.weight());
                if (!f.why().isEmpty()) {
                    out.println("      facts: " + safe(f.why(), "; "));
                }
                out.println("      cites: " + safe(f.citations().stream().map(Citation::passage).toList(), ", "));
            }
            out.println();
            out.println("How the score combines: " + safe(e.combination()));
        }
        if (!e.notFired().isEmpty()) {
            out.println();
            out.println(e.given() ? "Rules for it that did not fire:" : "Why not: the rules that could give it did not fire:");
            for (Explanation.NotFired n : e.notFired()) {
                out.printf(Locale.ROOT, "  %s  (%s, weight %.2f)%n", safe(n.rule()), place(n.file(), n.line()), n.weight());
                n.conditions().forEach(c -> out.println("      when  " + safe(c)));
                if (!n.factsInWords().isEmpty()) {
                    out.println("      known: " + safe(n.factsInWords(), "; "));
                }
                if (!n.missingFindings().isEmpty()) {
                    out.println("      needs what was not found: " + safe(n.missingFindings(), ", "));
                }
                if (!n.blockingFindings().isEmpty()) {
                    out.println("      blocked by what was found: " + safe(n.blockingFindings(), ", "));
                }
                if (!n.unknown().isEmpty()) {
                    out.println("      unknown, and could let it fire: " + safe(n.unknown(), ", "));
                }
            }
        }
    }

    private static String safe(String text) {
        return TextReport.safe(text);
    }

    /** The texts joined with {@code separator}, each made safe: a line break inside one shows as \n. */
    private static String safe(List<String> texts, String separator) {
        return String.join(separator, texts.stream().map(TextReport::safe).toList());
    }
}
