package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.splitbnn.output.Table;

/** Outcomes of finished runs made up without computing them, for tests and benchmarks of the sweep's plumbing. */
final class SyntheticOutcomes {

    private SyntheticOutcomes() {
    }

    /** A finished run's outcome: its runs row and {@code samples} posterior samples of made-up numbers. */
    static RunOutcome finished(RunSpec spec, int samples) {
        Row failed = RunRows.failed(spec, "made up", 0.1, new RunRows.Executor("here", "driver")).rows(Table.RUNS)
                .get(0);
        Object[] run = new Object[failed.size()];
        for (int i = 0; i < run.length; i++) {
            run[i] = failed.get(i);
        }
        run[Table.RUNS.index("status")] = RunRows.OK;
        run[Table.RUNS.index("error")] = null;
        List<Row> posterior = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            double[] theta = new double[9];
            for (int k = 0; k < theta.length; k++) {
                theta[k] = s * 1e-3 + k;
            }
            posterior.add(Tables.withSpec(spec, Table.POSTERIOR, Map.of("sample", s, "mode", 1 + s % 3,
                    "log_l", -s * 1e-2, "theta", theta)));
        }
        return new RunOutcome(spec.runId(), samples == 0 ? Map.of(Table.RUNS, List.of(RowFactory.create(run)))
                : Map.of(Table.RUNS, List.of(RowFactory.create(run)), Table.POSTERIOR, posterior));
    }
}
