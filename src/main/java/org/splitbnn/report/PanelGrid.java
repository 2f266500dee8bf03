package org.splitbnn.report;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import org.jfree.chart.JFreeChart;

/**
 * A figure made of charts in a grid of equal cells under a title band, optionally with a colour key in one cell.
 *
 * @param rows       rows of cells
 * @param columns    columns of cells
 * @param cellWidth  width of a cell in pixels
 * @param cellHeight height of a cell in pixels
 * @param title      the figure's title, drawn centred in the band above the cells (smaller when it is too long)
 */
public record PanelGrid(int rows, int columns, int cellWidth, int cellHeight, String title) {

    /** Height of the title band in pixels. */
    public static final int TITLE_BAND = 40;

    /** Room left and right of the title, in pixels together; a longer title is drawn smaller. */
    private static final int TITLE_MARGIN = 20;

    /** One line of a colour key. */
    public record KeyEntry(String label, Color colour) {
    }

    /** Width of the figure in pixels. */
    public int width() {
        return columns * cellWidth;
    }

    /** Height of the figure in pixels. */
    public int height() {
        return TITLE_BAND + rows * cellHeight;
    }

    /**
     * Draws the figure: {@code panels[row][column]} in each cell (null leaves a cell blank) and, when {@code key} is
     * not empty, a colour key in cell ({@code keyRow}, {@code keyColumn}), centred, or from the cell's top when it is
     * too long to centre.
     */
    public BufferedImage draw(JFreeChart[][] panels, List<KeyEntry> key, int keyRow, int keyColumn) {
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            g.setColor(Color.BLACK);
            g.setFont(ChartStyle.TITLE_FONT.deriveFont(17f));
            FontMetrics fm = g.getFontMetrics();
            if (fm.stringWidth(title) > width() - TITLE_MARGIN) {
                g.setFont(g.getFont().deriveFont(17f * (width() - TITLE_MARGIN) / fm.stringWidth(title)));
                fm = g.getFontMetrics();
            }
            g.drawString(title, (width() - fm.stringWidth(title)) / 2, (TITLE_BAND + fm.getAscent()) / 2);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    if (r < panels.length && c < panels[r].length && panels[r][c] != null) {
                        panels[r][c].draw(g, cell(r, c));
                    }
                }
            }
            if (!key.isEmpty()) {
                drawKey(g, key, cell(keyRow, keyColumn));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private Rectangle2D cell(int row, int column) {
        return new Rectangle2D.Double(column * cellWidth, TITLE_BAND + row * cellHeight, cellWidth, cellHeight);
    }

    private static void drawKey(Graphics2D g, List<KeyEntry> key, Rectangle2D cell) {
        g.setFont(ChartStyle.LABEL_FONT);
        int line = g.getFontMetrics().getHeight() + 4;
        int x = (int) cell.getX() + 8;
        int y = (int) Math.max(cell.getY() + 4, cell.getCenterY() - key.size() * line / 2.0);
        for (KeyEntry e : key) {
            g.setColor(e.colour());
            g.fillRect(x, y, 14, 14);
            g.setColor(Color.BLACK);
            g.drawRect(x, y, 14, 14);
            g.drawString(e.label(), x + 22, y + 12);
            y += line;
        }
    }
}
