package io.github.dlcareer.advisor;

import java.util.List;

/**
 * How a recommendation came about for one person — or why it did not: the rules that supported and weakened
 * it with the facts each matched and its weight, how the score was combined, and for the rules that did not
 * fire, their conditions, the facts they looked at, and the unknown facts that could let them fire.
 * See {@link Advisor#explain}.
 *
 * @param advice     the advice id
 * @param title      its title
 * @param given      whether the person was given it
 * @param score      its score (0 when not given)
 * @param belief     the combined weight of the supporting rules that fired (MB)
 * @param disbelief  the combined weight of the weakening rules that fired (MD)
 * @param combination the arithmetic, in words
 * @param fired      the rules that fired for or against it
 * @param notFired   the rules that recommend it but did not fire
 */
public record Explanation(String advice, String title, boolean given, double score, double belief, double disbelief,
                          String combination, List<Fired> fired, List<NotFired> notFired) {

    public Explanation {
        fired = List.copyOf(fired);
        notFired = List.copyOf(notFired);
    }

    /**
     * A rule that fired: its weight, for or against, and the facts it matched, as {@code path = value}
     * ({@code because}) and in the person's words ({@code why}: a finding it matched by its label, as in
     * {@link Recommendation#why}).
     */
    public record Fired(String rule, String file, int line, boolean supports, double weight, List<String> because,
                        List<String> why, List<Citation> citations) {
        public Fired {
            because = List.copyOf(because);
            why = List.copyOf(why);
            citations = List.copyOf(citations);
        }
    }

    /**
     * A rule that did not fire, and what it would take.
     *
     * @param conditions      its conditions, as written
     * @param facts           the known facts its conditions look at, as {@code path = value}
     * @param factsInWords    the same facts in the person's words, one for each
     * @param unknown         the facts it looks at (directly or through findings) that the profile does not give
     * @param missingFindings findings it needs that were not derived for this person
     * @param blockingFindings findings it requires to be absent that were derived
     */
    public record NotFired(String rule, String file, int line, double weight, List<String> conditions,
                           List<String> facts, List<String> factsInWords, List<String> unknown,
                           List<String> missingFindings, List<String> blockingFindings) {
        public NotFired {
            conditions = List.copyOf(conditions);
            facts = List.copyOf(facts);
            factsInWords = List.copyOf(factsInWords);
            unknown = List.copyOf(unknown);
            missingFindings = List.copyOf(missingFindings);
            blockingFindings = List.copyOf(blockingFindings);
        }
    }
}
