package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;

class FunctionIdentityTest {

    /** A 2-2-1 network that solves the dev data's XOR: unit 1 fires on x1 + x2 > 0, unit 2 on x1 - x2 > 0. */
    private static final double[] XOR = {4, 4, 4, -4, 0, 0, 4, -4, 0};

    private final Dataset train = ModelFixtures.devTrain();
    private final FunctionIdentity identity = FunctionIdentity.of(train);
    private final NetworkShape shape = NetworkShape.PAPER;

    @Test
    void probesTheTrainingInputs() {
        assertEquals(train.size(), identity.inputs()[0].length);
        assertEquals(train.x(1, 7), identity.inputs()[1][7]);
        assertEquals(FunctionIdentity.THRESHOLD, identity.threshold());
        assertEquals(FunctionIdentity.FLOOR, identity.floor());
    }

    @Test
    void everySymmetryImageOfAPointIsTheSameFunction() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        for (int hidden = 1; hidden <= 3; hidden++) {
            NetworkShape s = new NetworkShape(2, hidden);
            double[] theta = ModelFixtures.uniformTheta(rng, s.dimension(), 5);
            FunctionSignature original = identity.signature(s, theta);
            for (HiddenUnitSymmetry map : HiddenUnitSymmetry.all(s)) {
                FunctionSignature image = identity.signature(s, map.apply(theta));
                assertEquals(0, identity.distance(original, image), 1e-11, map.toString());
                assertTrue(identity.same(original, image));
            }
        }
    }

    @Test
    void twoIndependentCloudsAroundSymmetryImagesAreTheSameFunction() {
        // Two modes that are images of each other, each sampled on its own (1000 samples, sd 0.3 per parameter):
        // their mean predictions differ only by Monte Carlo noise, well below the threshold.
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(12L);
        HiddenUnitSymmetry map = new HiddenUnitSymmetry(2, List.of(true, false), List.of(1, 0));
        FunctionSignature a = identity.signature(shape, cloud(rng, XOR, 0.3, 1000));
        FunctionSignature b = identity.signature(shape, cloud(rng, map.apply(XOR), 0.3, 1000));
        assertTrue(identity.distance(a, b) < identity.threshold() / 2, "distance " + identity.distance(a, b));
        assertTrue(identity.same(a, b));
    }

    @Test
    void aPieceOfACloudCutOffByAWallIsTheSameFunctionAsTheCloud() {
        // The box wall or the sampler's clustering can leave a mode that is only part of a function's cloud: here
        // the samples with b2 above 0.3 (about 27% of them). Its mean predictions move, but stay inside the spread.
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(14L);
        double[][] samples = cloud(rng, XOR, 0.5, 4000);
        double[][] piece = java.util.Arrays.stream(samples).filter(t -> t[shape.outputBias()] > 0.3)
                .toArray(double[][]::new);
        FunctionSignature whole = identity.signature(shape, samples);
        FunctionSignature part = identity.signature(shape, piece);
        double meanShift = 0;
        for (int k = 0; k < train.size(); k++) {
            meanShift = Math.max(meanShift, Math.abs(whole.mean()[k] - part.mean()[k]));
        }
        assertTrue(meanShift > 2.5 * identity.floor(), "the piece's predictions move by " + meanShift);
        assertTrue(identity.same(whole, part), "distance " + identity.distance(whole, part));
    }

    @Test
    void theComplementNetworkIsADifferentFunctionAtItsExactDistance() {
        // Negating the output weights and bias predicts 1 - p: no symmetry does that.
        double[] complement = XOR.clone();
        for (int unit = 0; unit < 2; unit++) {
            complement[shape.outputWeight(unit)] = -complement[shape.outputWeight(unit)];
        }
        complement[shape.outputBias()] = -complement[shape.outputBias()];
        Network xor = new Network(shape, XOR);
        double expected = 0;
        for (int row = 0; row < train.size(); row++) {
            expected = Math.max(expected, Math.abs(1 - 2 * xor.probability(train.x(0, row), train.x(1, row))));
        }
        FunctionSignature a = identity.signature(shape, XOR);
        FunctionSignature b = identity.signature(shape, complement);
        assertEquals(expected / identity.floor(), identity.distance(a, b), 1e-12);
        assertTrue(expected > 0.9);
        assertFalse(identity.same(a, b));
        // and as clouds: each spread (sd 0.3 per parameter), still far apart
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(15L);
        FunctionSignature cloudA = identity.signature(shape, cloud(rng, XOR, 0.3, 1000));
        FunctionSignature cloudB = identity.signature(shape, cloud(rng, complement, 0.3, 1000));
        assertTrue(identity.distance(cloudA, cloudB) > 4 * identity.threshold(),
                "distance " + identity.distance(cloudA, cloudB));
    }

    @Test
    void constantNetworksAreTheirDifferenceInProbabilityOverTheFloorApart() {
        // Output weights 0: p = sigmoid(b2) everywhere, 1/2 for b2 = 0 and 3/4 for b2 = log 3; spread 0.
        double[] half = new double[9];
        double[] threeQuarters = new double[9];
        threeQuarters[shape.outputBias()] = Math.log(3);
        assertEquals(0.25 / identity.floor(),
                identity.distance(identity.signature(shape, half), identity.signature(shape, threeQuarters)), 1e-12);
        FunctionSignature point = identity.signature(shape, half);
        assertArrayEquals(new double[train.size()], point.sd());
    }

    @Test
    void aNearDegenerateUnitDoesNotSplitAFunction() {
        // Unit 2's output weight straddles 0 (sd 0.01), so "flip each unit to a positive output weight" flips it in
        // about half the samples and its input weights, which the output ignores, are uniform over the box: the
        // canonical parameters of this mode are a mess, but it is one function, the same as its images and as
        // the single network with unit 2 switched off.
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(13L);
        double[] oneUnit = {4, 0, -4, 0, 0, 0, 6, 0, -3};
        double[][] samples = cloud(rng, oneUnit, 0.05, 1000);
        for (double[] theta : samples) {
            theta[shape.inputWeight(0, 1)] = 5 * (2 * rng.nextDouble() - 1);
            theta[shape.inputWeight(1, 1)] = 5 * (2 * rng.nextDouble() - 1);
            theta[shape.hiddenBias(1)] = 5 * (2 * rng.nextDouble() - 1);
            theta[shape.outputWeight(1)] = 0.01 * ZigguratSampler.NormalizedGaussian.of(rng).sample();
        }
        HiddenUnitSymmetry swapAndFlip = new HiddenUnitSymmetry(2, List.of(true, true), List.of(1, 0));
        double[][] images = new double[samples.length][];
        for (int s = 0; s < samples.length; s++) {
            images[s] = swapAndFlip.apply(samples[s]);
        }
        FunctionSignature mode = identity.signature(shape, samples);
        assertEquals(0, identity.distance(mode, identity.signature(shape, images)), 1e-11);
        FunctionSignature point = identity.signature(shape, oneUnit);
        assertTrue(identity.distance(mode, point) < identity.threshold() / 2, "distance "
                + identity.distance(mode, point));
        assertTrue(identity.same(mode, point));
    }

    @Test
    void aVagueSignatureBetweenTwoFunctionsJoinsOneAndDoesNotChainThem() {
        FunctionSignature a = new FunctionSignature(new double[] {0.2}, new double[] {0});
        FunctionSignature b = new FunctionSignature(new double[] {0.8}, new double[] {0});
        FunctionSignature vague = new FunctionSignature(new double[] {0.45}, new double[] {0.15});
        FunctionIdentity one = new FunctionIdentity(new double[][] {{0}, {0}}, 2.5, 0.01);
        assertEquals(0.25 / Math.sqrt(0.15 * 0.15 + 0.01 * 0.01), one.distance(a, vague), 1e-12);
        assertEquals(0.35 / Math.sqrt(0.15 * 0.15 + 0.01 * 0.01), one.distance(b, vague), 1e-12);
        assertTrue(one.same(a, vague) && one.same(b, vague) && !one.same(a, b));
        assertArrayEquals(new int[] {0, 1, 0}, one.groups(List.of(a, b, vague)));
        assertArrayEquals(new int[] {0, 1, 1}, one.groups(List.of(b, a, vague)), "it joins the nearer, a");
    }

    @Test
    void groupsAreNumberedByFirstMember() {
        HiddenUnitSymmetry swap = new HiddenUnitSymmetry(2, List.of(false, false), List.of(1, 0));
        HiddenUnitSymmetry flip = new HiddenUnitSymmetry(2, List.of(false, true), List.of(0, 1));
        double[] other = {1, 2, -1, 0.5, 0.1, -0.2, 3, -2, 0.3};
        List<FunctionSignature> signatures = List.of(identity.signature(shape, other),
                identity.signature(shape, XOR), identity.signature(shape, swap.apply(other)),
                identity.signature(shape, flip.apply(XOR)), identity.signature(shape, flip.apply(swap.apply(XOR))));
        assertArrayEquals(new int[] {0, 1, 0, 1, 1}, identity.groups(signatures));
        assertArrayEquals(new int[0], identity.groups(List.of()));
    }

    @Test
    void sameIsDecidedByTheThreshold() {
        double[] half = new double[9];
        double[] seventy = new double[9];
        seventy[shape.outputBias()] = Math.log(0.7 / 0.3);
        FunctionSignature a = identity.signature(shape, half);
        FunctionSignature b = identity.signature(shape, seventy);
        double d = identity.distance(a, b);
        assertEquals(0.2 / identity.floor(), d, 1e-12);
        assertTrue(new FunctionIdentity(identity.inputs(), d, identity.floor()).same(a, b));
        assertFalse(new FunctionIdentity(identity.inputs(), Math.nextDown(d), identity.floor()).same(a, b));
    }

    private static double[][] cloud(UniformRandomProvider rng, double[] centre, double sd, int n) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] samples = new double[n][centre.length];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < centre.length; j++) {
                samples[s][j] = centre[j] + sd * gauss.sample();
            }
        }
        return samples;
    }
}
