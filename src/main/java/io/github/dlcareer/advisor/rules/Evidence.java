package io.github.dlcareer.advisor.rules;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code evidence} of every rule file: how a rule's consequence tells the advisor what it found.
 * The rule's metadata says what it is about: {@code @recommend("advice-id")}, {@code @cite("passage-id")}
 * and an optional {@code @weight(0.6)}.
 *
 * <pre>
 * rule "No GPU at hand: buy one"
 *     &#64;recommend("buy-a-gpu") &#64;cite("park-faq-gpu") &#64;weight(0.8)
 * when
 *     Profile( hardware.gpu == Gpu.NONE )
 * then
 *     evidence.support(kcontext);
 * end
 * </pre>
 */
public interface Evidence {

    /** This match supports the rule's recommendation with the rule's weight. */
    void support(RuleContext kcontext);

    /** This match argues against the rule's recommendation with the rule's weight. */
    void weaken(RuleContext kcontext);

    /**
     * A fact of this person makes the rule's recommendation pointless (someone whose lab supplies GPUs need not
     * buy one): it is not given, whatever supports it. Certainty factors' "definitely not": a weakening of
     * weight 1, whatever the rule's {@code @weight}.
     */
    void ruleOut(RuleContext kcontext);

    /**
     * The rule's question ({@code @ask("question-id")}) matters for this person: ask it. Its weight orders
     * the questions, most important first.
     */
    void ask(RuleContext kcontext);

    /** A finding for {@code insertLogical}, remembering the profile facts this match rests on. */
    Finding finding(String name, RuleContext kcontext);

    /** A finding with a detail, e.g. {@code finding("scientist-trait", "perseverance", kcontext)}. */
    Finding finding(String name, String detail, RuleContext kcontext);
}
