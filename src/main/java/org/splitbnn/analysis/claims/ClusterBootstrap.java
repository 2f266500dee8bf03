package org.splitbnn.analysis.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.apache.commons.rng.UniformRandomProvider;
import org.splitbnn.data.NaturalOrder;

/**
 * A percentile bootstrap that resamples whole units (training sets), not single observations: the runs of one
 * training set share its data and are not independent, so they are drawn together. Units can be split into strata
 * (for example training sizes) that are resampled apart, so that every resample keeps the design's strata and their
 * unit counts.
 */
public final class ClusterBootstrap {

    /**
     * One observation.
     *
     * @param unit    the unit it belongs to (a training set's name)
     * @param stratum the stratum of its unit (0 when there is one stratum)
     * @param x       covariate of a slope (unused by a mean)
     * @param y       the value
     */
    public record Observation(String unit, double stratum, double x, double y) {
    }

    /** What is estimated from a set of observations. */
    public enum Statistic {
        /** The mean of y over all observations. */
        MEAN,
        /** The least-squares slope of y against x over all observations (NaN when x does not vary). */
        SLOPE;

        /** The statistic of {@code obs}. */
        public double of(List<Observation> obs) {
            if (this == MEAN) {
                return obs.stream().mapToDouble(Observation::y).average().orElse(Double.NaN);
            }
            SimpleRegression fit = new SimpleRegression();
            obs.forEach(o -> fit.addData(o.x(), o.y()));
            return fit.getSlope();
        }
    }

    /**
     * An estimate and its percentile interval.
     *
     * @param estimate the statistic of all observations
     * @param low      lower end of the interval; NaN when some stratum has fewer than two units
     * @param high     upper end of the interval; NaN when some stratum has fewer than two units
     * @param units    units
     * @param size     observations
     */
    public record Interval(double estimate, double low, double high, int units, int size) {

        /** Whether the interval is known. */
        public boolean known() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }

    private ClusterBootstrap() {
    }

    /**
     * The statistic of {@code obs} and its two-sided percentile interval at {@code confidence} from {@code resamples}
     * resamples drawn with {@code rng}: in each, every stratum's units are drawn with replacement, as many as it
     * has. Strata are taken in ascending order, units within a stratum in natural name order and a unit's
     * observations by x, then y, so the result depends only on the observations and the generator's state, not on
     * the order of {@code obs}. The interval's ends are
     * the resampled statistics' quantiles at (1 - confidence)/2 and (1 + confidence)/2, linearly interpolated
     * between order statistics (R's type 7); resamples whose statistic is NaN are left out.
     */
    public static Interval of(List<Observation> obs, Statistic statistic, int resamples, double confidence,
                              UniformRandomProvider rng) {
        if (resamples < 1 || !(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("need at least 1 resample and a confidence in (0, 1), got "
                    + resamples + " and " + confidence);
        }
        Map<Double, Map<String, List<Observation>>> strata = new TreeMap<>();
        for (Observation o : obs) {
            strata.computeIfAbsent(o.stratum(), k -> new TreeMap<>(NaturalOrder.INSTANCE))
                    .computeIfAbsent(o.unit(), k -> new ArrayList<>()).add(o);
        }
        List<List<List<Observation>>> units = new ArrayList<>();
        int unitCount = 0;
        boolean resamplable = !strata.isEmpty();
        for (Map<String, List<Observation>> stratum : strata.values()) {
            units.add(new ArrayList<>(stratum.values()));
            unitCount += stratum.size();
            resamplable &= stratum.size() >= 2;
        }
        List<Observation> ordered = new ArrayList<>(obs.size());
        units.forEach(stratum -> stratum.forEach(unit -> unit.stream()
                .sorted(Comparator.comparingDouble(Observation::x).thenComparingDouble(Observation::y))
                .forEach(ordered::add)));
        double estimate = statistic.of(ordered);
        if (!resamplable) {
            return new Interval(estimate, Double.NaN, Double.NaN, unitCount, obs.size());
        }
        double[] values = new double[resamples];
        int n = 0;
        List<Observation> draw = new ArrayList<>(obs.size());
        for (int b = 0; b < resamples; b++) {
            draw.clear();
            for (List<List<Observation>> stratum : units) {
                for (int i = 0; i < stratum.size(); i++) {
                    draw.addAll(stratum.get(rng.nextInt(stratum.size())));
                }
            }
            double v = statistic.of(draw);
            if (!Double.isNaN(v)) {
                values[n++] = v;
            }
        }
        if (n == 0) {
            return new Interval(estimate, Double.NaN, Double.NaN, unitCount, obs.size());
        }
        double[] kept = Arrays.copyOf(values, n);
        Percentile quantile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        quantile.setData(kept);
        double tail = (1 - confidence) / 2;
        return new Interval(estimate, quantile.evaluate(100 * tail), quantile.evaluate(100 * (1 - tail)), unitCount,
                obs.size());
    }
}
