package org.splitbnn.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.model.FunctionIdentity;
import org.splitbnn.model.FunctionSignature;

class FunctionReportTest {

    /** One probe input; signatures 0.2 and 0.8 apart from each other with no spread: two functions. */
    private static final FunctionIdentity IDENTITY = new FunctionIdentity(new double[][] {{0}, {0}},
            FunctionIdentity.THRESHOLD, FunctionIdentity.FLOOR);
    private static final FunctionSignature A = new FunctionSignature(new double[] {0.2}, new double[] {0});
    private static final FunctionSignature B = new FunctionSignature(new double[] {0.8}, new double[] {0});

    // weights 0.4 (function A), 0.35 and 0.2 (both B), 0.05 (not prominent)
    private static final double[] Z = {0.4, 0.35, 0.2, 0.05};
    private static final double[] ERR = {0.05, 0.1, 0.2, 0.3};
    private final List<ModeReport> modes = List.of(mode(1, true), mode(2, true), mode(3, true), mode(4, false));

    @Test
    void theFunctionWithTheLargestSummedEvidenceIsFirst() {
        List<FunctionReport> functions = FunctionReport.of(modes, List.of(A, B, B), IDENTITY, 1e-3);
        assertEquals(2, functions.size());
        FunctionReport first = functions.get(0);
        assertEquals(1, first.function());
        assertEquals(List.of(2, 3), first.modes());
        assertEquals(Math.log(0.55), first.logZ(), 1e-14);
        assertEquals(Math.hypot(0.35 * 0.1, 0.2 * 0.2) / 0.55, first.logZErr(), 1e-14);
        assertEquals(0.55, first.weight(), 1e-14);
        double restErr = Math.hypot(0.4 * 0.05, 0.05 * 0.3) / 0.45;
        assertEquals(0.55 * 0.45 * Math.hypot(first.logZErr(), restErr), first.weightErr(), 1e-14);
        FunctionReport second = functions.get(1);
        assertEquals(2, second.function());
        assertEquals(List.of(1), second.modes());
        assertEquals(0.4, second.weight(), 1e-14);
        assertEquals(0.05, second.logZErr(), 1e-14);

        assertTrue(first.prominent() && second.prominent());
        // at prominence 0.8 the second function, 0.4 / 0.55 of the first, is not prominent, but keeps its rank
        List<FunctionReport> strict = FunctionReport.of(modes, List.of(A, B, B), IDENTITY, 0.8);
        assertEquals(List.of(true, false), strict.stream().map(FunctionReport::prominent).toList());
        assertEquals(List.of(1), strict.get(1).modes());

        List<ModeReport> labelled = FunctionReport.label(modes, functions);
        assertEquals(List.of(2, 1, 1, 0), labelled.stream().map(ModeReport::function).toList());
    }

    @Test
    void theWeightErrorMatchesSimulatedIndependentLocalEvidences() {
        // Draw each local log Z from a normal with its reported error; the sd of the function's weight over the
        // draws must match the reported weightErr (to first order; errors here are small enough for that).
        double[] err = {0.02, 0.03, 0.05, 0.04};
        List<ModeReport> small = List.of(mode(1, true, err[0]), mode(2, true, err[1]), mode(3, true, err[2]),
                mode(4, false, err[3]));
        FunctionReport first = FunctionReport.of(small, List.of(A, B, B), IDENTITY, 1e-3).get(0);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(5L);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        StandardDeviation sd = new StandardDeviation();
        int draws = 20_000;
        for (int d = 0; d < draws; d++) {
            double[] z = new double[4];
            double total = 0;
            for (int k = 0; k < 4; k++) {
                z[k] = Z[k] * Math.exp(err[k] * gauss.sample());
                total += z[k];
            }
            sd.increment((z[1] + z[2]) / total);
        }
        // the sd of a sample sd of n normal draws is sd / sqrt(2 (n - 1)); allow 4 of those plus 3% for the
        // linearisation
        double tolerance = first.weightErr() * (4 / Math.sqrt(2.0 * (draws - 1)) + 0.03);
        assertEquals(first.weightErr(), sd.getResult(), tolerance);
    }

    @Test
    void noProminentModesNoFunctions() {
        assertEquals(List.of(), FunctionReport.of(List.of(mode(1, false)), List.of(), IDENTITY, 1e-3));
        assertThrows(IllegalArgumentException.class, () -> FunctionReport.of(modes, List.of(A), IDENTITY, 1e-3));
    }

    private static ModeReport mode(int rank, boolean prominent) {
        return mode(rank, prominent, ERR[rank - 1]);
    }

    private static ModeReport mode(int rank, boolean prominent, double err) {
        return new ModeReport(rank, 10 + rank, Math.log(Z[rank - 1]), err, Z[rank - 1], prominent, List.of(0.0),
                List.of(1.0), 0);
    }
}
