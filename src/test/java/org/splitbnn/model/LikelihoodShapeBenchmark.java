package org.splitbnn.model;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.ToyGenerator;
import org.splitbnn.data.ToyRecipe;

/**
 * JMH benchmark of one log-likelihood call against the number of inputs D and hidden units N: the fast path (Vector
 * API kernel) and the scalar kernel on a 220-row noisy blobs problem of D inputs ({@link ToyGenerator}, seed 21), at
 * parameters drawn once from the prior box. Run by {@code jobs/bench-likelihood} from the project root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LikelihoodShapeBenchmark {

    /** Inputs D. */
    @Param({"1", "2", "5", "10"})
    public int inputs;

    /** Hidden units N. */
    @Param({"2", "4", "8"})
    public int hidden;

    private double[] theta;
    private FastLogLikelihood fast;
    private FastLogLikelihood scalar;

    @Setup
    public void setUp() {
        Dataset train = ToyGenerator.generate(new ToyRecipe(ToyRecipe.BLOBS, 220, inputs, 0.5), 21L, "blobs");
        NetworkShape shape = new NetworkShape(inputs, hidden);
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(1L);
        theta = ModelFixtures.uniformTheta(rng, shape.dimension(), Prior.DEFAULT_HALF_WIDTH);
        fast = new FastLogLikelihood(train, shape);
        scalar = new FastLogLikelihood(new ScalarLikelihoodKernel(train, shape));
    }

    /** The fast path. */
    @Benchmark
    public double fast() {
        return fast.logLikelihood(theta);
    }

    /** The scalar kernel, as where the Vector API is missing. */
    @Benchmark
    public double scalar() {
        return scalar.logLikelihood(theta);
    }
}
