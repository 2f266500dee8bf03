package org.splitbnn.sampler;

/**
 * Settings of one nested-sampling run, with PolyChord's names and the pypolychord defaults.
 *
 * @param nlive              number of live points (default 25 x dimension)
 * @param numRepeats         slice-sampling steps per new point (default 5 x dimension)
 * @param nprior             prior draws at the start, the lowest dying first until nlive remain (default nlive)
 * @param nfail              rejected prior draws per wanted point after which the prior stage gives up, so that an
 *                           allowed fraction below about 1 / (nfail + 1) is refused (default nlive)
 * @param doClustering       whether live points are clustered into modes
 * @param precisionCriterion stop when the live points' evidence is below this fraction of the total
 * @param compressionFactor  clustering, whitening and progress are refreshed each time the volume shrinks by this factor
 * @param maxNdead           stop after this many dead points; -1 for no limit
 * @param seed               the one seed every random choice of the run flows from
 * @param sampler            how dead points are replaced: {@code slice} (default, the paper's method) or
 *                           {@code region} (rejection sampling from the live points' ellipsoids)
 */
public record SamplerSettings(int nlive, int numRepeats, int nprior, int nfail, boolean doClustering,
                              double precisionCriterion, double compressionFactor, long maxNdead, long seed,
                              SamplerKind sampler) {

    /** Checks every setting; an impossible one is refused with a message that names it. */
    public SamplerSettings {
        require(nlive >= 2, "nlive must be at least 2, got " + nlive);
        require(numRepeats >= 1, "num_repeats must be at least 1, got " + numRepeats);
        require(nprior >= nlive, "nprior must be at least nlive (" + nlive + "), got " + nprior);
        require(nfail >= 1, "nfail must be at least 1, got " + nfail);
        require(precisionCriterion > 0 && precisionCriterion < 1,
                "precision_criterion must lie in (0, 1), got " + precisionCriterion);
        require(compressionFactor > 0 && compressionFactor < 1,
                "compression_factor must lie in (0, 1), got " + compressionFactor);
        require(maxNdead == -1 || maxNdead > 0, "max_ndead must be -1 (no limit) or positive, got " + maxNdead);
        require(sampler != null, "sampler must be given");
    }

    /** The pypolychord defaults for a problem of the given dimension. */
    public static SamplerSettings defaults(int dimension, long seed) {
        int nlive = 25 * dimension;
        return new SamplerSettings(nlive, 5 * dimension, nlive, nlive, true, 0.001, Math.exp(-1), -1, seed,
                SamplerKind.SLICE);
    }

    /** The most elements a Java array may hold. */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /** Dead points the sampler has room for at the start, per live point. */
    static final int DEAD_CAPACITY_PER_LIVE_POINT = 32;

    /** Checks the settings against a problem's dimension, including that the sampler's arrays fit Java arrays. */
    public void checkFor(int dimension) {
        require(nlive > dimension, "nlive must exceed the dimension (" + dimension + "), got " + nlive);
        require((long) nprior * dimension <= MAX_ARRAY_LENGTH, "nprior x dimension = " + (long) nprior * dimension
                + " exceeds the largest array (" + MAX_ARRAY_LENGTH + " elements); lower nprior");
        long dead = (long) DEAD_CAPACITY_PER_LIVE_POINT * nlive * dimension;
        require(dead <= MAX_ARRAY_LENGTH, DEAD_CAPACITY_PER_LIVE_POINT + " x nlive x dimension = " + dead
                + " exceeds the largest array (" + MAX_ARRAY_LENGTH + " elements); lower nlive");
    }

    /**
     * A lower bound on the heap a run on a problem of this dimension needs: the arrays the sampler allocates at the
     * start (the nprior prior draws and room for {@value #DEAD_CAPACITY_PER_LIVE_POINT} x nlive dead points).
     */
    public long minimumHeapBytes(int dimension) {
        long priorDraws = (long) nprior * (16L * dimension + 24);
        long dead = (long) DEAD_CAPACITY_PER_LIVE_POINT * nlive * (8L * dimension + 36);
        return priorDraws + dead;
    }

    /** These settings with another nlive; nprior and nfail follow when they were tied to the old nlive. */
    public SamplerSettings withNlive(int n) {
        return new SamplerSettings(n, numRepeats, nprior == nlive ? n : Math.max(nprior, n), nfail == nlive ? n : nfail,
                doClustering, precisionCriterion, compressionFactor, maxNdead, seed, sampler);
    }

    public SamplerSettings withNumRepeats(int r) {
        return new SamplerSettings(nlive, r, nprior, nfail, doClustering, precisionCriterion, compressionFactor,
                maxNdead, seed, sampler);
    }

    public SamplerSettings withNprior(int p) {
        return new SamplerSettings(nlive, numRepeats, p, nfail, doClustering, precisionCriterion, compressionFactor,
                maxNdead, seed, sampler);
    }

    public SamplerSettings withClustering(boolean c) {
        return new SamplerSettings(nlive, numRepeats, nprior, nfail, c, precisionCriterion, compressionFactor,
                maxNdead, seed, sampler);
    }

    public SamplerSettings withMaxNdead(long m) {
        return new SamplerSettings(nlive, numRepeats, nprior, nfail, doClustering, precisionCriterion,
                compressionFactor, m, seed, sampler);
    }

    public SamplerSettings withSeed(long s) {
        return new SamplerSettings(nlive, numRepeats, nprior, nfail, doClustering, precisionCriterion,
                compressionFactor, maxNdead, s, sampler);
    }

    public SamplerSettings withSampler(SamplerKind k) {
        return new SamplerSettings(nlive, numRepeats, nprior, nfail, doClustering, precisionCriterion,
                compressionFactor, maxNdead, seed, k);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
