package org.splitbnn.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetCsv;

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

    /** The default run settings but nlive 200 (so nprior 2000). */
    static ExperimentSpec smallSpec(String prior, long seed) {
        return RunSettings.of(Map.of("prior", prior, "sampler_seed", seed, "nlive", 200), 2).experiment(train(), tests());
    }

    private static Dataset read(Path file) {
        try {
            return DatasetCsv.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
