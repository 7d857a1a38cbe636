package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.Citation;

import java.util.List;

/**
 * What the advisor knows about one rule beyond what Drools compiled: where it is, what it does (recommends
 * advice, asks a question, or derives findings), and which profile fields and findings its conditions
 * look at — the positive ones to say why, all of them to know which facts the advice depends on.
 *
 * @param order       the rule's place in the rules folder (files by name, rules in file order)
 * @param recommend   the advice id of {@code @recommend}, or null
 * @param ask         the question id of {@code @ask}, or null
 * @param derives     the names of the findings its consequence creates
 * @param paths       profile paths its positive conditions test, in order of appearance
 * @param findings    names of the findings its positive conditions match
 * @param allPaths    every profile path its conditions test, negated ones included
 * @param allFindings every finding name its conditions match, negated ones included
 * @param effect      the evidence call of its consequence: {@code support}, {@code weaken} or {@code ruleOut}
 *                    (null if none)
 * @param nonMonotonic whether its conditions can stop holding as facts are added ({@code not}, {@code accumulate})
 * @param leaves      the profile leaves of {@code paths}, for reading their values fast
 * @param conditions  its conditions as written, line by line (for explanations)
 */
public record RuleDescription(int order, String name, String file, int line, String recommend, String ask,
                       double weight, List<Citation> citations, List<String> derives, List<String> paths,
                       List<String> findings, List<String> allPaths, List<String> allFindings,
                       String effect, boolean nonMonotonic, List<ProfileSchema.Leaf> leaves,
                       List<String> conditions) {

    public static final double DEFAULT_WEIGHT = 0.6;

    public RuleDescription {
        leaves = List.copyOf(leaves);
        conditions = List.copyOf(conditions);
        citations = List.copyOf(citations);
        derives = List.copyOf(derives);
        paths = List.copyOf(paths);
        findings = List.copyOf(findings);
        allPaths = List.copyOf(allPaths);
        allFindings = List.copyOf(allFindings);
    }
}
