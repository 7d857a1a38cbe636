package io.github.dlcareer.advisor.internal.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A {@link RuleDescription} in the making: what the DRL parser tells of one rule — its metadata as written and
 * the facts its conditions look at — before its ids and weight are checked against the catalogues. Kept in the
 * compiled-rules cache, so that a start with unchanged rules parses no DRL either.
 *
 * @param file   the DRL file, relative to the rules folder
 * @param cite   the passage ids of {@code @cite} as written (comma-separated), or null
 * @param weight {@code @weight} as written, or null
 * @param details the details its consequence gives the findings it derives, by finding name, as written
 *               ({@value #COMPUTED} for one computed as the rule runs); a finding derived without one is not here
 * @param effect the evidence call of its consequence: support, weaken or ruleOut (null if none)
 */
public record RuleDraft(String name, String file, int line, int column, String recommend, String ask,
                        String cite, String weight, List<String> derives, Map<String, List<String>> details,
                        List<String> paths, List<String> findings, List<String> allPaths, List<String> allFindings,
                        String effect, boolean nonMonotonic, List<String> conditions) {

    /** The detail of a finding that only the running rule knows ({@code finding("x", $d, kcontext)}). */
    public static final String COMPUTED = "*";

    public RuleDraft {
        details = Map.copyOf(details);
    }
}
