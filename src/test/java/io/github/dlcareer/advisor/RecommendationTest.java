package io.github.dlcareer.advisor;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A recommendation's {@code why} may be made when first read: then once, and the same as one given at once. */
class RecommendationTest {

    private static Recommendation deferred(AtomicInteger made, List<String> why) {
        return new Recommendation(1, "a", Recommendation.Kind.ADVICE, "gpu", "A", "Do a.", 0.5, List.of("x = 1"),
                () -> {
                    made.incrementAndGet();
                    return why;
                }, List.of());
    }

    @Test
    void aDeferredWhyIsMadeOnlyWhenReadAndThenOnce() {
        AtomicInteger made = new AtomicInteger();
        Recommendation r = deferred(made, List.of("you have no GPU"));

        assertThat(made).hasValue(0);
        assertThat(r.why()).containsExactly("you have no GPU");
        assertThat(r.why()).hasSize(1);
        assertThat(made).hasValue(1);
    }

    @Test
    void aDeferredWhyEqualsTheSameGivenAtOnceAndCannotBeChanged() {
        List<String> words = new ArrayList<>(List.of("you have no GPU", "you study alone"));
        Recommendation now = new Recommendation(1, "a", Recommendation.Kind.ADVICE, "gpu", "A", "Do a.", 0.5,
                List.of("x = 1"), List.copyOf(words), List.of());
        Recommendation later = deferred(new AtomicInteger(), words);

        assertThat(later).isEqualTo(now).hasSameHashCodeAs(now);
        words.clear(); // the list handed over is copied when made
        assertThat(later.why()).hasSize(2);
        assertThatThrownBy(() -> later.why().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }
}
