package org.splitbnn.pipeline;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of an invocation's runs as they finish: a line per run ({@link ProgressLine}), or a status line at
 * most every {@link ProgressMode#STATUS_SECONDS} seconds and one at the end, as {@link ProgressMode} says.
 */
final class SweepProgress {

    private final PrintStream out;
    private final int total;
    private final boolean runLines;
    private final long start = System.nanoTime();
    private int done;
    private int failed;
    private double lastStatus;

    SweepProgress(PrintStream out, int total, ProgressMode mode) {
        this.out = out;
        this.total = total;
        this.runLines = mode.runLines(total);
    }

    /** Reports that run {@code spec} finished with {@code headline}. */
    void finished(RunSpec spec, RunHeadline headline) {
        done++;
        if (!headline.ok()) {
            failed++;
        }
        double elapsed = elapsed();
        if (runLines) {
            out.println(ProgressLine.of(spec, headline, done, total, elapsed));
        } else if (elapsed - lastStatus >= ProgressMode.STATUS_SECONDS) {
            status(elapsed);
        }
    }

    /** Ends the report: flushes, and prints the last status line when status lines are printed. */
    void end() {
        if (!runLines && total > 0) {
            status(elapsed());
        }
        out.flush();
    }

    private void status(double elapsed) {
        lastStatus = elapsed;
        double eta = done >= total ? 0 : elapsed / Math.max(1, done) * (total - done);
        out.println(String.format(Locale.ROOT, "[status] %d/%d runs done, %d failed, %.1f runs/s, ETA %s", done,
                total, failed, done / Math.max(elapsed, 1e-9), ProgressLine.duration(eta)));
        out.flush();
    }

    private double elapsed() {
        return (System.nanoTime() - start) * 1e-9;
    }
}
