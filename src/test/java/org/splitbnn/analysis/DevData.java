package org.splitbnn.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;
import org.splitbnn.sampler.SamplerSettings;

/** The dev datasets of {@code data/dev} and the small (nlive 200) spec the tests run on them. */
final class DevData {

    private DevData() {
    }

    static Dataset train() {
        return read(Path.of("data/dev/train.csv"));
    }

    static List<Dataset> tests() {
        List<Dataset> tests = new ArrayList<>();
        for (int k = 1; k <= 10; k++) {
            tests.add(read(Path.of(String.format("data/dev/test_%02d.csv", k))));
        }
        return tests;
    }

    /** nlive 200, nprior 2000, the pypolychord defaults otherwise, 1000 posterior samples, grid step 0.1. */
    static ExperimentSpec smallSpec(String prior, long seed) {
        SamplerSettings s = SamplerSettings.defaults(9, seed).withNlive(200).withNprior(2000);
        return new ExperimentSpec(train(), tests(), prior, 5.0, 2, s, 1e-3, 1000, 0.1, Baselines.DEFAULT_STARTS);
    }

    private static Dataset read(Path file) {
        try {
            return DatasetCsv.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
