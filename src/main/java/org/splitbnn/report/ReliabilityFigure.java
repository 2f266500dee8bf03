package org.splitbnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Figure 1b for a network of other than two inputs, which has no prediction map: the reliability curve
 * ({@link Reliability}) of the full solution's posterior-mean prediction on the training set, with the diagonal.
 */
public final class ReliabilityFigure {

    /** Width in pixels. */
    public static final int WIDTH = 640;

    /** Height in pixels. */
    public static final int HEIGHT = 640;

    private ReliabilityFigure() {
    }

    /** The figure for {@code run}; without its training set, the diagonal alone and a title that says so. */
    public static BufferedImage draw(RunFigureInput run) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries diagonal = new XYSeries("calibrated", false);
        diagonal.add(0, 0);
        diagonal.add(1, 1);
        data.addSeries(diagonal);
        XYSeries curve = new XYSeries("training set, " + Reliability.BINS + " bins", false);
        if (run.training() != null && run.posterior().modes().length > 0) {
            Reliability r = Reliability.ofPosterior(run.posterior(), run.training());
            for (int bin = 0; bin < r.rows().length; bin++) {
                curve.add(r.meanPredicted()[bin], r.observed()[bin]);
            }
        }
        data.addSeries(curve);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Color.GRAY);
        renderer.setSeriesShapesVisible(0, false);
        renderer.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f));
        renderer.setSeriesPaint(1, Palette.full());
        renderer.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
        NumberAxis x = new NumberAxis("mean predicted p(y = 1 | x)");
        NumberAxis y = new NumberAxis("fraction of class 1");
        x.setRange(0, 1);
        y.setRange(0, 1);
        String title = "Reliability of the full solution's mean prediction, " + run.description()
                + (run.training() == null ? " (training set not found)" : "");
        return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, new XYPlot(data, x, y, renderer), true))
                .createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }
}
