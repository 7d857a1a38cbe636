package io.github.dlcareer.advisor;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Supplier;

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
 *                  (you took deeplearning.ai)"), so not one for each of {@code because}; made when first read
 *                  (see the constructor that takes a {@link Supplier})
 * @param citations the passages it rests on
 */
public record Recommendation(int rank, String id, Kind kind, String topic, String title, String advice,
                             double score, List<String> because, List<String> why, List<Citation> citations) {

    public enum Kind { ADVICE, WARNING }

    public Recommendation {
        because = List.copyOf(because);
        why = why instanceof Deferred ? why : List.copyOf(why);
        citations = List.copyOf(citations);
    }

    /**
     * A recommendation whose {@code why} is made by {@code why} when first read, then kept: a batch whose output
     * never shows it (compact JSON Lines, CSV, tables) does not pay for it, a tenth of the time advising takes.
     */
    public Recommendation(int rank, String id, Kind kind, String topic, String title, String advice, double score,
                          List<String> because, Supplier<List<String>> why, List<Citation> citations) {
        this(rank, id, kind, topic, title, advice, score, because, new Deferred(why), citations);
    }

    /** An unmodifiable list made when first read, on whichever thread reads it first. */
    private static final class Deferred extends AbstractList<String> implements RandomAccess {
        private Supplier<List<String>> make; // dropped once made, with what it holds
        private volatile List<String> made;

        Deferred(Supplier<List<String>> make) {
            this.make = make;
        }

        private List<String> list() {
            List<String> list = made;
            if (list == null) {
                synchronized (this) {
                    if (made == null) {
                        made = List.copyOf(make.get());
                        make = null;
                    }
                    list = made;
                }
            }
            return list;
        }

        @Override
        public String get(int index) {
            return list().get(index);
        }

        @Override
        public int size() {
            return list().size();
        }
    }
}
