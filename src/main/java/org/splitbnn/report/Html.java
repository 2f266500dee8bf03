package org.splitbnn.report;

import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML page under construction: headings, paragraphs, tables whose rows and cells are marked
 * ({@code data-key} on a row, a {@code class} per column) so that their numbers can be read back, and figures that
 * link to images beside the page.
 */
public final class Html {

    private static final String STYLE = "body{font-family:sans-serif;max-width:1200px;margin:2em auto;"
            + "padding:0 1em;color:#222}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f2f2f2}"
            + "td:first-child,th:first-child{text-align:left}figure{margin:2em 0}"
            + "img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{margin-top:.4em;color:#444}";

    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** A table row: its key ({@code data-key}) and its cells' text, one per column. */
    public record Row(String key, List<String> cells) {
    }

    /** A page titled {@code title}. */
    public Html(String title) {
        this.title = title;
        heading(1, title);
    }

    /** A heading of level {@code level}. */
    public Html heading(int level, String text) {
        body.append("<h").append(level).append('>').append(escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    /** A paragraph of {@code html} (already escaped). */
    public Html paragraph(String html) {
        body.append("<p>").append(html).append("</p>\n");
        return this;
    }

    /**
     * A table.
     *
     * @param headers the column headings
     * @param classes each column's class
     */
    public Html table(String id, List<String> headers, List<String> classes, List<Row> rows) {
        body.append("<table id=\"").append(escape(id)).append("\">\n<tr>");
        headers.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (Row r : rows) {
            body.append("<tr data-key=\"").append(escape(r.key())).append("\">");
            for (int c = 0; c < r.cells().size(); c++) {
                body.append("<td class=\"").append(classes.get(c)).append("\">").append(escape(r.cells().get(c)))
                        .append("</td>");
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /** A figure: the image {@code file} (beside the page) with a one-line caption of {@code html}. */
    public Html figure(String file, int width, int height, String captionHtml) {
        body.append("<figure><a href=\"").append(escape(file)).append("\"><img src=\"").append(escape(file))
                .append("\" width=\"").append(width).append("\" height=\"").append(height).append("\" alt=\"")
                .append(escape(file)).append("\"></a><figcaption>").append(captionHtml)
                .append("</figcaption></figure>\n");
        return this;
    }

    /** The page's text. */
    public String text() {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title)
                + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
    }

    /** {@code text} with HTML's special characters escaped. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** A marked number: {@code <span id="ID">value</span>}, the value with {@code decimals} decimals. */
    public static String span(String id, double value, int decimals) {
        return "<span id=\"" + escape(id) + "\">" + number(value, decimals) + "</span>";
    }

    /** {@code value} with {@code decimals} decimals, "n/a" when it is not finite. */
    public static String number(double value, int decimals) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
    }
}
