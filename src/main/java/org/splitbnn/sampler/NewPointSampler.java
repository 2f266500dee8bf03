package org.splitbnn.sampler;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replaces a dead point: draws a new point, from the region of one cluster of live points, inside the likelihood
 * contour. The one place where {@link SamplerSettings#sampler()} changes what a run does.
 */
interface NewPointSampler {

    /** The sampler the settings ask for, drawing from the run's generator. */
    static NewPointSampler of(SamplerSettings settings, Problem problem, UniformRandomProvider rng) {
        SliceSampler slice = new SliceSampler(problem, rng, settings.numRepeats());
        return switch (settings.sampler()) {
            case SLICE -> slice;
            case REGION -> new RegionSampler(problem, rng, slice);
        };
    }

    /**
     * Draws a new point.
     *
     * @param live     the live points
     * @param cluster  the active cluster to draw from
     * @param logLStar the contour: the new point's log-likelihood is strictly above it
     * @param outUnit  receives the new point's unit-hypercube coordinates
     * @param outTheta receives its physical parameters
     * @return its log-likelihood
     */
    double draw(LivePoints live, int cluster, double logLStar, double[] outUnit, double[] outTheta);

    /**
     * Whether the last point drawn was seeded by a live point (a slice chain), so that it lies in its seed's part of
     * the contour, rather than drawn in proportion to volume over the cluster's region.
     */
    boolean lastDrawSeeded();

    /** Likelihood calls so far that returned a value inside the support. */
    long likelihoodCalls();

    /** Likelihood calls so far that returned logzero. */
    long outsideSupportCalls();
}
