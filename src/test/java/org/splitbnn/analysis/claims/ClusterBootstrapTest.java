package org.splitbnn.analysis.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.splitbnn.analysis.claims.ClusterBootstrap.Interval;
import org.splitbnn.analysis.claims.ClusterBootstrap.Observation;
import org.splitbnn.analysis.claims.ClusterBootstrap.Statistic;

class ClusterBootstrapTest {

    private static final int B = 2000;

    @Test
    void twoUnitsGiveTheirValuesAsEnds() {
        // resampled means are 0, 1 or 2 with probabilities 1/4, 1/2, 1/4: both 2.5% tails sit on the extremes
        List<Observation> obs = List.of(new Observation("a", 0, 0, 0), new Observation("b", 0, 0, 2));
        Interval ci = ClusterBootstrap.of(obs, Statistic.MEAN, B, 0.95, RandomSource.XO_SHI_RO_256_PP.create(1L));
        assertEquals(1, ci.estimate());
        assertEquals(0, ci.low());
        assertEquals(2, ci.high());
        assertEquals(2, ci.units());
        assertEquals(2, ci.size());
    }

    @Test
    void unitsAreResampledWholeSoTheIntervalHasTheUnitsSpread() {
        // 40 units with values 0..39, 5 identical runs each. The resampled mean of the unit means has sd
        // s = sqrt(sum (v - mean)^2 / n) / sqrt(n), and with 40 symmetric values is close to normal: the interval is
        // mean +- 1.96 s. Resampling single runs would give s / sqrt(5) instead. Monte Carlo sd of a 2.5% quantile
        // from 2000 resamples: sqrt(0.025 * 0.975 / 2000) / phi(1.96) * s = 0.06 s; allowed: 4 of those.
        int n = 40;
        List<Observation> obs = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            for (int run = 0; run < 5; run++) {
                obs.add(new Observation("xor-" + u, 0, 0, u));
            }
        }
        double mean = (n - 1) / 2.0;
        double ss = 0;
        for (int u = 0; u < n; u++) {
            ss += (u - mean) * (u - mean);
        }
        double s = Math.sqrt(ss / n) / Math.sqrt(n);
        Interval ci = ClusterBootstrap.of(obs, Statistic.MEAN, B, 0.95, RandomSource.XO_SHI_RO_256_PP.create(7L));
        assertEquals(mean, ci.estimate(), 1e-12);
        assertEquals(mean - 1.96 * s, ci.low(), 4 * 0.06 * s);
        assertEquals(mean + 1.96 * s, ci.high(), 4 * 0.06 * s);
        assertEquals(40, ci.units());
        assertEquals(200, ci.size());
    }

    @Test
    void exactLineHasAPointInterval() {
        List<Observation> obs = new ArrayList<>();
        for (int stratum = 1; stratum <= 3; stratum++) {
            for (int u = 0; u < 4; u++) {
                double x = Math.log(110 << (stratum - 1)) / Math.log(2);
                obs.add(new Observation("set-" + stratum + "-" + u, stratum, x, 1 - 0.02 * x));
            }
        }
        Interval ci = ClusterBootstrap.of(obs, Statistic.SLOPE, B, 0.95, RandomSource.XO_SHI_RO_256_PP.create(3L));
        assertEquals(-0.02, ci.estimate(), 1e-12);
        assertEquals(-0.02, ci.low(), 1e-12);
        assertEquals(-0.02, ci.high(), 1e-12);
    }

    @Test
    void oneUnitInAStratumGivesNoInterval() {
        List<Observation> obs = List.of(new Observation("a", 1, 1, 0), new Observation("b", 2, 2, 1),
                new Observation("c", 2, 2, 3));
        Interval ci = ClusterBootstrap.of(obs, Statistic.SLOPE, B, 0.95, RandomSource.XO_SHI_RO_256_PP.create(3L));
        assertEquals(2, ci.estimate(), 1e-12); // least squares through (1, 0), (2, 1), (2, 3)
        assertFalse(ci.known());
    }

    @Test
    void sameSeedSameIntervalWhateverTheOrder() {
        List<Observation> obs = new ArrayList<>();
        Random values = new Random(5);
        for (int u = 0; u < 12; u++) {
            for (int run = 0; run < 3; run++) {
                obs.add(new Observation("xor-" + u, 0, 0, values.nextGaussian()));
            }
        }
        Interval first = ClusterBootstrap.of(obs, Statistic.MEAN, B, 0.95, RandomSource.XO_SHI_RO_256_PP.create(9L));
        Collections.shuffle(obs, new Random(1));
        Interval shuffled = ClusterBootstrap.of(obs, Statistic.MEAN, B, 0.95,
                RandomSource.XO_SHI_RO_256_PP.create(9L));
        assertEquals(first.estimate(), shuffled.estimate(), 1e-12);
        assertEquals(first.low(), shuffled.low());
        assertEquals(first.high(), shuffled.high());
        assertTrue(first.low() < first.estimate() && first.estimate() < first.high());
    }
}
