package org.splitbnn.output;

/**
 * A dataset file an experiment read, as the run's summary records it.
 *
 * @param role   {@value #TRAIN} or {@value #TEST}
 * @param name   the dataset's name (the file name without its extension)
 * @param path   the file as given on the command line
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 * @param rows   data rows
 */
public record DataSource(String role, String name, String path, String sha256, int rows) {

    /** The role of the training set. */
    public static final String TRAIN = "train";

    /** The role of a test set. */
    public static final String TEST = "test";
}
