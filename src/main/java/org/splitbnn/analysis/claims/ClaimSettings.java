package org.splitbnn.analysis.claims;

/**
 * How the claims' intervals are drawn.
 *
 * @param seed       seed of the bootstrap's generator
 * @param resamples  bootstrap resamples per row
 * @param confidence coverage of the interval
 */
public record ClaimSettings(long seed, int resamples, double confidence) {

    /** Default seed. */
    public static final long DEFAULT_SEED = 1;

    /** Default resamples. */
    public static final int DEFAULT_RESAMPLES = 2000;

    /** The coverage of every interval. */
    public static final double CONFIDENCE = 0.95;

    /** Checks the settings. */
    public ClaimSettings {
        if (resamples < 100) {
            throw new IllegalArgumentException("claims need at least 100 bootstrap resamples, got " + resamples);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), got " + confidence);
        }
    }

    /** The defaults: seed 1, 2000 resamples, 95%. */
    public static ClaimSettings defaults() {
        return new ClaimSettings(DEFAULT_SEED, DEFAULT_RESAMPLES, CONFIDENCE);
    }
}
