package org.splitbnn.model;

import java.util.List;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.Problem;

/**
 * The nested-sampling problem of a D-N-1 Bayesian neural network: a prior on its parameters and the Bernoulli
 * likelihood of a training set. Points a rejection prior excludes get {@link Problem#LOG_ZERO}.
 *
 * <p>Cheap to construct (copies the data into a {@link FastLogLikelihood}); use one instance from one thread.
 */
public final class BnnProblem implements Problem {

    private final NetworkShape shape;
    private final Prior prior;
    private final FastLogLikelihood likelihood;
    private final List<String> parameterNames;

    /**
     * The problem for networks with {@code hidden} hidden units trained on {@code train}, with one input per input
     * column of {@code train}.
     *
     * @throws IllegalArgumentException if the prior does not apply to that network (naming the prior)
     */
    public BnnProblem(Dataset train, int hidden, Prior prior) {
        this.shape = new NetworkShape(train.inputs(), hidden);
        prior.checkApplicable(shape);
        this.prior = prior;
        this.likelihood = new FastLogLikelihood(train, shape);
        this.parameterNames = shape.parameterNames();
    }

    /** The network's shape. */
    public NetworkShape shape() {
        return shape;
    }

    /** The prior. */
    public Prior prior() {
        return prior;
    }

    @Override
    public int dimension() {
        return shape.dimension();
    }

    @Override
    public List<String> parameterNames() {
        return parameterNames;
    }

    @Override
    public void fromUnitCube(double[] unit, double[] theta) {
        prior.fromUnitCube(shape, unit, theta);
    }

    @Override
    public double logLikelihood(double[] theta) {
        return prior.allows(shape, theta) ? likelihood.logLikelihood(theta) : LOG_ZERO;
    }
}
