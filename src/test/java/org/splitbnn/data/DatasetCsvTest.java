package org.splitbnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesTheSameDoublesBitForBit() throws IOException {
        double[] x1 = {0.1, -1e-300, 1.0 / 3, Math.PI, -0.0};
        double[] x2 = {Double.MIN_VALUE, 123456789.123456789, -2.5, Math.E, 7};
        int[] y = {1, 0, 1, 0, 0};
        Path file = dir.resolve("round_trip.csv");
        DatasetCsv.write(new Dataset("round_trip", x1, x2, y), file);
        Dataset read = DatasetCsv.read(file);
        assertEquals(new Dataset("round_trip", x1, x2, y), read);
        assertTrue(Files.readString(file).startsWith("x1,x2,y\n0.1,4.9E-324,1\n"));
    }

    @Test
    void nameIsTheFileNameWithoutExtension() throws IOException {
        assertEquals("small", DatasetCsv.read(write("small.csv", "x1,x2,y\n1,2,1\n3,4,0\n")).name());
    }

    @Test
    void acceptsWindowsLineEndings() throws IOException {
        assertEquals(2, DatasetCsv.read(write("crlf.csv", "x1,x2,y\r\n1,2,1\r\n3,4,0\r\n")).size());
    }

    @Test
    void badHeader() {
        assertFormatError("x1,x2\n1,2,1\n3,4,0\n", 1, 3, "no label column 'y'");
        assertFormatError("x1,x1,y\n1,2,1\n3,4,0\n", 1, 2, "column name 'x1' repeats");
        assertFormatError("x1,,y\n1,2,1\n3,4,0\n", 1, 2, "column 2's name '' is empty");
        assertFormatError("y\n1\n0\n", 1, 2, "no input column");
        assertFormatError("", 1, 1, "empty file");
    }

    @Test
    void namedColumnsAnyNumberOfInputsLabelAnywhere() throws IOException {
        Dataset d = DatasetCsv.read(new ByteArrayInputStream("age,y,height,weight\n1,1,2,3\n4,0,5,6\n"
                .getBytes(StandardCharsets.UTF_8)), "f.csv", "f");
        assertEquals(3, d.inputs());
        assertArrayEquals(new double[] {1, 4}, d.column(0));
        assertArrayEquals(new double[] {3, 6}, d.column(2));
        assertArrayEquals(new int[] {1, 0}, d.labels());
        assertEquals("x1,x2,x3,y\n1.0,2.0,3.0,1\n4.0,5.0,6.0,0\n", DatasetCsv.text(d));
        assertFormatError("a,y,b\n1,1,2\n4,2,5\n", 3, 2, "y must be 0 or 1");
        assertFormatError("a,y,b,c,d\n1,1,2,3,4\n4,0,5\n", 3, 4, "expected 5 columns, found 3");
        assertFormatError("a,y,b\n1,1,x\n4,0,5\n", 2, 3, "b is not a number: 'x'");
    }

    @Test
    void wrongColumnCount() {
        assertFormatError("x1,x2,y\n1,2,1\n3,4\n", 3, 3, "expected 3 columns, found 2");
        assertFormatError("x1,x2,y\n1,2,1,5\n3,4,0\n", 2, 4, "expected 3 columns, found 4");
    }

    @Test
    void nonFiniteOrUnparsableInput() {
        assertFormatError("x1,x2,y\n1,NaN,1\n3,4,0\n", 2, 2, "x2 is not finite: 'NaN'");
        assertFormatError("x1,x2,y\n1,2,1\nInfinity,4,0\n", 3, 1, "x1 is not finite");
        assertFormatError("x1,x2,y\n1,2,1\nabc,4,0\n", 3, 1, "x1 is not a number: 'abc'");
    }

    @Test
    void labelMustBeZeroOrOne() {
        assertFormatError("x1,x2,y\n1,2,1\n3,4,2\n", 3, 3, "y must be 0 or 1, found '2'");
        assertFormatError("x1,x2,y\n1,2,1.0\n3,4,0\n", 2, 3, "y must be 0 or 1");
    }

    @Test
    void bothClassesMustOccur() {
        assertFormatError("x1,x2,y\n1,2,1\n3,4,1\n", 3, 3, "only class 1 occurs");
        assertFormatError("x1,x2,y\n", 1, 3, "no data rows");
    }

    private void assertFormatError(String content, int line, int column, String problem) {
        Path file = write("bad.csv", content);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetCsv.read(file));
        assertEquals(file.toString(), e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": line " + line + ", column " + column + ": "), message);
        assertTrue(message.contains(problem), message);
        assertTrue(message.lines().count() == 1, "one line: " + message);
    }

    private Path write(String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void textThatIsNotUtf8IsNamedByLineColumnAndByte() throws IOException {
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, new byte[] {'x', '1', ',', 'x', '2', ',', 'y', '\n', '0', '.', '5', ',', '(', (byte) 0xE9});
        assertFormatError(latin1, 2, 6, "not UTF-8 text (byte 0xE9)");
        Path utf16 = dir.resolve("utf16.csv");
        Files.write(utf16, "\uFEFFx1,x2,y\n1,2,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        assertFormatError(utf16, 1, 1, "not UTF-8 text (byte 0xFF)");
    }

    @Test
    void inputsTooLargeForTheNetworksSumsAreNamed() throws IOException {
        assertFormatError("x1,x2,y\n1,2,1\n3,1.7e308,0\n", 3, 2, "x2 is 1.7e308, beyond +-1.0E150");
        assertEquals(2, DatasetCsv.read(new java.io.ByteArrayInputStream("x1,x2,y\n1e150,2,1\n3,-1e150,0\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "f", "f").size());
    }

    private void assertFormatError(Path file, int line, int column, String problem) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> DatasetCsv.read(file));
        assertEquals(file + ": line " + line + ", column " + column + ": " + problem, e.getMessage());
    }
}
