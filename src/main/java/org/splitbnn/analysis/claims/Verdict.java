package org.splitbnn.analysis.claims;

/** What a claim's interval says about its threshold. */
public enum Verdict {
    /** The whole interval lies strictly on the claim's side of the threshold. */
    SUPPORTED,
    /** No part of the interval lies strictly on the claim's side. */
    REFUTED,
    /** The interval reaches both sides (or is unknown: fewer than two training sets). */
    INCONCLUSIVE;

    /** The verdict's name in the table: {@code supported}, {@code refuted} or {@code inconclusive}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The verdict on the interval [low, high] for a claim that the statistic lies above ({@code above}) or below
     * the threshold. Unknown ends (NaN) give {@link #INCONCLUSIVE}.
     */
    public static Verdict of(double low, double high, double threshold, boolean above) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return INCONCLUSIVE;
        }
        if (above) {
            return low > threshold ? SUPPORTED : high <= threshold ? REFUTED : INCONCLUSIVE;
        }
        return high < threshold ? SUPPORTED : low >= threshold ? REFUTED : INCONCLUSIVE;
    }
}
