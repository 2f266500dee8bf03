package org.splitbnn.analysis.baselines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.splitbnn.data.Dataset;
import org.splitbnn.model.FunctionIdentity;
import org.splitbnn.model.FunctionSignature;
import org.splitbnn.model.HiddenUnitSymmetry;
import org.splitbnn.model.LogLikelihoodGradient;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.LogMath;

/**
 * What practitioners do instead of marginalising: maximise the posterior from K starts drawn from the prior, keep
 * the optima, and predict with the best one (MAP), all of them (deep ensemble) or the distinct ones weighted by their
 * Laplace evidences.
 *
 * @param starts every start, in draw order
 * @param optima the distinct optima of the converged starts, largest log-likelihood first
 */
public record Baselines(List<StartOutcome> starts, List<DistinctOptimum> optima) {

    /** Default number of starts. */
    public static final int DEFAULT_STARTS = 32;

    /** Solution name of the best optimum. */
    public static final String MAP = "map";

    /** Solution name of the equally weighted converged optima. */
    public static final String ENSEMBLE = "ensemble";

    /** Solution name of the distinct optima weighted by their Laplace evidences. */
    public static final String LAPLACE = "laplace";

    /**
     * Where one start ended.
     *
     * @param start                  index of the start, 1-based, in draw order
     * @param theta                  the network parameters at the end
     * @param logL                   training log-likelihood there (the log posterior up to the constant prior density
     *                               of the search coordinates)
     * @param projectedGradientNorm  largest component of the projected gradient in the search coordinates
     * @param iterations             L-BFGS iterations
     * @param converged              whether the projected gradient met the tolerance
     * @param optimum                the distinct optimum it belongs to (1 = largest log L), 0 when not converged
     */
    public record StartOutcome(int start, double[] theta, double logL, double projectedGradientNorm, int iterations,
                               boolean converged, int optimum) {
    }

    /**
     * One distinct optimum: converged starts that are the same function (by {@link FunctionIdentity}), so that
     * hidden-unit symmetry images count as one.
     *
     * @param optimum         rank by log-likelihood, 1 = the MAP
     * @param theta           the network parameters of its best start
     * @param logL            training log-likelihood there
     * @param basinCount      converged starts that ended here
     * @param basinFraction   basin count over the converged starts (the ensemble's weight of this function)
     * @param images          distinct symmetry images of theta inside the prior's support
     * @param laplaceLogZ     Laplace log-evidence summed over those images (relative to the prior's allowed
     *                        region, like the sampler's log Z); NaN when -H is not positive definite
     * @param laplaceLogZImage Laplace log-evidence of theta alone (one image): compare with one nested-sampling mode's
     *                        local log Z
     * @param positiveDefinite whether -H is positive definite
     * @param onWall          whether theta touches the search box (see {@link LaplaceEvidence} for the evidence then)
     * @param laplaceWeight   exp(laplaceLogZ) over the sum over distinct optima with a Laplace evidence; 0 without one
     * @param matchedMode     the highest-evidence prominent nested-sampling mode of the same function, 0 when none
     * @param matchedFunction the nested-sampling function ({@code FunctionReport}) of that mode, 0 when none
     * @param nsWeight        that function's nested-sampling weight (its modes' local evidences over the sum), 0
     *                        when none
     */
    public record DistinctOptimum(int optimum, double[] theta, double logL, int basinCount, double basinFraction,
                                  int images, double laplaceLogZ, double laplaceLogZImage, boolean positiveDefinite,
                                  boolean onWall, double laplaceWeight, int matchedMode, int matchedFunction,
                                  double nsWeight) {

        /** This optimum with another Laplace weight. */
        DistinctOptimum withLaplaceWeight(double weight) {
            return new DistinctOptimum(optimum, theta, logL, basinCount, basinFraction, images, laplaceLogZ,
                    laplaceLogZImage, positiveDefinite, onWall, weight, matchedMode, matchedFunction, nsWeight);
        }
    }

    /**
     * A prominent nested-sampling mode as the baselines compare with it.
     *
     * @param mode           its rank
     * @param function       the rank of its function
     * @param functionWeight its function's weight
     * @param signature      its signature (the mean prediction of its samples, as its function was decided by)
     */
    public record ModeRepresentative(int mode, int function, double functionWeight, FunctionSignature signature) {
    }

    /**
     * Optimises from {@code starts} starts drawn from the prior with {@code rng}, groups the converged ones into
     * distinct optima and computes their Laplace evidences.
     *
     * @param logAllowedFraction log F of a prior defined by rejection (the run's estimate), else 0
     * @param modes              the prominent nested-sampling modes, best first, matched to the optima by the
     *                           {@link FunctionIdentity} of {@code train}
     */
    public static Baselines run(Dataset train, NetworkShape shape, Prior prior, int starts, double logAllowedFraction,
                                List<ModeRepresentative> modes, UniformRandomProvider rng) {
        if (starts < 1) {
            throw new IllegalArgumentException("baselines need at least 1 start, got " + starts);
        }
        PriorCoordinates coordinates = PriorCoordinates.of(prior, shape, logAllowedFraction);
        LogLikelihoodGradient likelihood = new LogLikelihoodGradient(train, shape);
        SmoothObjective objective = coordinates.searchObjective(likelihood);
        List<BoxedLbfgs.Result> results = new ArrayList<>(starts);
        for (int k = 0; k < starts; k++) {
            double[] theta = draw(prior, shape, coordinates, rng);
            results.add(BoxedLbfgs.DEFAULT.maximise(objective, coordinates.search(theta), coordinates.lower(),
                    coordinates.upper()));
        }
        FunctionIdentity identity = FunctionIdentity.of(train);
        // the identity groups in order of precedence: the converged starts by log posterior, best first
        List<Integer> converged = IntStream.range(0, starts).filter(k -> results.get(k).converged()).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -results.get(k).value()).thenComparingInt(k -> k))
                .toList();
        List<FunctionSignature> signatures = converged.stream()
                .map(k -> identity.signature(shape, coordinates.network(results.get(k).x()))).toList();
        int[] group = identity.groups(signatures);
        int[] groupOfStart = new int[starts];
        for (int i = 0; i < group.length; i++) {
            groupOfStart[converged.get(i)] = group[i];
        }
        int groups = Arrays.stream(group).max().orElse(-1) + 1;
        int[] best = new int[groups];
        Arrays.fill(best, -1);
        int[] count = new int[groups];
        for (int i = 0; i < group.length; i++) {
            int k = converged.get(i);
            count[group[i]]++;
            if (best[group[i]] < 0 || results.get(k).value() > results.get(best[group[i]]).value()) {
                best[group[i]] = k;
            }
        }
        Integer[] order = new Integer[groups];
        for (int g = 0; g < groups; g++) {
            order[g] = g;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer g) -> -results.get(best[g]).value())
                .thenComparingInt(g -> best[g]));
        int[] rankOfGroup = new int[groups];
        SmoothObjective logL = coordinates.logLikelihood(likelihood);
        List<DistinctOptimum> optima = new ArrayList<>(groups);
        for (int r = 0; r < groups; r++) {
            int g = order[r];
            rankOfGroup[g] = r + 1;
            BoxedLbfgs.Result result = results.get(best[g]);
            double[] theta = coordinates.network(result.x());
            List<double[]> images = imagesInSupport(theta, shape, coordinates);
            double[] imageLogZ = new double[images.size()];
            boolean positiveDefinite = true;
            for (int i = 0; i < images.size(); i++) {
                double[] x = i == 0 ? result.x() : coordinates.search(images.get(i));
                LaplaceEvidence e = LaplaceEvidence.at(logL, x, coordinates.logPriorDensity(),
                        coordinates.lower(), coordinates.upper());
                positiveDefinite &= e.positiveDefinite();
                imageLogZ[i] = e.logZ();
            }
            double logZ = positiveDefinite && images.size() > 0 ? LogMath.logSumExp(imageLogZ, imageLogZ.length)
                    : Double.NaN;
            FunctionSignature signature = identity.signature(shape, theta);
            ModeRepresentative match = modes.stream().filter(m -> identity.same(signature, m.signature())).findFirst()
                    .orElse(null);
            optima.add(new DistinctOptimum(r + 1, theta, result.value(), count[g], (double) count[g] / converged.size(),
                    images.size(), logZ, images.isEmpty() ? Double.NaN : imageLogZ[0], positiveDefinite,
                    coordinates.onWall(result.x()), 0, match == null ? 0 : match.mode(),
                    match == null ? 0 : match.function(), match == null ? 0 : match.functionWeight()));
        }
        double[] finite = optima.stream().mapToDouble(DistinctOptimum::laplaceLogZ).filter(Double::isFinite)
                .toArray();
        double logTotal = finite.length == 0 ? Double.NaN : LogMath.logSumExp(finite, finite.length);
        optima.replaceAll(o -> o.withLaplaceWeight(Double.isFinite(o.laplaceLogZ())
                ? Math.exp(o.laplaceLogZ() - logTotal) : 0));
        List<StartOutcome> outcomes = new ArrayList<>(starts);
        for (int k = 0; k < starts; k++) {
            BoxedLbfgs.Result result = results.get(k);
            int optimum = result.converged() ? rankOfGroup[groupOfStart[k]] : 0;
            outcomes.add(new StartOutcome(k + 1, coordinates.network(result.x()), result.value(),
                    result.projectedGradientNorm(), result.iterations(), result.converged(), optimum));
        }
        return new Baselines(List.copyOf(outcomes), List.copyOf(optima));
    }

    /** Number of starts that converged. */
    public int convergedStarts() {
        return (int) starts.stream().filter(StartOutcome::converged).count();
    }

    /** A draw from the prior (redrawn until the prior allows it), as network parameters. */
    private static double[] draw(Prior prior, NetworkShape shape, PriorCoordinates coordinates,
                                 UniformRandomProvider rng) {
        double[] unit = new double[shape.dimension()];
        double[] theta = new double[shape.dimension()];
        do {
            for (int i = 0; i < unit.length; i++) {
                unit[i] = rng.nextDouble();
            }
            prior.fromUnitCube(shape, unit, theta);
        } while (!coordinates.inSupport(theta));
        return theta;
    }

    /**
     * Theta (an optimum, inside the closed support) and its other distinct symmetry images inside the prior's
     * support.
     */
    private static List<double[]> imagesInSupport(double[] theta, NetworkShape shape, PriorCoordinates coordinates) {
        List<double[]> images = new ArrayList<>();
        images.add(theta);
        for (HiddenUnitSymmetry s : HiddenUnitSymmetry.all(shape)) {
            double[] image = s.apply(theta);
            if (coordinates.inSupport(image) && images.stream().noneMatch(other -> close(other, image))) {
                images.add(image);
            }
        }
        return images;
    }

    private static boolean close(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-9 * Math.max(1, Math.abs(a[i]))) {
                return false;
            }
        }
        return true;
    }
}
