package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DRL read rather than compiled: each file parsed into {@link RuleDraft}s (metadata and the facts each rule's
 * conditions look at), and its text with comments and strings blanked, for the checks that read code.
 */
public final class Drl {

    private static final Pattern COMMENT_OR_STRING = Pattern.compile("//[^\\n]*|/\\*(?s:.*?)\\*/|\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern PATH = Pattern.compile("(?<![\\w.$\"])([a-z][A-Za-z0-9]*(?:\\.[a-z][A-Za-z0-9]*)+)");
    private static final Pattern FINDING_NAME = Pattern.compile("\\bname\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern ACTS_ON_EVIDENCE = Pattern.compile("evidence\\s*\\.\\s*(support|weaken|ruleOut)\\s*\\(");
    /** {@code evidence.finding("name", kcontext)}, or with a detail: a text ("name", "detail", ...) or an expression. */
    private static final Pattern DERIVES = Pattern.compile(
            "evidence\\s*\\.\\s*finding\\s*\\(\\s*\"([^\"]+)\"\\s*(?:,\\s*(?:\"([^\"]*)\"|([^;]+?)))?\\s*,\\s*\\w+\\s*\\)");
    private static final Pattern PARSER_PREFIX = Pattern.compile("^\\[ERR \\d+\\] Line \\d+:\\d+ ");
    private static final Pattern WHEN = Pattern.compile("(?<![\\w.$])when\\b");
    private static final Pattern THEN = Pattern.compile("(?<![\\w.$])then\\b");

    private Drl() {
    }

    /** The text with every comment and string literal blanked out, so that offsets, lines and columns stay put. */
    public static String blankCommentsAndStrings(String text) {
        return COMMENT_OR_STRING.matcher(text).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
    }

    /**
     * The rules of one DRL file, in file order; null when the file does not parse, its errors then added to
     * {@code problems} at their line and column.
     *
     * @param file the file's path in the rules folder, as {@link RulesFiles#readDrl} names it
     */
    public static List<RuleDraft> parse(RulesFiles files, String file, String text, List<Problem> problems) {
        DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
        PackageDescr descr;
        try {
            descr = parser.parse(false, text);
        } catch (DroolsParserException e) {
            problems.add(Problem.error(files.where(file), e.getLineNumber(), e.getColumn(), null, e.getMessage()));
            return null;
        }
        if (parser.hasErrors() || descr == null) {
            for (DroolsError error : parser.getErrors()) {
                int line = error instanceof ParserError p ? p.getRow() : firstLine(error.getLines());
                int column = error instanceof ParserError p ? p.getCol() + 1 : 0;
                problems.add(Problem.error(files.where(file), line, column, null,
                        PARSER_PREFIX.matcher(error.getMessage()).replaceFirst("")));
            }
            return null;
        }
        List<String> lines = text.lines().toList();
        List<RuleDraft> rules = new ArrayList<>();
        for (RuleDescr rule : descr.getRules()) {
            rules.add(draft(file, rule, conditions(lines, rule.getLine())));
        }
        return rules;
    }

    /**
     * The lines between a rule's {@code when} and {@code then}, as written, without comments and blanks; the
     * keywords are found in code, not in names or comments, anywhere on a line (a table's rule is one line).
     */
    private static List<String> conditions(List<String> lines, int ruleLine) {
        List<String> conditions = new ArrayList<>();
        boolean inside = false;
        for (int i = Math.max(ruleLine - 1, 0); i < lines.size(); i++) {
            String line = lines.get(i);
            String code = blankCommentsAndStrings(line);
            int from = 0;
            if (!inside) {
                Matcher when = WHEN.matcher(code);
                if (!when.find()) {
                    continue;
                }
                inside = true;
                from = when.end();
            }
            Matcher then = THEN.matcher(code);
            boolean last = then.find(from);
            String text = line.substring(from, last ? then.start() : line.length()).replaceAll("//.*$", "").strip();
            if (!text.isEmpty()) {
                conditions.add(text);
            }
            if (last) {
                break;
            }
        }
        return conditions;
    }

    private static RuleDraft draft(String file, RuleDescr rule, List<String> conditions) {
        Conditions positive = new Conditions();
        Conditions all = new Conditions();
        collect(rule.getLhs(), positive, all, true);
        List<String> derives = new ArrayList<>();
        Map<String, List<String>> details = new LinkedHashMap<>();
        String consequence = String.valueOf(rule.getConsequence());
        Matcher m = DERIVES.matcher(consequence);
        while (m.find()) {
            derives.add(m.group(1));
            String detail = m.group(2) != null ? m.group(2) : m.group(3) != null ? RuleDraft.COMPUTED : null;
            if (detail != null) {
                details.computeIfAbsent(m.group(1), name -> new ArrayList<>()).add(detail);
            }
        }
        return new RuleDraft(rule.getName(), file, rule.getLine(), rule.getColumn(), metadata(rule, "recommend"),
                metadata(rule, "ask"), metadata(rule, "cite"), metadata(rule, "weight"), derives, details,
                List.copyOf(positive.paths), List.copyOf(positive.findings), List.copyOf(all.paths),
                List.copyOf(all.findings), effect(consequence), all.nonMonotonic,
                conditions);
    }

    /** The evidence call of a consequence (support, weaken or ruleOut), or null. */
    private static String effect(String consequence) {
        Matcher m = ACTS_ON_EVIDENCE.matcher(consequence);
        return m.find() ? m.group(1) : null;
    }

    /** Profile paths and finding names that conditions look at. */
    private static final class Conditions {
        final Set<String> paths = new LinkedHashSet<>();
        final Set<String> findings = new LinkedHashSet<>();
        boolean nonMonotonic;
    }

    private static String metadata(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValue() == null) {
            return null;
        }
        return AnnotationDescr.unquote(String.valueOf(annotation.getSingleValue()).strip()).strip();
    }

    /**
     * The profile paths and finding names that a rule's conditions look at: into {@code all} every one,
     * into {@code positive} only those outside a {@code not} (what must be absent is no reason to show).
     */
    private static void collect(BaseDescr descr, Conditions positive, Conditions all, boolean isPositive) {
        if (descr == null) {
            return;
        }
        if (descr instanceof NotDescr not) {
            all.nonMonotonic = true;
            for (Object child : not.getDescrs()) {
                collect((BaseDescr) child, positive, all, false);
            }
        } else if (descr instanceof PatternDescr pattern) {
            String type = pattern.getObjectType();
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expression) {
                    String text = expression.getExpression();
                    if (type.endsWith("Profile")) {
                        Matcher m = PATH.matcher(text);
                        while (m.find()) {
                            if (ProfileSchema.leaf(m.group(1)) != null) {
                                all.paths.add(m.group(1));
                                if (isPositive) {
                                    positive.paths.add(m.group(1));
                                }
                            }
                        }
                    } else if (type.endsWith("Finding")) {
                        Matcher m = FINDING_NAME.matcher(text);
                        while (m.find()) {
                            all.findings.add(m.group(1));
                            if (isPositive) {
                                positive.findings.add(m.group(1));
                            }
                        }
                    }
                }
            }
            if (pattern.getSource() instanceof AccumulateDescr accumulate) {
                all.nonMonotonic = true; // a count or a sum can stop meeting its bound
                collect(accumulate.getInput(), positive, all, isPositive);
            }
        } else if (descr instanceof ConditionalElementDescr group) {
            for (Object child : group.getDescrs()) {
                collect((BaseDescr) child, positive, all, isPositive);
            }
        }
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : Arrays.stream(lines).filter(l -> l > 0).findFirst().orElse(0);
    }
}
