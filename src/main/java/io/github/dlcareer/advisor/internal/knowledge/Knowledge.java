package io.github.dlcareer.advisor.internal.knowledge;

import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Problem;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a rules folder holds, read and checked but not compiled: enough to list or lint the rules. */
public record Knowledge(String location, Catalogues catalogues, FieldLabels labels, List<RuleDescription> rules,
                        Map<String, String> drl) {

    /**
     * The rule drafts of a folder checked against its catalogues: every unknown advice, question or passage id,
     * bad weight or repeated rule name is added to {@code problems}, and so is a folder without DRL.
     *
     * @param drl the folder's DRL files by name, with their text
     */
    public static Knowledge of(RulesFiles files, Catalogues catalogues, FieldLabels labels, List<RuleDraft> drafts,
                               Map<String, String> drl, List<Problem> problems) {
        List<RuleDescription> rules = new ArrayList<>();
        Map<String, String> firstPlace = new HashMap<>();
        for (RuleDraft rule : drafts) {
            String place = files.where(rule.file()) + ":" + rule.line();
            String earlier = firstPlace.putIfAbsent(rule.name(), place);
            if (earlier != null) {
                problems.add(Problem.error(files.where(rule.file()), rule.line(), rule.column(), rule.name(),
                        "a rule of this name is already defined at " + earlier + "; rule names must be unique"));
                continue;
            }
            rules.add(describe(rules.size(), rule, files.where(rule.file()), catalogues, problems));
        }
        if (drl.isEmpty()) {
            problems.add(Problem.error(files.label(), 0, 0, null, "no .drl files"));
        }
        return new Knowledge(files.label(), catalogues, labels, rules, drl);
    }

    private static RuleDescription describe(int order, RuleDraft rule, String where, Catalogues catalogues,
                                            List<Problem> problems) {
        String recommend = rule.recommend();
        String ask = rule.ask();
        int line = rule.line();
        if (recommend != null && !catalogues.advice().containsKey(recommend)) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "@recommend names the advice id '" + recommend + "', which advice.yaml does not define"));
        }
        if (ask != null && !catalogues.questions().containsKey(ask)) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "@ask names the question id '" + ask + "', which questions.yaml does not define"));
        }
        if (ask != null && recommend != null) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "a rule either recommends (@recommend) or asks (@ask), not both"));
        }
        if (recommend != null && rule.cite() == null) {
            problems.add(Problem.error(where, line, 0, rule.name(),
                    "a rule that recommends must @cite the passage it rests on"));
        }
        List<Citation> citations = new ArrayList<>();
        if (rule.cite() != null) {
            for (String passage : rule.cite().split("\\s*,\\s*")) {
                if (catalogues.passages().containsKey(passage)) {
                    citations.add(catalogues.citation(passage));
                } else {
                    problems.add(Problem.error(where, line, 0, rule.name(),
                            "@cite names the passage '" + passage + "', which sources.yaml does not define"));
                }
            }
        }
        return new RuleDescription(order, rule.name(), where, line, recommend, ask, weight(rule, where, problems),
                citations, rule.derives(), rule.paths(), rule.findings(), rule.allPaths(), rule.allFindings(),
                rule.effect(), rule.nonMonotonic(), rule.paths().stream().map(ProfileSchema::leaf).toList(),
                rule.conditions());
    }

    /** The rule's {@code @weight}, the default when it has none; one out of (0, 1] is a problem. */
    private static double weight(RuleDraft rule, String where, List<Problem> problems) {
        if (rule.weight() == null) {
            return RuleDescription.DEFAULT_WEIGHT;
        }
        double weight;
        try {
            weight = Double.parseDouble(rule.weight());
        } catch (NumberFormatException e) {
            weight = Double.NaN;
        }
        if (!(weight > 0 && weight <= 1)) {
            problems.add(Problem.error(where, rule.line(), 0, rule.name(),
                    "@weight must be a number above 0 and at most 1, not '" + rule.weight() + "'"));
        }
        return weight;
    }
}
