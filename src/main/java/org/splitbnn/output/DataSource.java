package org.splitbnn.output;

/**
 * A dataset file an experiment read, as the run's summary records it.
 *
 * @param role   "train" or "test"
 * @param name   the dataset's name (the file name without its extension)
 * @param path   the file as given on the command line
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 * @param rows   data rows
 */
public record DataSource(String role, String name, String path, String sha256, int rows) {
}
