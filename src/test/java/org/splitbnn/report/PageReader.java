package org.splitbnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

/** Reads the marked numbers back from a report page, and checks its images. */
final class PageReader {

    private static final Pattern ROW = Pattern.compile("<tr data-key=\"([^\"]*)\">(.*?)</tr>");
    private static final Pattern CELL = Pattern.compile("<td class=\"([^\"]*)\">([^<]*)</td>");

    private PageReader() {
    }

    /** The rows of the table {@code id}: row key to (column class to cell text). */
    static Map<String, Map<String, String>> table(String html, String id) {
        int start = html.indexOf("<table id=\"" + id + "\">");
        assertTrue(start >= 0, "no table " + id);
        String table = html.substring(start, html.indexOf("</table>", start));
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher r = ROW.matcher(table);
        while (r.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher c = CELL.matcher(r.group(2));
            while (c.find()) {
                cells.put(c.group(1), c.group(2));
            }
            rows.put(r.group(1), cells);
        }
        return rows;
    }

    /** The text of the span {@code id}. */
    static String span(String html, String id) {
        Matcher m = Pattern.compile("<span id=\"" + id + "\">([^<]*)</span>").matcher(html);
        assertTrue(m.find(), "no span " + id);
        return m.group(1);
    }

    /** Asserts that {@code text} is {@code expected} rounded to {@code decimals} decimals ("n/a" if not finite). */
    static void assertNumber(double expected, String text, int decimals, String what) {
        if (!Double.isFinite(expected)) {
            assertEquals("n/a", text, what);
            return;
        }
        assertEquals(expected, Double.parseDouble(text), 0.5 * Math.pow(10, -decimals) + 1e-9, what);
    }

    /** Asserts that {@code file} is a PNG of {@code width} x {@code height} pixels. */
    static void assertPng(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " missing");
        byte[] head = new byte[8];
        System.arraycopy(Files.readAllBytes(file), 0, head, 0, 8);
        assertEquals((byte) 0x89, head[0], "PNG signature");
        assertEquals("PNG", new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII));
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), file + " width");
        assertEquals(height, image.getHeight(), file + " height");
    }

    /** Asserts that every image of the page is a relative link to a file beside it and nothing is fetched. */
    static void assertSelfContained(String html, Path dir) {
        Matcher m = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        int images = 0;
        while (m.find()) {
            assertTrue(Files.isRegularFile(dir.resolve(m.group(1))), m.group(1));
            images++;
        }
        assertTrue(images > 0);
        assertTrue(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
    }
}
