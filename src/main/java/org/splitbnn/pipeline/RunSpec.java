package org.splitbnn.pipeline;

import java.io.Serializable;
import java.util.List;

import org.splitbnn.analysis.ExperimentSpec;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.data.Dataset;

/**
 * One run of a sweep, as shipped to an executor: its settings and datasets (in serializable form), plus the run id
 * and what to send back.
 *
 * @param runId            stable hash of everything below and the splitbnn version (see {@link RunIds})
 * @param settings         every setting of the run
 * @param train            the training set
 * @param trainSha256      its content hash ({@link DatasetSource#contentHash})
 * @param tests            the test sets
 * @param outputs          which large tables the run fills
 */
public record RunSpec(String runId, RunSettings settings, DatasetSource train, String trainSha256,
                      List<DatasetSource> tests, TableSelection outputs)
        implements Serializable {

    /** Copies the tests into a serializable list. */
    public RunSpec {
        tests = List.copyOf(tests);
    }

    /**
     * The grid's factors of this run: prior, the training set's origin, size and recipe (counts for noisy XOR, the
     * noise variance of a generated set), hidden, half-width and the sampler's settings (nlive, num_repeats, sampler).
     */
    public Condition condition() {
        List<Integer> counts = train instanceof DatasetSource.Generated g ? g.counts() : null;
        Double noise = train instanceof DatasetSource.Generated g ? Double.valueOf(g.noiseVariance())
                : train instanceof DatasetSource.Toy t ? Double.valueOf(t.recipe().noiseVariance()) : null;
        return new Condition(settings.prior(), train.origin(), counts, train.size(), noise, settings.hidden(),
                settings.priorHalfWidth(), Condition.Sampling.of(settings.nlive(), settings.numRepeats(),
                        settings.shape().dimension(), settings.sampler()));
    }

    /** The experiment this run performs, with its datasets built. */
    public ExperimentSpec experiment() {
        List<Dataset> testSets = tests.stream().map(DatasetSource::build).toList();
        return settings.experiment(train.build(), testSets);
    }
}
