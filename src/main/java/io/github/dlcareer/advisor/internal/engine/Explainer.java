package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Explanation;
import io.github.dlcareer.advisor.Recommendation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one advice came about in a session's outcome: the rules that fired for and against it, with the facts
 * each matched and how their weights combine; and for each of its rules that did not fire, what it looked at,
 * what was unknown and which findings were missing or in the way.
 */
final class Explainer {

    private Explainer() {
    }

    static Explanation explain(RuleBook book, Outcome outcome, String adviceId) {
        Advice advice = AdviceAssembler.advice(book, outcome);
        Optional<Recommendation> given = advice.recommendation(adviceId);
        List<Explanation.Fired> fired = new ArrayList<>();
        Set<String> firedRules = new HashSet<>();
        List<Hit> evidence = outcome.hits().stream().filter(h -> adviceId.equals(h.rule.recommend())).toList();
        for (Hit hit : evidence) {
            firedRules.add(hit.rule.name());
            List<String> because = outcome.facts().because(hit.rule, outcome.findings());
            fired.add(new Explanation.Fired(hit.rule.name(), hit.rule.file(), hit.rule.line(), hit.supports,
                    hit.weight, because, outcome.facts().why(List.of(hit), book.labels()), hit.rule.citations()));
        }
        List<Explanation.NotFired> notFired = new ArrayList<>();
        for (RuleDescription rule : book.rulesFor(adviceId)) {
            if (!firedRules.contains(rule.name())) {
                notFired.add(notFired(book, outcome, rule));
            }
        }
        double[] supports = Hit.weights(evidence, true);
        double[] weakens = Hit.weights(evidence, false);
        double belief = CertaintyFactors.combine(supports, new double[0]);
        double disbelief = CertaintyFactors.combine(weakens, new double[0]);
        Catalogues.Entry entry = book.catalogues().advice().get(adviceId);
        return new Explanation(adviceId, entry.title(), given.isPresent(),
                given.map(Recommendation::score).orElse(0.0), belief, disbelief,
                CertaintyFactors.read(supports, weakens), fired, notFired);
    }

    /** A rule that did not fire: the facts it looked at, the unknown ones, and the findings missing or in the way. */
    private static Explanation.NotFired notFired(RuleBook book, Outcome outcome, RuleDescription rule) {
        List<String> facts = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        for (String path : rule.allPaths()) {
            String fact = outcome.facts().fact(ProfileSchema.leaf(path));
            if (fact != null) {
                facts.add(fact);
            } else {
                unknown.add(path);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : rule.findings()) {
            if (!outcome.findings().containsKey(name)) {
                missing.add(name);
                for (String path : book.findingDependsOn(name)) {
                    if (outcome.facts().fact(ProfileSchema.leaf(path)) == null) {
                        unknown.add(path);
                    }
                }
            }
        }
        List<String> blocking = rule.allFindings().stream()
                .filter(name -> !rule.findings().contains(name) && outcome.findings().containsKey(name)).toList();
        return new Explanation.NotFired(rule.name(), rule.file(), rule.line(), rule.weight(), rule.conditions(), facts,
                book.labels().why(facts, outcome.profile()), List.copyOf(unknown), missing, blocking);
    }
}
