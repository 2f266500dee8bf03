package org.splitbnn.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;

/**
 * JMH benchmark of one log-likelihood call on the development training set (220 rows, 2-2-1 network): the fast path
 * ({@link FastLogLikelihood} with the Vector API, also through {@link BnnProblem} with the constrained prior), the
 * same with the scalar kernel (the fallback without the Vector API, same bits), and the exact {@link Network}
 * loop. Run by {@code jobs/bench-likelihood} from the project root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LikelihoodBenchmark {

    private final double[] theta = {1, 2, -1, 0.5, 0.1, -0.2, 3, -2, 0.3};
    private Dataset train;
    private FastLogLikelihood fast;
    private FastLogLikelihood scalar;
    private BnnProblem constrained;

    @Setup
    public void setUp() throws IOException {
        train = DatasetCsv.read(Path.of("data/dev/train.csv"));
        fast = new FastLogLikelihood(train, NetworkShape.PAPER);
        scalar = new FastLogLikelihood(new ScalarLikelihoodKernel(train, NetworkShape.PAPER));
        constrained = new BnnProblem(train, 2, new ConstrainedPrior(Prior.DEFAULT_HALF_WIDTH));
    }

    /** The fast path. */
    @Benchmark
    public double fast() {
        return fast.logLikelihood(theta);
    }

    /** The fast path with the scalar kernel, as where the Vector API is missing. */
    @Benchmark
    public double scalar() {
        return scalar.logLikelihood(theta);
    }

    /** The fast path behind the sampler's interface, constraint check included. */
    @Benchmark
    public double problemConstrained() {
        return constrained.logLikelihood(theta);
    }

    /** The exact reference loop (Math.exp, Math.log1p), including building the network from theta. */
    @Benchmark
    public double naive() {
        return new Network(NetworkShape.PAPER, theta).logLikelihood(train);
    }
}
