package org.splitbnn.pipeline;

import java.io.Serializable;
import java.util.List;

import org.splitbnn.analysis.ExperimentSpec;
import org.splitbnn.analysis.claims.Condition;
import org.splitbnn.data.Dataset;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerSettings;

/**
 * One run of a sweep, as shipped to an executor: everything {@link ExperimentSpec} needs, with the datasets in
 * serializable form, plus the run id and what to send back.
 *
 * @param runId            stable hash of everything below and the splitbnn version (see {@link RunIds})
 * @param prior            prior name
 * @param priorHalfWidth   half-width of the prior box
 * @param hidden           hidden units
 * @param nlive            live points
 * @param nprior           prior draws at the start
 * @param numRepeats       slice-sampling steps per new point
 * @param sampler          how dead points are replaced
 * @param samplerSeed      sampler seed
 * @param prominence       prominence threshold of a mode
 * @param posteriorSamples equally weighted samples per solution
 * @param gridStep         prediction grid spacing
 * @param baselineStarts   optimiser starts of the baselines (0: none)
 * @param train            the training set
 * @param trainSha256      its content hash ({@link DatasetSource#contentHash})
 * @param tests            the test sets
 * @param outputs          which large tables the run fills
 */
public record RunSpec(String runId, String prior, double priorHalfWidth, int hidden, int nlive, int nprior,
                      int numRepeats, SamplerKind sampler, long samplerSeed, double prominence,
                      int posteriorSamples, double gridStep, int baselineStarts, DatasetSource train,
                      String trainSha256, List<DatasetSource> tests, TableSelection outputs)
        implements Serializable {

    /** Copies the tests into a serializable list. */
    public RunSpec {
        tests = List.copyOf(tests);
    }

    /** The grid's factors of this run: prior, the training set's recipe (none for a CSV file), hidden, half-width. */
    public Condition condition() {
        DatasetSource.Generated g = train instanceof DatasetSource.Generated d ? d : null;
        return new Condition(prior, g == null ? null : g.counts(), g == null ? null : g.noiseVariance(), hidden,
                priorHalfWidth);
    }

    /** The experiment this run performs, with its datasets built. */
    public ExperimentSpec experiment() {
        SamplerSettings settings = SamplerSettings.defaults(new NetworkShape(hidden).dimension(), samplerSeed)
                .withNlive(nlive).withNprior(nprior).withNumRepeats(numRepeats).withSampler(sampler);
        List<Dataset> testSets = tests.stream().map(DatasetSource::build).toList();
        return new ExperimentSpec(train.build(), testSets, prior, priorHalfWidth, hidden, settings, prominence,
                posteriorSamples, gridStep, baselineStarts);
    }
}
