package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.rules.Evidence;
import io.github.dlcareer.advisor.rules.Finding;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code evidence} global of one evaluation. Evidence and questions are inserted into working memory as
 * logical facts, justified by the match that produced them: when a later finding makes a rule's conditions
 * false (a {@code not Finding(...)} that no longer holds), Drools' truth maintenance takes its evidence back,
 * so the advice does not depend on the order in which rules fire. At the end the surviving evidence is read
 * out as the session's {@link Outcome}. One per session, so never shared between threads.
 */
final class EvidenceCollector implements Evidence {

    /** One rule's firing asking its question. */
    static final class Ask {
        final RuleDescription rule;

        Ask(RuleDescription rule) {
            this.rule = rule;
        }
    }

    private final RuleBook book;
    private final Profile profile;
    private final ProfileFacts facts;
    /** Findings created so far, by name, for the 'because' of findings derived from findings. */
    private final Map<String, List<Finding>> created = new HashMap<>();
    /** Evidence of settled rules, which truth maintenance need not watch (see RuleBook.settled). */
    private final List<Hit> settledHits = new ArrayList<>();
    private final List<RuleDescription> settledAsks = new ArrayList<>();

    EvidenceCollector(RuleBook book, Profile profile) {
        this.book = book;
        this.profile = profile;
        this.facts = new ProfileFacts(profile);
    }

    @Override
    public void support(RuleContext kcontext) {
        RuleDescription rule = recommending(kcontext, "support");
        hit(kcontext, new Hit(rule, true, rule.weight(), matched(kcontext)));
    }

    @Override
    public void weaken(RuleContext kcontext) {
        RuleDescription rule = recommending(kcontext, "weaken");
        hit(kcontext, new Hit(rule, false, rule.weight(), matched(kcontext)));
    }

    @Override
    public void ruleOut(RuleContext kcontext) {
        hit(kcontext, new Hit(recommending(kcontext, "ruleOut"), false, 1.0, matched(kcontext)));
    }

    /** The findings a rule's match holds, in the order of its conditions. */
    private static List<Finding> matched(RuleContext kcontext) {
        List<Finding> findings = new ArrayList<>(2);
        for (Object fact : kcontext.getMatch().getObjects()) {
            if (fact instanceof Finding finding) {
                findings.add(finding);
            }
        }
        return findings;
    }

    private void hit(RuleContext kcontext, Hit hit) {
        if (book.settled(hit.rule)) {
            settledHits.add(hit);
        } else {
            kcontext.insertLogical(hit);
        }
    }

    @Override
    public void ask(RuleContext kcontext) {
        RuleDescription rule = rule(kcontext);
        if (rule.ask() == null) {
            throw new IllegalStateException("rule \"" + rule.name() + "\" (" + rule.file() + ":" + rule.line()
                    + ") calls evidence.ask but has no @ask");
        }
        if (book.settled(rule)) {
            settledAsks.add(rule);
        } else {
            kcontext.insertLogical(new Ask(rule));
        }
    }

    @Override
    public Finding finding(String name, RuleContext kcontext) {
        return finding(name, null, kcontext);
    }

    @Override
    public Finding finding(String name, String detail, RuleContext kcontext) {
        Finding finding = new Finding(name, detail, facts.because(rule(kcontext), created));
        created.computeIfAbsent(name, n -> new ArrayList<>()).add(finding);
        return finding;
    }

    private RuleDescription recommending(RuleContext kcontext, String call) {
        RuleDescription rule = rule(kcontext);
        if (rule.recommend() == null) {
            throw new IllegalStateException("rule \"" + rule.name() + "\" (" + rule.file() + ":" + rule.line()
                    + ") calls evidence." + call + " but has no @recommend");
        }
        return rule;
    }

    private RuleDescription rule(RuleContext kcontext) {
        return book.rule(kcontext.getRule().getName());
    }

    /** What survived in the session once the rules are fired: settled evidence and what truth maintenance kept. */
    Outcome outcome(KieSession session) {
        List<Hit> hits = new ArrayList<>(settledHits);
        List<RuleDescription> asks = new ArrayList<>(settledAsks);
        Map<String, List<Finding>> findings = new HashMap<>();
        for (Object fact : session.getObjects()) {
            if (fact instanceof Hit hit) {
                hits.add(hit);
            } else if (fact instanceof Ask ask) {
                asks.add(ask.rule);
            } else if (fact instanceof Finding finding) {
                findings.computeIfAbsent(finding.name(), n -> new ArrayList<>()).add(finding);
            }
        }
        // Rule order, not firing order, so that the arithmetic and the lists are the same every time.
        hits.sort(Comparator.comparingInt((Hit h) -> h.rule.order()));
        findings.values().forEach(list -> list.sort(Comparator.comparing(Finding::toString)));
        return new Outcome(profile, facts, hits, asks, findings);
    }
}
