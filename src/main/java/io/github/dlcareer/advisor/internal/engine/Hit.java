package io.github.dlcareer.advisor.internal.engine;

import io.github.dlcareer.advisor.internal.knowledge.RuleDescription;
import io.github.dlcareer.advisor.rules.Finding;

import java.util.List;

/**
 * One rule's firing for or against its recommendation. A logical fact with identity equality, not a record:
 * two firings of a rule are two facts, and each counts.
 */
final class Hit {
    final RuleDescription rule;
    final boolean supports;
    /** The rule's weight, or 1 for a rule that rules its recommendation out. */
    final double weight;
    /** The findings its match holds: those, not every finding of the same name, say why. */
    final List<Finding> findings;

    Hit(RuleDescription rule, boolean supports, double weight, List<Finding> findings) {
        this.rule = rule;
        this.supports = supports;
        this.weight = weight;
        this.findings = findings;
    }

    /** The weights of the hits on one side, in their order. */
    static double[] weights(List<Hit> evidence, boolean supports) {
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
                weights[i++] = hit.weight;
            }
        }
        return weights;
    }
}
