package org.splitbnn.data;

import java.io.IOException;
import java.nio.file.Path;

/** A dataset file that does not follow the {@code x1,x2,y} CSV format, with the file, line and column at fault. */
public final class DatasetFormatException extends IOException {

    private final Path file;
    private final int line;
    private final int column;

    /**
     * @param file    the file
     * @param line    1-based line number (the header is line 1)
     * @param column  1-based column number
     * @param problem what is wrong, one line
     */
    public DatasetFormatException(Path file, int line, int column, String problem) {
        super(file + ": line " + line + ", column " + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** 1-based line number. */
    public int line() {
        return line;
    }

    /** 1-based column number. */
    public int column() {
        return column;
    }
}
