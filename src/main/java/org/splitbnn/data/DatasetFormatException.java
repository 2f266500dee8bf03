package org.splitbnn.data;

import java.io.IOException;
/** A dataset file that does not follow the CSV format of {@link DatasetCsv}, with the file, line and column at fault. */
public final class DatasetFormatException extends IOException {

    private final String file;
    private final int line;
    private final int column;

    /**
     * @param file    the file (a local path or a Hadoop URI)
     * @param line    1-based line number (the header is line 1)
     * @param column  1-based column number
     * @param problem what is wrong, one line
     */
    public DatasetFormatException(String file, int line, int column, String problem) {
        super(file + ": line " + line + ", column " + column + ": " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file at fault, as its reader named it. */
    public String file() {
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
