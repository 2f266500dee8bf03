package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.Problem;

class BnnProblemTest {

    private final Dataset train = ModelFixtures.devTrain();

    @Test
    void fullPriorProblem() {
        BnnProblem problem = new BnnProblem(train, 2, Prior.parse("full", Prior.DEFAULT_HALF_WIDTH));
        assertEquals(9, problem.dimension());
        assertEquals(NetworkShape.PAPER.parameterNames(), problem.parameterNames());
        assertEquals(ModelFixtures.CHECK_LOG_L, problem.logLikelihood(ModelFixtures.CHECK_THETA),
                1e-9 * Math.abs(ModelFixtures.CHECK_LOG_L));
        double[] theta = new double[9];
        problem.fromUnitCube(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0.5}, theta);
        assertEquals(-5, theta[0]);
        assertEquals(0, theta[8]);
    }

    @Test
    void constrainedPriorRejectsThroughTheLikelihood() {
        BnnProblem problem = new BnnProblem(train, 2, new ConstrainedPrior(5));
        // The check point has w12 - w21 = 3 > 0 but sym(W) = [[1, 0.5], [0.5, 0.5]] is positive definite: allowed.
        assertEquals(ModelFixtures.CHECK_LOG_L, problem.logLikelihood(ModelFixtures.CHECK_THETA),
                1e-9 * Math.abs(ModelFixtures.CHECK_LOG_L));
        double[] outside = ModelFixtures.CHECK_THETA.clone();
        outside[0] = -1;
        assertEquals(Problem.LOG_ZERO, problem.logLikelihood(outside));
    }

    @Test
    void transformPriorNeverRejects() {
        BnnProblem problem = new BnnProblem(train, 2, new ConstrainedTransformPrior(5));
        double[] theta = new double[9];
        problem.fromUnitCube(new double[] {0.3, 0.6, 0.2, 0.9, 0.5, 0.5, 0.5, 0.5, 0.5}, theta);
        double exact = new Network(NetworkShape.PAPER, theta).logLikelihood(train);
        assertEquals(exact, problem.logLikelihood(theta), 1e-12 * Math.abs(exact));
    }
}
