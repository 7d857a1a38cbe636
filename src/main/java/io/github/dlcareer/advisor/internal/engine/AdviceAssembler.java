package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.FieldLabels;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.Advice;
import io.github.dlcareer.advisor.Citation;
import io.github.dlcareer.advisor.Recommendation;
import io.github.dlcareer.advisor.rules.Finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The advice of a session's outcome: the evidence combined per recommendation and ranked, the staged plan,
 * the conflicts concerned and the questions asked. Runs once per profile, so it allocates only what the
 * advice keeps.
 */
final class AdviceAssembler {

    private static final Comparator<RuleDescription> QUESTION_ORDER = Comparator
            .comparingDouble(RuleDescription::weight).reversed()
            .thenComparing(RuleDescription::order);

    /** The summary's length, and how many of it may be generic advice (see {@link #genericCapped}). */
    static final int TOP = 5;
    static final int GENERIC_IN_TOP = 2;

    private static final Comparator<Scored> RANKING = Comparator
            .comparingDouble(Scored::certainty).reversed()
            .thenComparing(s -> s.entry().kind() == Recommendation.Kind.WARNING ? 0 : 1)
            // Of equal scores, the advice more facts of this person led to comes first: the specific before the generic.
            .thenComparing(Comparator.comparingInt((Scored s) -> s.because().size()).reversed())
            .thenComparing(s -> s.entry().id());

    /** {@code supporting}: the hits that say why, in words made only when read (see {@link Recommendation#why}). */
    private record Scored(Catalogues.Entry entry, double certainty, List<String> because, List<Hit> supporting,
                          List<Citation> citations) {
    }

    private AdviceAssembler() {
    }

    /** Combines the evidence that survived in the session per recommendation, and ranks the result. */
    static Advice advice(RuleBook book, Outcome outcome) {
        Map<String, List<Finding>> findings = outcome.findings();
        // The hits are in rule order, so each recommendation's evidence is too.
        Map<String, List<Hit>> byAdvice = new LinkedHashMap<>();
        for (Hit hit : outcome.hits()) {
            byAdvice.computeIfAbsent(hit.rule.recommend(), id -> new ArrayList<>()).add(hit);
        }
        List<Scored> scored = new ArrayList<>();
        byAdvice.forEach((id, evidence) -> {
            double certainty = CertaintyFactors.combine(Hit.weights(evidence, true), Hit.weights(evidence, false));
            if (certainty > 0) {
                // Short lists: 'contains' is cheaper than hashing fresh strings and whole records.
                List<String> because = new ArrayList<>();
                List<Citation> citations = new ArrayList<>();
                List<Hit> supporting = new ArrayList<>(evidence.size());
                for (Hit hit : evidence) {
                    if (hit.supports) {
                        addNew(because, outcome.facts().because(hit.rule, findings));
                        addNew(citations, hit.rule.citations());
                        supporting.add(hit);
                    }
                }
                scored.add(new Scored(book.catalogues().advice().get(id), certainty, because, supporting,
                        citations));
            }
        });
        scored.sort(RANKING);
        Set<Catalogues.Conflict> concerned = new LinkedHashSet<>();
        for (Scored s : scored) {
            concerned.addAll(book.conflictsOf(s.entry().id()));
        }
        List<Recommendation> recommendations = new ArrayList<>(scored.size());
        ProfileFacts facts = outcome.facts();
        FieldLabels labels = book.labels(); // what a why made later needs, not the whole rule book
        for (Scored s : genericCapped(coherent(scored, concerned))) {
            Catalogues.Entry e = s.entry();
            List<Hit> supporting = s.supporting();
            recommendations.add(new Recommendation(recommendations.size() + 1, e.id(), e.kind(), e.topic(), e.title(),
                    e.advice(), Math.round(s.certainty() * 100) / 100.0, s.because(),
                    () -> facts.why(supporting, labels), s.citations()));
        }
        return new Advice(outcome.profile().id(), recommendations, plan(book, recommendations),
                conflicts(book, concerned, recommendations), questions(book, outcome.asks()));
    }

    private static <T> void addNew(List<T> into, List<T> items) {
        for (T item : items) {
            if (!into.contains(item)) {
                into.add(item);
            }
        }
    }

    /** The given advice that are steps of the staged plan, in step order. */
    private static List<String> plan(RuleBook book, List<Recommendation> recommendations) {
        return recommendations.stream()
                .filter(r -> book.catalogues().advice().get(r.id()).step() != null)
                .sorted(Comparator.comparingInt((Recommendation r) -> book.catalogues().advice().get(r.id()).step())
                        .thenComparing(Recommendation::id))
                .map(Recommendation::id)
                .toList();
    }

    /**
     * The ranked advice with at most one side of each documented conflict: the side the profile points to most
     * strongly. When two sides score the same, it points to neither, and the conflict box alone shows them.
     */
    private static List<Scored> coherent(List<Scored> ranked, Set<Catalogues.Conflict> concerned) {
        Set<String> dropped = new HashSet<>();
        for (Catalogues.Conflict conflict : concerned) {
            List<Scored> sides = new ArrayList<>(2);
            for (Scored s : ranked) {
                if (isSide(conflict, s.entry().id())) {
                    sides.add(s);
                }
            }
            if (sides.size() > 1) {
                boolean tie = Math.round(sides.get(0).certainty() * 100) == Math.round(sides.get(1).certainty() * 100);
                sides.stream().skip(tie ? 0 : 1).forEach(s -> dropped.add(s.entry().id()));
            }
        }
        return dropped.isEmpty() ? ranked : ranked.stream().filter(s -> !dropped.contains(s.entry().id())).toList();
    }

    // A loop, not a stream: it runs for every recommendation of every conflict concerned, for every profile.
    private static boolean isSide(Catalogues.Conflict conflict, String adviceId) {
        for (Catalogues.Side side : conflict.sides()) {
            if (side.advice().equals(adviceId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ranking with at most {@value #GENERIC_IN_TOP} generic advice among the first {@value #TOP}: a generic
     * advice beyond that waits until the first {@value #TOP} are filled, then keeps its place by score. What fits
     * the person's stated situation is what the summary shows, however high the advice every learner gets scores.
     */
    private static List<Scored> genericCapped(List<Scored> ranked) {
        List<Scored> capped = new ArrayList<>(ranked.size());
        List<Scored> waiting = new ArrayList<>();
        int generic = 0;
        for (Scored s : ranked) {
            if (capped.size() >= TOP) {
                capped.addAll(waiting);
                waiting.clear();
                capped.add(s);
            } else if (!s.entry().generic()) {
                capped.add(s);
            } else if (generic < GENERIC_IN_TOP) {
                capped.add(s);
                generic++;
            } else {
                waiting.add(s);
            }
        }
        capped.addAll(waiting);
        return capped;
    }

    /**
     * Every conflict one of whose sides the rules recommended, with all its sides, so that no side is picked
     * silently; a side is given when it is among the recommendations.
     */
    private static List<Advice.Conflict> conflicts(RuleBook book, Set<Catalogues.Conflict> concerned,
                                                   List<Recommendation> recommendations) {
        if (concerned.isEmpty()) {
            return List.of();
        }
        Set<String> given = new HashSet<>();
        recommendations.forEach(r -> given.add(r.id()));
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
    private static List<Advice.Question> questions(RuleBook book, List<RuleDescription> asked) {
        List<RuleDescription> asks = new ArrayList<>(asked); // the outcome's list stays as it was
        asks.sort(QUESTION_ORDER);
        Map<String, Advice.Question> questions = new LinkedHashMap<>();
        for (RuleDescription rule : asks) {
            Catalogues.Question q = book.catalogues().questions().get(rule.ask());
            // One question per concept: one about a field already asked about (or about a part of it, or a
            // whole it is part of) is left for after that answer.
            if (!overlaps(questions.values(), q)) {
                questions.computeIfAbsent(q.id(), id -> new Advice.Question(id, q.field(), q.text(), book.affects(id)));
            }
        }
        return List.copyOf(questions.values());
    }

    /** Whether a question asks about a field one already kept asks about, or a part or a whole of it. */
    private static boolean overlaps(Iterable<Advice.Question> kept, Catalogues.Question q) {
        for (Advice.Question k : kept) {
            if (!k.id().equals(q.id()) && (RuleBook.covers(k.field(), q.field()) || RuleBook.covers(q.field(), k.field()))) {
                return true;
            }
        }
        return false;
    }
}
