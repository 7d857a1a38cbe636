package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.internal.profile.ProfileSchema;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Profile;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.rules.Evidence;
import io.github.dlcareer.advisor.rules.Finding;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.RuleContext;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code evidence} global of one evaluation. Evidence and questions are inserted into working memory as
 * logical facts, justified by the match that produced them: when a later finding makes a rule's conditions
 * false (a {@code not Finding(...)} that no longer holds), Drools' truth maintenance takes its evidence back,
 * so the advice does not depend on the order in which rules fire. At the end the surviving evidence is
 * combined per recommendation and ranked. One per session, so never shared between threads.
 */
final class EvidenceCollector implements Evidence {

    /** One rule's firing for or against its recommendation. Identity equality: each firing counts. */
    static final class Hit {
        final RuleDescription rule;
        final boolean supports;

        Hit(RuleDescription rule, boolean supports) {
            this.rule = rule;
            this.supports = supports;
        }
    }

    /** One rule's firing asking its question. */
    static final class Ask {
        final RuleDescription rule;

        Ask(RuleDescription rule) {
            this.rule = rule;
        }
    }

    private static final Comparator<RuleDescription> QUESTION_ORDER = Comparator
            .comparingDouble(RuleDescription::weight).reversed()
            .thenComparing(RuleDescription::order);

    private static final Comparator<Scored> RANKING = Comparator
            .comparingDouble(Scored::certainty).reversed()
            .thenComparing(s -> s.entry().kind() == Recommendation.Kind.WARNING ? 0 : 1)
            .thenComparing(s -> s.entry().id());

    private final RuleBook book;
    private final Profile profile;
    /** Findings created so far, by name, for the 'because' of findings derived from findings. */
    private final Map<String, List<Finding>> created = new HashMap<>();
    /** Evidence of settled rules, which truth maintenance need not watch (see RuleBook.settled). */
    private final List<Hit> settledHits = new ArrayList<>();
    private final List<RuleDescription> settledAsks = new ArrayList<>();
    /** "path = value" of each leaf, made once per evaluation. */
    private final String[] facts = new String[ProfileSchema.size()];

    EvidenceCollector(RuleBook book, Profile profile) {
        this.book = book;
        this.profile = profile;
    }

    @Override
    public void support(RuleContext kcontext) {
        hit(kcontext, new Hit(recommending(kcontext, "support"), true));
    }

    @Override
    public void weaken(RuleContext kcontext) {
        hit(kcontext, new Hit(recommending(kcontext, "weaken"), false));
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
        Finding finding = new Finding(name, detail, because(rule(kcontext), created));
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

    /** The known profile facts a rule tested, then the facts behind the findings it matched. */
    private List<String> because(RuleDescription rule, Map<String, List<Finding>> findings) {
        List<String> because = new ArrayList<>(rule.leaves().size() + 4);
        for (ProfileSchema.Leaf leaf : rule.leaves()) {
            String fact = fact(leaf);
            if (fact != null) {
                because.add(fact);
            }
        }
        for (String name : rule.findings()) {
            for (Finding finding : findings.getOrDefault(name, List.of())) {
                for (String fact : finding.because()) {
                    if (!because.contains(fact)) {
                        because.add(fact);
                    }
                }
            }
        }
        return because;
    }

    /** "path = value" for a known leaf, null for an unknown one. */
    private String fact(ProfileSchema.Leaf leaf) {
        String fact = facts[leaf.index()];
        if (fact == null) {
            Object value = leaf.getter().apply(profile);
            if (value == null) {
                return null;
            }
            fact = leaf.path() + " = " + format(value);
            facts[leaf.index()] = fact;
        }
        return fact;
    }

    private static String format(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private record Scored(Catalogues.Entry entry, double certainty, List<String> because, List<Citation> citations) {
    }

    /** What survived in a session: the evidence, the questions asked and the findings, each in rule order. */
    private record Outcome(List<Hit> hits, List<RuleDescription> asks, Map<String, List<Finding>> findings) {
    }

    private Outcome outcome(KieSession session) {
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
        hits.sort(Comparator.comparingInt((Hit h) -> h.rule.order()));
        findings.values().forEach(list -> list.sort(Comparator.comparing(Finding::toString)));
        return new Outcome(hits, asks, findings);
    }

    /** How one advice came about (or did not) in this session. */
    io.github.dlcareer.advisor.Explanation explain(KieSession session, String adviceId) {
        Outcome outcome = outcome(session);
        Advice advice = advice(outcome);
        var given = advice.recommendation(adviceId);
        List<io.github.dlcareer.advisor.Explanation.Fired> fired = new ArrayList<>();
        Set<String> firedRules = new java.util.HashSet<>();
        List<Hit> evidence = outcome.hits().stream().filter(h -> adviceId.equals(h.rule.recommend())).toList();
        for (Hit hit : evidence) {
            firedRules.add(hit.rule.name());
            fired.add(new io.github.dlcareer.advisor.Explanation.Fired(hit.rule.name(), hit.rule.file(), hit.rule.line(),
                    hit.supports, hit.rule.weight(), because(hit.rule, outcome.findings()), hit.rule.citations()));
        }
        List<io.github.dlcareer.advisor.Explanation.NotFired> notFired = new ArrayList<>();
        for (RuleDescription rule : book.rulesFor(adviceId)) {
            if (firedRules.contains(rule.name())) {
                continue;
            }
            List<String> facts = new ArrayList<>();
            Set<String> unknown = new LinkedHashSet<>();
            for (String path : rule.allPaths()) {
                String fact = fact(ProfileSchema.leaf(path));
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
                        if (fact(ProfileSchema.leaf(path)) == null) {
                            unknown.add(path);
                        }
                    }
                }
            }
            List<String> blocking = rule.allFindings().stream()
                    .filter(name -> !rule.findings().contains(name) && outcome.findings().containsKey(name)).toList();
            notFired.add(new io.github.dlcareer.advisor.Explanation.NotFired(rule.name(), rule.file(), rule.line(),
                    rule.weight(), rule.conditions(), facts, List.copyOf(unknown), missing, blocking));
        }
        double[] supports = weights(evidence, true);
        double[] weakens = weights(evidence, false);
        double belief = CertaintyFactors.combine(supports, new double[0]);
        double disbelief = CertaintyFactors.combine(weakens, new double[0]);
        Catalogues.Entry entry = book.catalogues().advice().get(adviceId);
        return new io.github.dlcareer.advisor.Explanation(adviceId, entry.title(), given.isPresent(),
                given.map(Recommendation::score).orElse(0.0), belief, disbelief,
                CertaintyFactors.read(supports, weakens), fired, notFired);
    }

    /** Combines the evidence that survived in the session per recommendation, and ranks the result. */
    Advice advice(KieSession session) {
        return advice(outcome(session));
    }

    private Advice advice(Outcome outcome) {
        List<Hit> hits = outcome.hits();
        List<RuleDescription> asks = new ArrayList<>(outcome.asks());
        Map<String, List<Finding>> findings = outcome.findings();
        // Hits are in rule order, not firing order, so that the arithmetic and the lists are the same every time.
        Map<String, List<Hit>> byAdvice = new LinkedHashMap<>();
        for (Hit hit : hits) {
            byAdvice.computeIfAbsent(hit.rule.recommend(), id -> new ArrayList<>()).add(hit);
        }
        List<Scored> scored = new ArrayList<>();
        byAdvice.forEach((id, evidence) -> {
            double certainty = CertaintyFactors.combine(weights(evidence, true), weights(evidence, false));
            if (certainty > 0) {
                // Short lists: 'contains' is cheaper than hashing fresh strings and whole records.
                List<String> because = new ArrayList<>();
                List<Citation> citations = new ArrayList<>();
                for (Hit hit : evidence) {
                    if (hit.supports) {
                        addNew(because, because(hit.rule, findings));
                        addNew(citations, hit.rule.citations());
                    }
                }
                scored.add(new Scored(book.catalogues().advice().get(id), certainty, because, citations));
            }
        });
        scored.sort(RANKING);
        List<Recommendation> recommendations = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            Catalogues.Entry e = s.entry();
            recommendations.add(new Recommendation(recommendations.size() + 1, e.id(), e.kind(), e.topic(), e.title(),
                    e.advice(), Math.round(s.certainty() * 100) / 100.0, s.because(), s.citations()));
        }
        return new Advice(profile.id(), recommendations, plan(recommendations), conflicts(recommendations),
                questions(asks));
    }

    private static <T> void addNew(List<T> into, List<T> items) {
        for (T item : items) {
            if (!into.contains(item)) {
                into.add(item);
            }
        }
    }

    private static double[] weights(List<Hit> evidence, boolean supports) {
        int n = 0;
        for (Hit hit : evidence) {
            if (hit.supports == supports) {
                n++;
            }
        }
        double[] weights = new double[n];
        int i = 0;
        for (Hit hit : evidence) {
            if (hit.supports == supports) {
                weights[i++] = hit.rule.weight();
            }
        }
        return weights;
    }

    /** The given advice that are steps of the staged plan, in step order. */
    private List<String> plan(List<Recommendation> recommendations) {
        return recommendations.stream()
                .filter(r -> book.catalogues().advice().get(r.id()).step() != null)
                .sorted(Comparator.comparingInt((Recommendation r) -> book.catalogues().advice().get(r.id()).step())
                        .thenComparing(Recommendation::id))
                .map(Recommendation::id)
                .toList();
    }

    /** Every conflict one of whose sides was given, with all its sides, so that no side is picked silently. */
    private List<Advice.Conflict> conflicts(List<Recommendation> recommendations) {
        Set<Catalogues.Conflict> concerned = new LinkedHashSet<>();
        Set<String> given = new java.util.HashSet<>();
        for (Recommendation r : recommendations) {
            given.add(r.id());
            concerned.addAll(book.conflictsOf(r.id()));
        }
        if (concerned.isEmpty()) {
            return List.of();
        }
        List<Advice.Conflict> conflicts = new ArrayList<>();
        for (Catalogues.Conflict conflict : book.catalogues().conflicts().values()) {
            if (concerned.contains(conflict)) {
                conflicts.add(new Advice.Conflict(conflict.id(), conflict.title(), conflict.sides().stream()
                        .map(side -> new Advice.Side(side.advice(), side.position(), given.contains(side.advice()),
                                book.citations(side.advice())))
                        .toList()));
            }
        }
        return conflicts;
    }

    /** The questions the rules asked, most important first, each once. */
    private List<Advice.Question> questions(List<RuleDescription> asks) {
        asks.sort(QUESTION_ORDER);
        Map<String, Advice.Question> questions = new LinkedHashMap<>();
        for (RuleDescription rule : asks) {
            Catalogues.Question q = book.catalogues().questions().get(rule.ask());
            questions.computeIfAbsent(q.id(), id -> new Advice.Question(id, q.field(), q.text(), book.affects(id)));
        }
        return List.copyOf(questions.values());
    }
}
