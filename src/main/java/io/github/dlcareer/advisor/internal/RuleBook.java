package io.github.dlcareer.advisor.internal;

import org.kie.api.KieBase;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compiled rules folder: the shared, immutable {@link KieBase} with the catalogues and what is known of
 * each rule. Built once by {@link RulesCompiler}; safe to use from many threads, since every evaluation
 * opens its own session.
 */
public final class RuleBook {

    private final String location;
    private final KieBase kieBase;
    private final Catalog catalog;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byName;

    RuleBook(String location, KieBase kieBase, Catalog catalog, List<RuleInfo> rules) {
        this.location = location;
        this.kieBase = kieBase;
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.byName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::name, Function.identity()));
    }

    /** Where the rules were read from: a folder, or the copy bundled in the jar. */
    public String location() {
        return location;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Every rule, in folder order. */
    public List<RuleInfo> rules() {
        return rules;
    }

    RuleInfo rule(String name) {
        return byName.get(name);
    }
}
