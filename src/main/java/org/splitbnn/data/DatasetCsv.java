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
import java.util.HashSet;
import java.util.Set;
import java.util.Locale;

/**
 * Reads and writes datasets as CSV (UTF-8 text): a header naming the columns, one of them {@code y} (the label) and
 * the others the inputs, then one row per line with a finite decimal input of magnitude at most {@link #MAX_INPUT}
 * in every input column and the label 0 or 1 in {@code y}.
 *
 * <p>The inputs are the header's columns other than {@code y}, in file order: the first is x1 of the network, and so
 * on, whatever their names (distinct and not empty); {@code y} may stand anywhere. Files are written with the header
 * {@code x1,...,xD,y} and inputs written with {@link Double#toString(double)}, so reading a written file gives back
 * the same doubles bit for bit. A file read must contain both classes.
 */
public final class DatasetCsv {

    /** The label column's name. */
    public static final String LABEL = "y";

    /**
     * The largest input magnitude: its square (1e300) summed over even 1e8 rows stays finite, and so do a network's
     * weighted sums of inputs.
     */
    public static final double MAX_INPUT = 1e150;

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
        String[] columns = checkHeader(file, withoutByteOrderMark(in.readLine()));
        int label = Arrays.asList(columns).indexOf(LABEL);
        double[][] x = new double[columns.length - 1][256];
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
            if (fields.length != columns.length) {
                throw new DatasetFormatException(file, lineNumber, Math.min(fields.length + 1, columns.length + 1),
                        "expected " + columns.length + " columns, found " + fields.length);
            }
            if (rows == y.length) {
                for (int input = 0; input < x.length; input++) {
                    x[input] = Arrays.copyOf(x[input], 2 * rows);
                }
                y = Arrays.copyOf(y, 2 * rows);
            }
            for (int column = 0, input = 0; column < columns.length; column++) {
                if (column == label) {
                    y[rows] = parseLabel(file, lineNumber, column + 1, fields[column]);
                } else {
                    x[input++][rows] = parseInput(file, lineNumber, column + 1, columns[column], fields[column]);
                }
            }
            rows++;
        }
        checkBothClasses(file, lineNumber, label + 1, Arrays.copyOf(y, rows));
        for (int input = 0; input < x.length; input++) {
            x[input] = Arrays.copyOf(x[input], rows);
        }
        return new Dataset(name, x, Arrays.copyOf(y, rows));
    }

    /** Writes a dataset, replacing the file. */
    public static void write(Dataset dataset, Path file) throws IOException {
        Files.writeString(file, text(dataset), StandardCharsets.UTF_8);
    }

    /** A dataset as the text of its CSV file. */
    public static String text(Dataset dataset) {
        StringBuilder out = new StringBuilder(header(dataset.inputs())).append('\n');
        for (int row = 0; row < dataset.size(); row++) {
            for (int input = 0; input < dataset.inputs(); input++) {
                out.append(Double.toString(dataset.x(input, row))).append(',');
            }
            out.append(dataset.y(row)).append('\n');
        }
        return out.toString();
    }

    /** The header of a written file of {@code inputs} inputs: {@code x1,...,xD,y}. */
    public static String header(int inputs) {
        StringBuilder header = new StringBuilder();
        for (int input = 1; input <= inputs; input++) {
            header.append('x').append(input).append(',');
        }
        return header.append(LABEL).toString();
    }

    /** A line without the UTF-8 byte order mark that some editors put at the start of a file. */
    private static String withoutByteOrderMark(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** The header's column names, checked: one {@code y}, at least one input, names distinct and not empty. */
    private static String[] checkHeader(String file, String header) throws DatasetFormatException {
        String expected = "expected column names such as '" + header(2) + "' (the label column y and the inputs)";
        if (header == null) {
            throw new DatasetFormatException(file, 1, 1, "empty file, " + expected);
        }
        String[] fields = header.split(",", -1);
        Set<String> seen = new HashSet<>();
        for (int column = 0; column < fields.length; column++) {
            if (fields[column].isBlank() || !fields[column].strip().equals(fields[column])
                    || !visible(fields[column]).equals(fields[column])) {
                throw new DatasetFormatException(file, 1, column + 1, "header is '" + visible(header)
                        + "': column " + (column + 1) + "'s name '" + visible(fields[column]) + "' is empty, or has "
                        + "a space at an end or invisible characters; " + expected);
            }
            if (!seen.add(fields[column])) {
                throw new DatasetFormatException(file, 1, column + 1, "header is '" + visible(header)
                        + "': column name '" + fields[column] + "' repeats");
            }
        }
        if (!seen.contains(LABEL)) {
            throw new DatasetFormatException(file, 1, fields.length + 1, "header is '" + visible(header)
                    + "': no label column '" + LABEL + "'; " + expected);
        }
        if (fields.length < 2) {
            throw new DatasetFormatException(file, 1, 2, "header is '" + visible(header) + "': no input column; "
                    + expected);
        }
        return fields;
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

    private static double parseInput(String file, int line, int column, String name, String field)
            throws DatasetFormatException {
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new DatasetFormatException(file, line, column,
                    name + " is not a number: '" + field + "'");
        }
        if (!Double.isFinite(value)) {
            throw new DatasetFormatException(file, line, column,
                    name + " is not finite: '" + field + "'");
        }
        if (Math.abs(value) > MAX_INPUT) {
            throw new DatasetFormatException(file, line, column, name + " is " + field.strip()
                    + ", beyond +-" + MAX_INPUT + " (a network's sums of such inputs overflow)");
        }
        return value;
    }

    private static int parseLabel(String file, int line, int column, String field) throws DatasetFormatException {
        return switch (field.strip()) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new DatasetFormatException(file, line, column, "y must be 0 or 1, found '" + field
                    + "'");
        };
    }

    private static void checkBothClasses(String file, int lastLine, int column, int[] y)
            throws DatasetFormatException {
        boolean hasZero = false;
        boolean hasOne = false;
        for (int label : y) {
            hasZero |= label == 0;
            hasOne |= label == 1;
        }
        if (!hasZero || !hasOne) {
            String found = y.length == 0 ? "no data rows" : "only class " + (hasOne ? 1 : 0) + " occurs";
            throw new DatasetFormatException(file, lastLine, column, "both classes (y = 0 and y = 1) must occur, " + found);
        }
    }

    /** A dataset's name from its file name: the name without the extension. */
    public static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
