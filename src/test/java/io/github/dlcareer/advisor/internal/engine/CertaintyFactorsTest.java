package io.github.dlcareer.advisor.internal.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CertaintyFactorsTest {

    @Test
    void oneSupportingRuleGivesItsWeight() {
        assertThat(CertaintyFactors.combine(new double[] {0.6}, new double[0])).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void eachFurtherSupportAddsLessButAlwaysAdds() {
        double one = CertaintyFactors.combine(new double[] {0.6}, new double[0]);
        double two = CertaintyFactors.combine(new double[] {0.6, 0.6}, new double[0]);
        double three = CertaintyFactors.combine(new double[] {0.6, 0.6, 0.6}, new double[0]);

        assertThat(two).isCloseTo(0.84, within(1e-12));
        assertThat(three).isGreaterThan(two).isLessThan(1);
        assertThat(three - two).isLessThan(two - one);
    }

    @Test
    void weakeningLowersAndEqualWeakeningCancels() {
        assertThat(CertaintyFactors.combine(new double[] {0.8}, new double[] {0.4}))
                .isCloseTo((0.8 - 0.4) / (1 - 0.4), within(1e-12));
        assertThat(CertaintyFactors.combine(new double[] {0.6}, new double[] {0.6})).isZero();
        assertThat(CertaintyFactors.combine(new double[] {0.3}, new double[] {0.6})).isNegative();
    }

    @Test
    void certaintyOnBothSidesIsNoCertainty() {
        assertThat(CertaintyFactors.combine(new double[] {1.0}, new double[] {1.0})).isZero();
    }
}
