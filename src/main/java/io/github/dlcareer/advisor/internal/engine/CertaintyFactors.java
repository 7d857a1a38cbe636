package io.github.dlcareer.advisor.internal.engine;

import java.math.BigDecimal;

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

    /** The combination in words, e.g. {@code MB = 1 - (1-0.6)(1-0.4) = 0.76; MD = 0; score = 0.76}. */
    static String read(double[] supporting, double[] weakening) {
        double belief = union(supporting);
        double disbelief = union(weakening);
        return "MB = " + terms(supporting, belief) + "; MD = " + terms(weakening, disbelief) + "; score = (MB - MD) / (1 - min(MB, MD)) = "
                + round(combine(supporting, weakening));
    }

    private static String terms(double[] weights, double union) {
        if (weights.length == 0) {
            return "0";
        }
        if (weights.length == 1) {
            return round(weights[0]);
        }
        StringBuilder text = new StringBuilder("1 - ");
        for (double weight : weights) {
            text.append("(1-").append(round(weight)).append(')');
        }
        return text.append(" = ").append(round(union)).toString();
    }

    private static String round(double value) {
        return BigDecimal.valueOf(Math.round(value * 1000) / 1000.0).stripTrailingZeros().toPlainString();
    }

    private static double union(double[] weights) {
        double none = 1;
        for (double weight : weights) {
            none *= 1 - weight;
        }
        return 1 - none;
    }
}
