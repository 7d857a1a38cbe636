package io.github.dlcareer.advisor.internal.compile;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.knowledge.Drl;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.internal.knowledge.RulesFiles;
import org.kie.api.builder.Message;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' compiler messages as problems of the rules folder: each at its DRL file, line and column (found in the
 * DRL when Drools does not say), named by the rule it falls in, and worded without the generated code's noise.
 */
final class CompilerMessages {

    private static final Pattern WORD = Pattern.compile("[A-Za-z_$][\\w$]*");
    /** The wording of Drools' messages, never the culprit. */
    private static final Set<String> MESSAGE_WORDS = Set.of("unknown", "field", "class", "method", "type",
            "variable", "the", "for", "cannot", "resolved", "unable", "rule", "error", "undefined", "not", "and",
            "with", "are", "arguments", "applicable", "expression", "parse", "invalid");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("Unknown field (\\w+) on class ([\\w.$]+)");

    private final RulesFiles files;
    private final List<RuleDescription> rules;

    /** @param rules the rules being compiled, to name the rule a message falls in */
    CompilerMessages(RulesFiles files, List<RuleDescription> rules) {
        this.files = files;
        this.rules = rules;
    }

    /**
     * A compiler message as a problem, or null for a heading Drools adds to the real error (reported on its own).
     *
     * @param file the DRL file the message names (null: none), by its path in the rules folder
     * @param drl  the DRL files compiled together, by path, with their text
     */
    Problem problem(Message message, String file, Map<String, String> drl) {
        String text = message.getText().strip();
        if (text.startsWith("Java source of ") && text.endsWith("in error:")) {
            return null;
        }
        int line = message.getLine();
        int column = message.getColumn();
        if (file == null || line <= 0) {
            Located located = locate(text, file == null ? drl : Map.of(file, drl.get(file)));
            if (located != null) {
                file = located.file();
                line = located.line();
                column = located.column();
            } else {
                line = 0;
                column = 0;
            }
        }
        return Problem.error(file == null ? files.label() : files.where(file), line, column, ruleAt(file, line),
                readable(text));
    }

    private record Located(String file, int line, int column) {
    }

    /**
     * Drools' messages about types and fields often carry no line (it says -1): find the rarest word of the
     * message that the DRL's code contains (such as the misspelled field) and report where it stands.
     * Comments and strings are blanked first, so that prose never matches.
     */
    private static Located locate(String message, Map<String, String> drl) {
        Map<String, String> code = new LinkedHashMap<>();
        drl.forEach((file, text) -> code.put(file, Drl.blankCommentsAndStrings(text)));
        Located best = null;
        int bestCount = Integer.MAX_VALUE;
        Matcher words = WORD.matcher(message);
        while (words.find()) {
            String word = words.group();
            if (word.length() < 3 || MESSAGE_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                continue;
            }
            Pattern whole = Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
            int count = 0;
            Located first = null;
            for (Map.Entry<String, String> file : code.entrySet()) {
                Matcher m = whole.matcher(file.getValue());
                while (m.find()) {
                    count++;
                    if (first == null) {
                        first = at(file.getKey(), file.getValue(), m.start());
                    }
                }
            }
            if (count > 0 && count < bestCount) {
                best = first;
                bestCount = count;
            }
        }
        return best;
    }

    private static Located at(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Located(file, line, offset - lineStart + 1);
    }

    /** The rule a line of a file falls in: the last one starting at or before it. */
    private String ruleAt(String file, int line) {
        if (file == null || line <= 0) {
            return null;
        }
        String where = files.where(file);
        RuleDescription found = null;
        for (RuleDescription rule : rules) {
            if (rule.file().equals(where) && rule.line() <= line) {
                found = rule;
            }
        }
        return found == null ? null : found.name();
    }

    /** Drools' wording, with the generated-code noise taken out and the profile's types explained. */
    private static String readable(String text) {
        String firstLine = text.lines().findFirst().orElse(text).strip();
        Matcher unknown = UNKNOWN_FIELD.matcher(firstLine);
        if (unknown.find()) {
            try {
                Class<?> type = Class.forName(unknown.group(2));
                String name = type.getName().replaceAll("^.*\\.", "").replace('$', '.');
                if (type.isEnum()) {
                    return unknown.group(1) + " is not a value of " + name + "; its values: "
                            + String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
                }
                if (type.isRecord()) {
                    return name + " has no field " + unknown.group(1) + "; its fields: " + String.join(", ",
                            Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList());
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // not one of ours: keep Drools' words
            }
        }
        return firstLine.replaceAll("\\bio\\.github\\.dlcareer\\.advisor\\.", "")
                .replace('$', '.');
    }
}
