package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sweep's pending runs are cut into tasks: consecutive runs of the grid, as many per task as fit in
 * {@link #TARGET_SECONDS} of estimated run time ({@link RunCost}), at most {@link #MAX_RUNS} and at most a quarter of
 * an even share per task slot, so that short runs share a task (one commit, one scheduling cost) and every slot
 * has several tasks to balance the load. Depends only on the runs and the number of slots.
 */
final class RunBatches {

    /** Estimated seconds of runs a task holds, at most, unless one run alone takes longer. */
    static final double TARGET_SECONDS = 5;

    /** Runs a task holds, at most. */
    static final int MAX_RUNS = 200;

    /** Tasks per task slot, at least, when there are runs enough. */
    static final int TASKS_PER_SLOT = 4;

    private RunBatches() {
    }

    /** The tasks of {@code pending} on {@code slots} task slots, in grid order. */
    static List<List<RunSpec>> of(List<RunSpec> pending, int slots) {
        int cap = Math.max(1, Math.min(MAX_RUNS, pending.size() / (TASKS_PER_SLOT * Math.max(1, slots))));
        List<List<RunSpec>> batches = new ArrayList<>();
        List<RunSpec> batch = new ArrayList<>();
        double seconds = 0;
        for (RunSpec r : pending) {
            double cost = RunCost.seconds(r);
            if (!batch.isEmpty() && (batch.size() >= cap || seconds + cost > TARGET_SECONDS)) {
                batches.add(batch);
                batch = new ArrayList<>();
                seconds = 0;
            }
            batch.add(r);
            seconds += cost;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
