package io.github.dlcareer.advisor.internal;

/**
 * MYCIN-style combination of evidence. Supporting weights combine into a measure of belief
 * {@code MB = 1 - (1-w1)(1-w2)...}, so each further independent rule adds less but always adds; weakening
 * weights combine the same way into a measure of disbelief MD; the certainty is
 * {@code (MB - MD) / (1 - min(MB, MD))}.
 */
final class CertaintyFactors {

    private CertaintyFactors() {
    }

    static double combine(double[] supporting, double[] weakening) {
        double belief = union(supporting);
        double disbelief = union(weakening);
        double denominator = 1 - Math.min(belief, disbelief);
        return denominator == 0 ? 0 : (belief - disbelief) / denominator;
    }

    private static double union(double[] weights) {
        double none = 1;
        for (double weight : weights) {
            none *= 1 - weight;
        }
        return 1 - none;
    }
}
