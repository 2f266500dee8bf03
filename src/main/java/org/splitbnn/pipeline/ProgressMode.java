package org.splitbnn.pipeline;

/** How a sweep reports progress while its runs compute. */
public enum ProgressMode {

    /** One line per finished run for up to {@link #RUN_LINES_UP_TO} runs, else {@link #STATUS}. */
    AUTO,

    /** One line per finished run. */
    RUNS,

    /** A status line (done, failed, runs per second, ETA) at most every {@link #STATUS_SECONDS} seconds. */
    STATUS;

    /** Runs an invocation computes, at most, for {@link #AUTO} to print a line per run. */
    public static final int RUN_LINES_UP_TO = 500;

    /** Seconds between status lines, at least. */
    public static final int STATUS_SECONDS = 5;

    /** Whether an invocation computing {@code runs} runs prints a line per run. */
    boolean runLines(int runs) {
        return this == RUNS || this == AUTO && runs <= RUN_LINES_UP_TO;
    }
}
