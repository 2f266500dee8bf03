package org.splitbnn.sampler;

import java.util.List;

/**
 * A nested-sampling problem: a prior given as a transform of the unit hypercube (PolyChord's convention) and a
 * log-likelihood over the physical parameters.
 *
 * <p>A log-likelihood at or below {@link #LOG_ZERO} marks a point outside the prior's support: it is never accepted,
 * and the evidence is normalised to the allowed region (see {@link SamplerResult#logPriorVolumeFraction()}).
 *
 * <p>A sampler run calls one problem from one thread; implementations may keep scratch buffers.
 */
public interface Problem {

    /** PolyChord's logzero: a log-likelihood at or below this value is outside the prior's support. */
    double LOG_ZERO = -1e30;

    /** Number of parameters. */
    int dimension();

    /** Parameter names, {@link #dimension()} of them, in order. */
    List<String> parameterNames();

    /**
     * Maps a point of the unit hypercube to physical parameters.
     *
     * @param unit  coordinates in [0, 1), length {@link #dimension()}; not modified
     * @param theta receives the physical parameters, length {@link #dimension()}
     */
    void fromUnitCube(double[] unit, double[] theta);

    /** Log-likelihood of physical parameters; {@link #LOG_ZERO} or below (or -infinity) outside the support. */
    double logLikelihood(double[] theta);

    /** True when a log-likelihood value marks a point outside the prior's support. */
    static boolean isOutsideSupport(double logL) {
        return !(logL > LOG_ZERO);
    }
}
