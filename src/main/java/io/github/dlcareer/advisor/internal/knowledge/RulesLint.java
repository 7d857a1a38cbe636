package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.knowledge.CatalogueFile.Place;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warnings about a rules folder that compiles but is probably not what its author meant: advice no rule gives,
 * passages nobody cites without saying why, quotes too long to be excerpts, findings matched but never derived
 * (a typo in a name, most likely), rules that recommend but never say so in their consequence; and code that no
 * advice rule needs — the system, files, the network, programs, threads, reflection, endless loops — since a rule
 * file runs with the advisor's rights.
 */
public final class RulesLint {

    /** A quote is an excerpt: one or two sentences. */
    static final int LONGEST_QUOTE = 400;

    private RulesLint() {
    }

    /**
     * What no advice rule needs, in code (comments and strings blanked first). A qualified name is matched whole,
     * so that {@code java.io.File} is one warning.
     */
    private static final Pattern NOT_NEEDED = Pattern.compile(String.join("|",
            "\\bjava\\s*\\.\\s*(?:n?io|net|lang\\s*\\.\\s*reflect|lang\\s*\\.\\s*invoke|util\\s*\\.\\s*concurrent)\\b(?:\\s*\\.\\s*[\\w$*]+)*",
            "\\bSystem\\s*\\.\\s*\\w+",
            "\\b(?:Runtime|ProcessBuilder|ProcessHandle|ClassLoader|MethodHandles?|Unsafe)\\b",
            "\\b(?:File|Files|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|FileChannel)\\b",
            "\\b(?:Socket|ServerSocket|URL|HttpClient)\\b",
            "\\b(?:Thread|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b",
            "\\bClass\\s*\\.\\s*forName\\b",
            "\\b(?:getDeclared\\w*|getMethods?|getFields?|getConstructors?|setAccessible|newInstance)\\s*\\(",
            "\\bwhile\\s*\\(\\s*true\\s*\\)",
            "\\bfor\\s*\\(\\s*;\\s*;\\s*\\)"));

    /** Uses of what no advice rule needs, each at its file, line and column, named by its rule when in one. */
    static List<Problem> notNeeded(Knowledge rules) {
        List<Problem> warnings = new ArrayList<>();
        for (Map.Entry<String, String> file : rules.drl().entrySet()) {
            String where = rules.location() + "/" + file.getKey();
            String code = Drl.blankCommentsAndStrings(file.getValue());
            Matcher m = NOT_NEEDED.matcher(code);
            int line = 1;
            int lineStart = 0;
            int scanned = 0;
            while (m.find()) {
                for (; scanned < m.start(); scanned++) {
                    if (code.charAt(scanned) == '\n') {
                        line++;
                        lineStart = scanned + 1;
                    }
                }
                String what = m.group().replaceAll("\\s+", "").replaceAll("\\($", "");
                String rule = null;
                for (RuleDescription info : rules.rules()) {
                    if (info.file().equals(where) && info.line() <= line) {
                        rule = info.name();
                    }
                }
                warnings.add(Problem.warning(where, line, m.start() - lineStart + 1, rule, (what.startsWith("while")
                        || what.startsWith("for") ? "an endless loop (" + what + ")" : "uses " + what)
                        + ", which no advice rule needs: a rule file runs as code, with the advisor's rights"
                        + " (see \"The rules folder is code\" in rules/README.md)"));
            }
        }
        return warnings;
    }

    private static Problem warning(String file, Place at, String id, String message) {
        return Problem.warning(file, at.line(), at.column(), id, message);
    }

    public static List<Problem> warnings(Knowledge rules) {
        List<Problem> warnings = new ArrayList<>(notNeeded(rules));
        String advice = rules.location() + "/" + Catalogues.ADVICE;
        String sources = rules.location() + "/" + Catalogues.SOURCES;
        String questions = rules.location() + "/" + Catalogues.QUESTIONS;
        Set<String> recommended = new HashSet<>();
        Set<String> cited = new HashSet<>();
        Set<String> asked = new HashSet<>();
        Set<String> derived = new HashSet<>();
        for (RuleDescription rule : rules.rules()) {
            if (rule.recommend() != null) {
                recommended.add(rule.recommend());
            }
            if (rule.ask() != null) {
                asked.add(rule.ask());
            }
            rule.citations().stream().map(Citation::passage).forEach(cited::add);
            derived.addAll(rule.derives());
        }
        for (RuleDescription rule : rules.rules()) {
            for (String finding : rule.allFindings()) {
                if (!derived.contains(finding)) {
                    warnings.add(Problem.warning(rule.file(), rule.line(), 0, rule.name(), "matches the finding '"
                            + finding + "', which no rule derives (a misspelled name?)"));
                }
            }
            if (rule.recommend() != null && rule.effect() == null) {
                warnings.add(Problem.warning(rule.file(), rule.line(), 0, rule.name(), "recommends "
                        + rule.recommend() + " but its consequence never calls evidence.support, evidence.weaken or evidence.ruleOut"));
            }
            if (rule.recommend() == null && rule.ask() == null && rule.derives().isEmpty()) {
                warnings.add(Problem.warning(rule.file(), rule.line(), 0, rule.name(),
                        "neither recommends, asks nor derives anything the advisor can see"));
            }
        }
        Catalogues catalogues = rules.catalogues();
        catalogues.advice().keySet().stream().filter(id -> !recommended.contains(id)).forEach(id ->
                warnings.add(warning(advice, catalogues.place("advice", id, null), id, "no rule recommends this advice")));
        catalogues.questions().keySet().stream().filter(id -> !asked.contains(id)).forEach(id ->
                warnings.add(warning(questions, catalogues.place("questions", id, null), id, "no rule asks this question")));
        for (Catalogues.Passage passage : catalogues.passages().values()) {
            if (!cited.contains(passage.id()) && passage.uncited() == null) {
                warnings.add(warning(sources, catalogues.place("passages", passage.id(), null), passage.id(),
                        "no rule cites this passage; cite it, or say why not with 'uncited: <reason>'"));
            }
            if (passage.quote() != null && passage.quote().length() > LONGEST_QUOTE) {
                warnings.add(warning(sources, catalogues.place("passages", passage.id(), "quote"), passage.id(),
                        "the quote is " + passage.quote().length() + " characters long; cite an excerpt of one or two"
                        + " sentences (at most " + LONGEST_QUOTE + ")"));
            }
        }
        return warnings;
    }
}
