package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.NestedSampler;
import org.splitbnn.sampler.ProgressListener;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;

/**
 * The symmetry-breaking priors of any width: log F = -log(2^N N!) against a Monte Carlo count of the box, and against
 * the nested sampler's own estimate; the transform's images in the region and uniform on it; one image of every
 * network in the region; both priors' evidences equal.
 */
class OrderedPriorTest {

    @Test
    void allowedFractionIsOneOverTwoToTheNTimesNFactorial() {
        assertEquals(-Math.log(8), OrderedPrior.logAllowedFraction(NetworkShape.PAPER), 1e-15);
        assertEquals(-Math.log(384), OrderedPrior.logAllowedFraction(new NetworkShape(3, 4)), 1e-14);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(31L);
        int draws = 400_000;
        for (int hidden = 1; hidden <= 4; hidden++) {
            NetworkShape shape = new NetworkShape(3, hidden);
            OrderedPrior prior = new OrderedPrior(5);
            double[] unit = new double[shape.dimension()];
            double[] theta = new double[shape.dimension()];
            int accepted = 0;
            for (int draw = 0; draw < draws; draw++) {
                for (int i = 0; i < unit.length; i++) {
                    unit[i] = rng.nextDouble();
                }
                prior.fromUnitCube(shape, unit, theta);
                accepted += prior.allows(shape, theta) ? 1 : 0;
            }
            double f = Math.exp(OrderedPrior.logAllowedFraction(shape));
            assertEquals(f, (double) accepted / draws, 4 * Math.sqrt(f * (1 - f) / draws), "hidden " + hidden);
        }
    }

    @Test
    void samplersEstimateOfLogFAgreesWithTheExactValue() {
        Dataset data = ModelFixtures.parity(3, 40);
        for (int hidden : new int[] {2, 3}) {
            BnnProblem problem = new BnnProblem(data, hidden, new OrderedPrior(5));
            SamplerResult r = NestedSampler.run(problem, SamplerSettings.defaults(problem.dimension(), 1)
                    .withNlive(60).withNprior(600).withNumRepeats(problem.dimension()), ProgressListener.QUIET);
            double exact = OrderedPrior.logAllowedFraction(problem.shape());
            assertEquals(exact, r.logPriorVolumeFraction(), 4 * r.logPriorVolumeFractionErr(), "hidden " + hidden);
        }
    }

    @Test
    void transformImagesAreOrderedAndUniformOnTheRegion() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(32L);
        NetworkShape shape = new NetworkShape(2, 3);
        OrderedTransformPrior prior = new OrderedTransformPrior(5);
        double[] unit = new double[shape.dimension()];
        double[] theta = new double[shape.dimension()];
        int draws = 200_000;
        double[] sum = new double[3];
        for (int draw = 0; draw < draws; draw++) {
            for (int i = 0; i < unit.length; i++) {
                unit[i] = rng.nextDouble();
            }
            prior.fromUnitCube(shape, unit, theta);
            assertTrue(OrderedPrior.ordered(shape, theta));
            assertTrue(prior.allows(shape, theta));
            for (int k = 0; k < 3; k++) {
                assertTrue(theta[shape.outputWeight(k)] < 5);
                sum[k] += theta[shape.outputWeight(k)];
            }
        }
        // uniform on a > W2_1 >= W2_2 >= W2_3 >= 0: the order statistics of 3 uniforms, means a (4 - k) / 4 and
        // variances a^2 k (4 - k) / 80 for the k-th largest
        for (int k = 1; k <= 3; k++) {
            double sd = 5 * Math.sqrt(k * (4.0 - k) / 80 / draws);
            assertEquals(5 * (4.0 - k) / 4, sum[k - 1] / draws, 4 * sd, "W2_" + k);
        }
    }

    @Test
    void oneImageOfEveryNetworkLiesInTheRegion() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(33L);
        NetworkShape shape = new NetworkShape(4, 3);
        List<HiddenUnitSymmetry> maps = HiddenUnitSymmetry.all(shape);
        for (int draw = 0; draw < 200; draw++) {
            double[] theta = ModelFixtures.uniformTheta(rng, shape.dimension(), 5);
            int inside = 0;
            for (HiddenUnitSymmetry map : maps) {
                inside += OrderedPrior.ordered(shape, map.apply(theta)) ? 1 : 0;
            }
            assertEquals(1, inside);
        }
        assertFalse(OrderedPrior.ordered(NetworkShape.PAPER, new double[] {0, 0, 0, 0, 0, 0, 1, 2, 0}));
        assertFalse(OrderedPrior.ordered(NetworkShape.PAPER, new double[] {0, 0, 0, 0, 0, 0, 1, -0.5, 0}));
    }

    @Test
    void rejectionAndTransformGiveTheSameEvidence() {
        Dataset data = ModelFixtures.parity(2, 40);
        SamplerResult[] runs = new SamplerResult[2];
        Prior[] priors = {new OrderedPrior(5), new OrderedTransformPrior(5)};
        for (int p = 0; p < 2; p++) {
            BnnProblem problem = new BnnProblem(data, 2, priors[p]);
            runs[p] = NestedSampler.run(problem, SamplerSettings.defaults(problem.dimension(), 3).withNlive(100)
                    .withNprior(1000), ProgressListener.QUIET);
        }
        assertEquals(0, runs[1].logPriorVolumeFraction(), 0, "the transform rejects nothing");
        assertEquals(runs[0].logZ(), runs[1].logZ(), 4 * Math.hypot(runs[0].logZErr(), runs[1].logZErr()));
    }
}
