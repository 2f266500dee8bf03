package org.splitbnn.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.splitbnn.analysis.GridCells;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.data.Dataset;
import org.splitbnn.data.DatasetFormatException;

/**
 * Checks of the work a run or a sweep asks for, made before anything starts: runs that cannot fit the heap are refused,
 * and work above a threshold is announced with an estimate of its time, so that a long job does not look like a hang.
 */
public final class WorkChecks {

    /** A run estimated to take longer than this many seconds is announced. */
    public static final double LONG_RUN_SECONDS = 600;

    /** A prediction grid of more cells than this is announced. */
    public static final long LARGE_GRID_CELLS = 250_000;

    /** A sweep of more runs than this is announced. */
    public static final int MANY_RUNS = 5_000;

    /** Seconds per grid cell, posterior sample and hidden unit of the prediction grids (the dev machine's figure). */
    private static final double SECONDS_PER_CELL_SAMPLE_UNIT = 2e-9;

    private WorkChecks() {
    }

    /**
     * Throws unless one run of {@code settings} fits in {@code heapBytes}.
     *
     * @param heapName what the heap is, for the message ({@code -Xmx}, {@code spark.executor.memory})
     * @throws IllegalArgumentException naming the settings and the heap
     */
    public static void checkMemory(RunSettings settings, long heapBytes, String heapName) {
        long need = settings.minimumHeapBytes();
        if (need > heapBytes) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "nlive %d, nprior %d: one run needs at "
                            + "least %s of heap, more than the %s of %s; lower nlive or nprior, or raise %s",
                    settings.nlive(), settings.nprior(), bytes(need), bytes(heapBytes), heapName, heapName));
        }
    }

    /**
     * Throws unless the prediction grid of {@code settings} over {@code train} has at most
     * {@link GridCells#MAX_CELLS} cells; a training set without a grid (not two inputs) passes.
     *
     * @param trainFile the training set's file (or name), for the message
     * @throws IllegalArgumentException naming the grid step, the training set and the cell count, to be prefixed by
     *                                  the option or key of the grid step
     */
    public static void checkGrid(RunSettings settings, Dataset train, String trainFile) {
        if (!GridCells.applies(train)) {
            return;
        }
        long cells = GridCells.count(train, settings.gridStep());
        if (cells > GridCells.MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "grid step %s gives %.3g prediction grid "
                            + "cells over the training set %s, more than %d; use a larger grid step",
                    settings.gridStep(), (double) cells, trainFile, GridCells.MAX_CELLS));
        }
    }

    /**
     * Throws unless the test set {@code test} has as many inputs as the training set the network is fitted to; the
     * message names the test set's file, its header line and the first column too many (or the missing one).
     *
     * @throws DatasetFormatException naming {@code testFile}, line 1 and the column
     */
    public static void checkInputs(Dataset test, String testFile, Dataset train, String trainFile)
            throws DatasetFormatException {
        if (test.inputs() != train.inputs()) {
            throw new DatasetFormatException(testFile, 1, Math.min(test.inputs(), train.inputs()) + 1,
                    test.inputs() + " input columns, but the network takes " + train.inputs() + " (those of the "
                    + "training set " + trainFile + ")");
        }
    }

    /** The warnings for one run of {@code settings} on {@code train}, each one line with its time estimate. */
    public static List<String> warnings(RunSettings settings, Dataset train) {
        List<String> out = new ArrayList<>();
        double seconds = settings.estimatedSeconds(train.size());
        if (seconds > LONG_RUN_SECONDS) {
            out.add(String.format(Locale.ROOT, "%d training rows x nlive %d x num_repeats %d: one run takes about %s",
                    train.size(), settings.nlive(), settings.numRepeats(), RunSettings.duration(seconds)));
        }
        long cells = GridCells.applies(train) ? GridCells.count(train, settings.gridStep()) : 0;
        if (cells > LARGE_GRID_CELLS) {
            double grid = (double) cells * settings.posteriorSamples() * settings.hidden()
                    * SECONDS_PER_CELL_SAMPLE_UNIT;
            out.add(String.format(Locale.ROOT, "grid_step %s gives %d prediction grid cells: about %s per solution",
                    settings.gridStep(), cells, RunSettings.duration(grid)));
        }
        return out;
    }

    /** Bytes as MB or GB. */
    static String bytes(long b) {
        return b >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", b / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", b / (double) (1L << 20));
    }
}
