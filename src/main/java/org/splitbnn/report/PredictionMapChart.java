package org.splitbnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.Arrays;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitbnn.data.Dataset;

/** A prediction map on the shared {@link ProbabilityScale}, optionally with the training points over it. */
public final class PredictionMapChart {

    private PredictionMapChart() {
    }

    /**
     * The chart of {@code map}.
     *
     * @param points    training points to draw over the map, coloured by class, or null
     * @param colourBar whether to show the colour bar
     */
    public static JFreeChart of(String title, PredictionMap map, Dataset points, boolean colourBar) {
        double step = map.step();
        DefaultXYZDataset cells = new DefaultXYZDataset();
        cells.addSeries("p(y=1|x)", new double[][] {map.x1(), map.x2(), map.probability()});
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setPaintScale(ProbabilityScale.SCALE);
        blocks.setBlockWidth(step);
        blocks.setBlockHeight(step);
        blocks.setDefaultSeriesVisibleInLegend(false);
        NumberAxis x = new NumberAxis("x1");
        NumberAxis y = new NumberAxis("x2");
        x.setRange(min(map.x1()) - step / 2, max(map.x1()) + step / 2);
        y.setRange(min(map.x2()) - step / 2, max(map.x2()) + step / 2);
        XYPlot plot = new XYPlot(cells, x, y, blocks);
        if (points != null) {
            XYSeriesCollection classes = new XYSeriesCollection();
            XYSeries zero = new XYSeries("class 0", false);
            XYSeries one = new XYSeries("class 1", false);
            for (int i = 0; i < points.size(); i++) {
                (points.y(i) == 1 ? one : zero).add(points.x(0, i), points.x(1, i));
            }
            classes.addSeries(zero);
            classes.addSeries(one);
            XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
            dots.setUseOutlinePaint(true);
            dots.setDrawOutlines(true);
            for (int s = 0; s < 2; s++) {
                dots.setSeriesPaint(s, ProbabilityScale.pointColour(s));
                dots.setSeriesShape(s, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
                dots.setSeriesOutlinePaint(s, Color.WHITE);
                dots.setSeriesOutlineStroke(s, new BasicStroke(1f));
            }
            plot.setDataset(1, classes);
            plot.setRenderer(1, dots);
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, points != null);
        if (colourBar) {
            chart.addSubtitle(ProbabilityScale.legend("p(y = 1 | x)"));
        }
        ChartStyle.apply(chart);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return chart;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(1);
    }
}
