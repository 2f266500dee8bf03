package org.splitbnn.report;

import java.util.ArrayList;
import java.util.List;

import org.splitbnn.output.ParquetTable;
import org.splitbnn.output.Table;

/**
 * One mode of a run, as its modes table holds it.
 *
 * @param runId      the run
 * @param mode       rank, 1 = largest local evidence
 * @param localLogZ  local log-evidence
 * @param localLogZErr its standard deviation
 * @param weight     local evidence over the sum of the local evidences
 * @param prominent  whether the mode is prominent
 * @param function   the rank of the function it computes (1 = largest summed evidence), 0 when not prominent
 */
public record ModeRow(String runId, int mode, double localLogZ, double localLogZErr, double weight,
                      boolean prominent, int function) {

    /** The modes table's columns that the rows are made of. */
    public static final List<String> COLUMNS = Table.MODES.names("run_id", "mode", "local_log_z", "local_log_z_err",
            "weight", "prominent", "function");

    /** The rows of {@code table}, which has {@link #COLUMNS}. */
    public static List<ModeRow> of(ParquetTable table) {
        String[] run = table.strings("run_id");
        int[] mode = table.ints("mode");
        double[] logZ = table.doubles("local_log_z");
        double[] err = table.doubles("local_log_z_err");
        double[] weight = table.doubles("weight");
        boolean[] prominent = table.booleans("prominent");
        int[] function = table.ints("function");
        List<ModeRow> rows = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            rows.add(new ModeRow(run[i], mode[i], logZ[i], err[i], weight[i], prominent[i], function[i]));
        }
        return rows;
    }
}
