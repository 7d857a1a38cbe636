package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.Catalogues;
import io.github.dlcareer.advisor.internal.knowledge.FieldLabels;
import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.Citation;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.KeepReferenceOption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled rules folder: the shared, immutable {@link KieBase} with the catalogues, what is known of each
 * rule, and what follows from them (which profile fields each advice depends on, which advice each question
 * affects). Built once by the compiler; safe to use from many threads, since every evaluation opens
 * its own session.
 */
public final class RuleBook {

    private final String location;
    private final KieBase kieBase;
    private volatile KieSessionsPool sessions;
    /** Sessions the KieBase keeps no reference to: a discarded pool goes with all its sessions. */
    private final KieSessionConfiguration sessionConfiguration;
    private final Catalogues catalogues;
    private final FieldLabels labels;
    private final List<RuleDescription> rules;
    private final Map<String, RuleDescription> byName;
    private final Map<String, Set<String>> adviceDependsOn;
    private final Map<String, Set<String>> findingPaths = new HashMap<>();
    private final Map<String, List<String>> questionAffects = new HashMap<>();
    private final Map<String, List<Citation>> adviceCitations = new HashMap<>();
    private final boolean[] settled;
    private final Map<String, List<Catalogues.Conflict>> conflictsByAdvice = new HashMap<>();
    private final boolean fromCache;

    public RuleBook(String location, KieBase kieBase, Catalogues catalogues, FieldLabels labels, List<RuleDescription> rules,
                    boolean fromCache) {
        this.fromCache = fromCache;
        this.location = location;
        this.kieBase = kieBase;
        // Disposing a pooled session resets it for the next evaluation: cheaper than building a new one.
        this.sessions = newPool(kieBase);
        this.sessionConfiguration = KieServices.Factory.get().newKieSessionConfiguration();
        sessionConfiguration.setOption(KeepReferenceOption.NO);
        this.catalogues = catalogues;
        this.labels = labels;
        this.rules = List.copyOf(rules);
        // A HashMap, not Map.copyOf: looked up on every firing, and its buckets beat the immutable map's probing.
        this.byName = new HashMap<>();
        rules.forEach(rule -> byName.put(rule.name(), rule));
        this.adviceDependsOn = dependencies(rules, findingPaths);
        for (Catalogues.Question question : catalogues.questions().values()) {
            questionAffects.put(question.id(), adviceDependsOn.entrySet().stream()
                    .filter(e -> e.getValue().stream().anyMatch(path -> covers(question.field(), path)))
                    .map(Map.Entry::getKey).sorted().toList());
        }
        Map<String, Set<Citation>> citations = new HashMap<>();
        for (RuleDescription rule : rules) {
            // What a side of a conflict is quoted with: the passages of the rules for it, not those against it.
            if (rule.recommend() != null && "support".equals(rule.effect())) {
                citations.computeIfAbsent(rule.recommend(), id -> new LinkedHashSet<>()).addAll(rule.citations());
            }
        }
        citations.forEach((id, set) -> adviceCitations.put(id, List.copyOf(set)));
        Set<String> settledNames = settled(rules);
        this.settled = new boolean[rules.size()];
        rules.forEach(rule -> settled[rule.order()] = settledNames.contains(rule.name()));
        for (Catalogues.Conflict conflict : catalogues.conflicts().values()) {
            conflict.sides().forEach(side ->
                    conflictsByAdvice.computeIfAbsent(side.advice(), id -> new ArrayList<>()).add(conflict));
        }
    }

    /**
     * The rules whose firing can never be undone in a session: no {@code not} or {@code accumulate} in their
     * conditions, and every finding they match derived only by such rules. Their evidence needs no truth
     * maintenance.
     */
    private static Set<String> settled(List<RuleDescription> rules) {
        Set<String> unsettledFindings = new HashSet<>();
        Set<String> unsettledRules = new HashSet<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (RuleDescription rule : rules) {
                boolean unsettled = rule.nonMonotonic() || rule.allFindings().stream().anyMatch(unsettledFindings::contains);
                if (unsettled && unsettledRules.add(rule.name())) {
                    changed = true;
                    unsettledFindings.addAll(rule.derives());
                }
            }
        }
        Set<String> settled = new HashSet<>();
        rules.stream().map(RuleDescription::name).filter(name -> !unsettledRules.contains(name)).forEach(settled::add);
        return Set.copyOf(settled);
    }

    /** Every profile path each advice depends on, through the findings its rules match, negated ones too. */
    private static Map<String, Set<String>> dependencies(List<RuleDescription> rules, Map<String, Set<String>> findingPaths) {
        boolean changed = true;
        while (changed) { // findings rest on findings: iterate to a fixed point
            changed = false;
            for (RuleDescription rule : rules) {
                for (String finding : rule.derives()) {
                    Set<String> paths = findingPaths.computeIfAbsent(finding, f -> new LinkedHashSet<>());
                    changed |= paths.addAll(rule.allPaths());
                    for (String upstream : rule.allFindings()) {
                        changed |= paths.addAll(findingPaths.getOrDefault(upstream, Set.of()));
                    }
                }
            }
        }
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (RuleDescription rule : rules) {
            if (rule.recommend() != null) {
                Set<String> paths = dependsOn.computeIfAbsent(rule.recommend(), id -> new LinkedHashSet<>());
                paths.addAll(rule.allPaths());
                rule.allFindings().forEach(f -> paths.addAll(findingPaths.getOrDefault(f, Set.of())));
            }
        }
        return dependsOn;
    }

    /** Whether {@code field} is {@code path} or holds it ({@code skills} holds {@code skills.english}). */
    static boolean covers(String field, String path) {
        return path.equals(field) || path.startsWith(field + ".");
    }

    /** Whether no DRL was compiled: every file came from the cache or was precompiled in the jar. */
    public boolean fromCache() {
        return fromCache;
    }

    /** Where the rules were read from: a folder, or the copy bundled in the jar. */
    public String location() {
        return location;
    }

    /** A clean session of this rule base; {@code dispose()} it to hand it back. Thread-safe. */
    KieSession newSession() {
        return sessions.newKieSession(sessionConfiguration);
    }

    /**
     * Never hands a session back to the pool: one that was halted, or failed, mid-evaluation. Drools' pool keeps a
     * reference to every session it made (the KieBase keeps none, see {@link #sessionConfiguration}), so the pool
     * itself is replaced: the old one, the session and all, is garbage once the sessions still out of it are
     * handed back. Memory stays bounded however many evaluations are stopped.
     */
    void discard() {
        sessions = newPool(kieBase);
    }

    /**
     * A pool that starts with one session and makes another whenever all are in use: as many as evaluations ever
     * ran at once. (Drools makes the initial number at the first evaluation: one per core made a 64-core machine's
     * first advice ~75 ms slower, for sessions a single-threaded caller never uses.)
     */
    private static KieSessionsPool newPool(KieBase kieBase) {
        return kieBase.newKieSessionsPool(1);
    }

    public Catalogues catalogues() {
        return catalogues;
    }

    /** How each profile fact reads to the person, for "Why". */
    public FieldLabels labels() {
        return labels;
    }

    /** Every rule, in folder order. */
    public List<RuleDescription> rules() {
        return rules;
    }

    RuleDescription rule(String name) {
        return byName.get(name);
    }

    /** The advice ids whose rules look at the field a question fills in, sorted. */
    List<String> affects(String questionId) {
        return questionAffects.getOrDefault(questionId, List.of());
    }

    /** Whether a rule's firing can never be undone in a session (see {@link #settled}). */
    boolean settled(RuleDescription rule) {
        return settled[rule.order()];
    }

    /** The conflicts an advice stands on a side of. */
    List<Catalogues.Conflict> conflictsOf(String adviceId) {
        return conflictsByAdvice.getOrDefault(adviceId, List.of());
    }

    /** The passages that the rules supporting an advice cite, in rule order. */
    List<Citation> citations(String adviceId) {
        return adviceCitations.getOrDefault(adviceId, List.of());
    }

    /** The profile paths a finding rests on, through the findings it rests on. */
    Set<String> findingDependsOn(String finding) {
        return findingPaths.getOrDefault(finding, Set.of());
    }

    /** The rules that recommend an advice, in folder order. */
    List<RuleDescription> rulesFor(String adviceId) {
        return rules.stream().filter(r -> adviceId.equals(r.recommend())).toList();
    }
}
