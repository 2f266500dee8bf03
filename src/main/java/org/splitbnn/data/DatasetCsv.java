package org.splitbnn.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads and writes datasets as CSV (UTF-8 text): the header {@code x1,x2,y}, then one row per line with two finite
 * decimal inputs of magnitude at most {@link #MAX_INPUT} and the label 0 or 1.
 *
 * <p>Inputs are written with {@link Double#toString(double)}, so reading a written file gives back the same doubles
 * bit for bit. A file read must contain both classes.
 */
public final class DatasetCsv {

    /** The header line. */
    public static final String HEADER = "x1,x2,y";

    /**
     * The largest input magnitude: its square (1e300) summed over even 1e8 rows stays finite, and so do a network's
     * weighted sums of inputs.
     */
    public static final double MAX_INPUT = 1e150;

    private static final String[] COLUMNS = HEADER.split(",");

    private DatasetCsv() {
    }

    /**
     * Reads a dataset named after the file (its name without the extension).
     *
     * @throws DatasetFormatException if the file does not follow the format, naming the line and column
     */
    public static Dataset read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), stem(file.getFileName().toString()));
        }
    }

    /**
     * Reads a dataset called {@code name} from {@code in} (any file system's stream); {@code file} names the source
     * in error messages.
     *
     * @throws DatasetFormatException if the text is not UTF-8 or does not follow the format, naming the line and
     *                                column
     */
    public static Dataset read(InputStream in, String file, String name) throws IOException {
        return read(new BufferedReader(new StringReader(utf8(in.readAllBytes(), file))), file, name);
    }

    /**
     * The text of {@code bytes}, strictly UTF-8.
     *
     * @throws DatasetFormatException naming the line and column (in characters) of the first byte that is not
     */
    static String utf8(byte[] bytes, String file) throws DatasetFormatException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
            throw new DatasetFormatException(file, line, before.codePointCount(0, before.length()) + 1,
                    String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X)", bytes[at] & 0xFF));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static Dataset read(BufferedReader in, String file, String name) throws IOException {
        checkHeader(file, withoutByteOrderMark(in.readLine()));
        double[] x1 = new double[256];
        double[] x2 = new double[256];
        int[] y = new int[256];
        int rows = 0;
        int lineNumber = 1;
        int blank = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                blank = blank == 0 ? lineNumber : blank;
                continue;
            }
            if (blank != 0) {
                throw new DatasetFormatException(file, blank, 1, "blank line before more data (blank lines may only "
                        + "end the file)");
            }
            String[] fields = line.split(",", -1);
            if (fields.length != COLUMNS.length) {
                throw new DatasetFormatException(file, lineNumber, Math.min(fields.length + 1, COLUMNS.length + 1),
                        "expected " + COLUMNS.length + " columns, found " + fields.length);
            }
            if (rows == y.length) {
                x1 = Arrays.copyOf(x1, 2 * rows);
                x2 = Arrays.copyOf(x2, 2 * rows);
                y = Arrays.copyOf(y, 2 * rows);
            }
            x1[rows] = parseInput(file, lineNumber, 1, fields[0]);
            x2[rows] = parseInput(file, lineNumber, 2, fields[1]);
            y[rows] = parseLabel(file, lineNumber, fields[2]);
            rows++;
        }
        checkBothClasses(file, lineNumber, Arrays.copyOf(y, rows));
        return new Dataset(name, Arrays.copyOf(x1, rows), Arrays.copyOf(x2, rows), Arrays.copyOf(y, rows));
    }

    /** Writes a dataset, replacing the file. */
    public static void write(Dataset dataset, Path file) throws IOException {
        Files.writeString(file, text(dataset), StandardCharsets.UTF_8);
    }

    /** A dataset as the text of its CSV file. */
    public static String text(Dataset dataset) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        for (int row = 0; row < dataset.size(); row++) {
            out.append(Double.toString(dataset.x1(row))).append(',').append(Double.toString(dataset.x2(row)))
                    .append(',').append(dataset.y(row)).append('\n');
        }
        return out.toString();
    }

    /** A line without the UTF-8 byte order mark that some editors put at the start of a file. */
    private static String withoutByteOrderMark(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static void checkHeader(String file, String header) throws DatasetFormatException {
        if (header == null) {
            throw new DatasetFormatException(file, 1, 1, "empty file, expected the header '" + HEADER + "'");
        }
        String[] fields = header.split(",", -1);
        for (int column = 0; column < Math.max(fields.length, COLUMNS.length); column++) {
            if (column >= fields.length || column >= COLUMNS.length || !fields[column].equals(COLUMNS[column])) {
                throw new DatasetFormatException(file, 1, column + 1, "header is '" + visible(header)
                        + "', expected '" + HEADER + "'");
            }
        }
    }

    /** The text with invisible and control characters shown as {@code \\uXXXX}. */
    private static String visible(String text) {
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isWhitespace(c)
                    && c != ' ') {
                sb.append(String.format("\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    private static double parseInput(String file, int line, int column, String field) throws DatasetFormatException {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, column,
                    COLUMNS[column - 1] + " is not a number: '" + field + "'");
        }
        if (!Double.isFinite(value)) {
            throw new DatasetFormatException(file, line, column,
                    COLUMNS[column - 1] + " is not finite: '" + field + "'");
        }
        if (Math.abs(value) > MAX_INPUT) {
            throw new DatasetFormatException(file, line, column, COLUMNS[column - 1] + " is " + field.strip()
                    + ", beyond +-" + MAX_INPUT + " (a network's sums of such inputs overflow)");
        }
        return value;
    }

    private static int parseLabel(String file, int line, String field) throws DatasetFormatException {
        return switch (field.strip()) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new DatasetFormatException(file, line, 3, "y must be 0 or 1, found '" + field + "'");
        };
    }

    private static void checkBothClasses(String file, int lastLine, int[] y) throws DatasetFormatException {
        boolean hasZero = false;
        boolean hasOne = false;
        for (int label : y) {
            hasZero |= label == 0;
            hasOne |= label == 1;
        }
        if (!hasZero || !hasOne) {
            String found = y.length == 0 ? "no data rows" : "only class " + (hasOne ? 1 : 0) + " occurs";
            throw new DatasetFormatException(file, lastLine, 3, "both classes (y = 0 and y = 1) must occur, " + found);
        }
    }

    /** A dataset's name from its file name: the name without the extension. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
