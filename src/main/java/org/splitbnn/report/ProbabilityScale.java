package org.splitbnn.report;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one colour scale of every prediction map: p(y = 1 | x) from 0 (blue) through 1/2 (white) to 1 (red), and the
 * darker colours of the training points of class 0 and class 1 drawn over it.
 */
public final class ProbabilityScale implements PaintScale {

    private static final Color LOW = new Color(67, 147, 195);
    private static final Color MIDDLE = Color.WHITE;
    private static final Color HIGH = new Color(214, 96, 77);

    /** The scale (it has no state). */
    public static final ProbabilityScale SCALE = new ProbabilityScale();

    private ProbabilityScale() {
    }

    @Override
    public double getLowerBound() {
        return 0;
    }

    @Override
    public double getUpperBound() {
        return 1;
    }

    @Override
    public Paint getPaint(double value) {
        double p = Double.isNaN(value) ? 0.5 : Math.max(0, Math.min(1, value));
        return p < 0.5 ? mix(LOW, MIDDLE, p * 2) : mix(MIDDLE, HIGH, (p - 0.5) * 2);
    }

    /** The colour of a training point of class {@code label} (0 or 1). */
    public static Color pointColour(int label) {
        return label == 1 ? new Color(120, 0, 30) : new Color(5, 48, 110);
    }

    /** A colour bar for the right of a chart, 0 to 1, titled {@code title}. */
    public static PaintScaleLegend legend(String title) {
        NumberAxis axis = new NumberAxis(title);
        axis.setRange(0, 1);
        axis.setTickLabelFont(ChartStyle.TICK_FONT);
        axis.setLabelFont(ChartStyle.TICK_FONT);
        PaintScaleLegend legend = new PaintScaleLegend(SCALE, axis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setStripWidth(12);
        legend.setAxisOffset(4);
        legend.setMargin(new RectangleInsets(8, 4, 8, 4));
        legend.setSubdivisionCount(100);
        return legend;
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
