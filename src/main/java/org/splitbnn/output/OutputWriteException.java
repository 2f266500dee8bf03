package org.splitbnn.output;

/**
 * Output could not be written (a full disk, a lost permission, a broken file system) after the work started. What
 * was written before stays whole; the message names the path.
 */
public final class OutputWriteException extends RuntimeException {

    /** The failure to write {@code path}. */
    public OutputWriteException(String path, Throwable cause) {
        super("could not write " + path + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                : ErrorText.of(cause)), cause);
    }
}
