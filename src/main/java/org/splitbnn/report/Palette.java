package org.splitbnn.report;

import java.awt.Color;

/**
 * The report's colours for solutions and series: the full solution, each prominent mode by rank (the same colour
 * in every figure of a run), modes that are not prominent, and the series of a sweep's plots (one per prior).
 */
public final class Palette {

    private static final Color[] SERIES = {
        new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(148, 103, 189),
        new Color(140, 86, 75), new Color(227, 119, 194), new Color(188, 189, 34), new Color(23, 190, 207),
        new Color(214, 39, 40),
    };

    private Palette() {
    }

    /** The full solution's colour. */
    public static Color full() {
        return new Color(60, 60, 60);
    }

    /** The colour of the prominent mode of rank {@code rank} (1 = highest local evidence). */
    public static Color mode(int rank) {
        return series(rank - 1);
    }

    /** The colour of samples outside every prominent mode. */
    public static Color other() {
        return new Color(175, 175, 175);
    }

    /** The colour of series {@code index} (0-based) of a plot. */
    public static Color series(int index) {
        return SERIES[Math.floorMod(index, SERIES.length)];
    }

    /** {@code c} with alpha {@code alpha} (0..255). */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
