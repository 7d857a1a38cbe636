package io.github.dlcareer.advisor;

import java.util.List;

/**
 * One piece of advice for one person, ranked.
 *
 * @param rank      1 for the strongest; follows {@code score} (ties broken by kind, by how many of the person's
 *                  facts led to it, then by id), except that advice every learner gets ({@code generic} in
 *                  {@code rules/advice.yaml}) takes at most two of the first five ranks
 * @param id        the advice id in {@code rules/advice.yaml}
 * @param kind      advice to follow, or a warning about a risk
 * @param topic     the theme, e.g. {@code gpu}, {@code advisor}, {@code abroad}
 * @param title     a short title
 * @param advice    the advice, in the project's own words
 * @param score     the combined certainty of the rules that support it, in (0, 1]
 * @param because   the profile facts that triggered it, as {@code path = value}
 * @param why       the same in the person's words ({@code rules/fields.yaml}), each said once: the facts a rule
 *                  tested, and what the rules found from others by its label ("you are new to deep learning
 *                  (you took deeplearning.ai)"), so not one for each of {@code because}
 * @param citations the passages it rests on
 */
public record Recommendation(int rank, String id, Kind kind, String topic, String title, String advice,
                             double score, List<String> because, List<String> why, List<Citation> citations) {

    public enum Kind { ADVICE, WARNING }

    public Recommendation {
        because = List.copyOf(because);
        why = List.copyOf(why);
        citations = List.copyOf(citations);
    }
}
