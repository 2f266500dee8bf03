package org.splitbnn.sampler;

/** Receives a {@link Progress} snapshot at each compression update of a run. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener QUIET = p -> { };

    void onUpdate(Progress progress);

    /** Prints one line per update on standard error, behind a prefix (for example a run id). */
    static ProgressListener stderr(String prefix) {
        return p -> System.err.println(prefix + p.line());
    }
}
