package io.github.dlcareer.advisor.internal;

import io.github.dlcareer.advisor.Citation;

import java.util.List;

/**
 * What the advisor knows about one rule beyond what Drools compiled: where it is, what it recommends with
 * which weight and citations, and which profile fields and findings its conditions look at (to say why).
 *
 * @param order     the rule's place in the rules folder (files by name, rules in file order)
 * @param recommend the advice id of {@code @recommend}, or null for a classification rule
 * @param paths     profile paths its positive conditions test, in order of appearance
 * @param findings  names of the findings its positive conditions match
 */
public record RuleInfo(int order, String name, String file, int line, String recommend, double weight,
                       List<Citation> citations, List<String> paths, List<String> findings) {

    public static final double DEFAULT_WEIGHT = 0.6;

    public RuleInfo {
        citations = List.copyOf(citations);
        paths = List.copyOf(paths);
        findings = List.copyOf(findings);
    }
}
