package org.splitbnn.pipeline;

/** Another invocation holds the lease of the sweep folder ({@link SweepLock}). */
public final class SweepBusyException extends RuntimeException {

    /** The exception with its one-line message. */
    public SweepBusyException(String message) {
        super(message);
    }
}
