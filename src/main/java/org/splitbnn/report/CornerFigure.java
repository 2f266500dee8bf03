package org.splitbnn.report;

import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.splitbnn.analysis.Solution;

/**
 * Figure 2: a corner plot of the input-to-hidden weights of the first two inputs (w11, w12, ...) from the full
 * posterior's equally weighted samples, coloured by the prominent mode each sample belongs to: 1-D histograms on the
 * diagonal, pairwise scatter below it, the colour key above it.
 */
public final class CornerFigure {

    /** Side of one cell in pixels. */
    public static final int CELL = 260;

    private static final int BINS = 30;

    private CornerFigure() {
    }

    /**
     * The weights shown: those of the first two inputs (all of them for a network of two inputs), in the table's
     * order, where the input weights come first, input by input, N to an input (N: the output weights' count).
     */
    public static List<String> weights(RunFigureInput run) {
        List<String> names = run.posterior().parameters();
        long hidden = names.stream().filter(name -> name.startsWith("W2_")).count();
        int inputWeights = names.indexOf("b1_1");
        return names.subList(0, (int) Math.min(inputWeights, 2 * hidden));
    }

    /** The layout of the figure for {@code run}. */
    public static PanelGrid grid(RunFigureInput run) {
        int n = weights(run).size();
        return new PanelGrid(n, n, CELL, CELL, "Posterior of the input-to-hidden weights, " + run.description()
                + ", coloured by prominent mode");
    }

    /** The figure for {@code run}. */
    public static BufferedImage draw(RunFigureInput run) {
        List<String> names = weights(run);
        Map<Integer, double[][]> groups = groups(run, names);
        int n = names.size();
        Range[] ranges = new Range[n];
        for (int j = 0; j < n; j++) {
            double[] all = run.posterior().values(names.get(j));
            ranges[j] = ChartStyle.padded(Arrays.stream(all).min().orElse(-1),
                    Arrays.stream(all).max().orElse(1));
        }
        JFreeChart[][] panels = new JFreeChart[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c <= r; c++) {
                panels[r][c] = r == c ? histogram(names.get(r), ranges[r], groups, r)
                        : scatter(names.get(c), names.get(r), ranges[c], ranges[r], groups, c, r);
            }
        }
        List<PanelGrid.KeyEntry> key = new ArrayList<>();
        for (int rank : groups.keySet()) {
            key.add(new PanelGrid.KeyEntry(label(rank) + " (" + groups.get(rank)[0].length + " samples)",
                    colour(rank)));
        }
        return grid(run).draw(panels, key, 0, n - 1);
    }

    /** The full solution's samples of {@code names}, by prominent rank (0: in no prominent mode), other first. */
    private static Map<Integer, double[][]> groups(RunFigureInput run, List<String> names) {
        PosteriorSamples p = run.posterior();
        int[] mode = p.modes();
        Set<Integer> prominent = new TreeSet<>();
        run.prominentModes().forEach(m -> prominent.add(m.mode()));
        Map<Integer, List<Integer>> rows = new LinkedHashMap<>();
        rows.put(0, new ArrayList<>());
        prominent.forEach(k -> rows.put(k, new ArrayList<>()));
        for (int i = 0; i < p.size(); i++) {
            rows.get(prominent.contains(mode[i]) ? mode[i] : 0).add(i);
        }
        Map<Integer, double[][]> groups = new LinkedHashMap<>();
        rows.forEach((rank, idx) -> {
            if (!idx.isEmpty()) {
                double[][] values = new double[names.size()][];
                for (int j = 0; j < names.size(); j++) {
                    double[] column = p.values(names.get(j));
                    values[j] = idx.stream().mapToDouble(i -> column[i]).toArray();
                }
                groups.put(rank, values);
            }
        });
        return groups;
    }

    private static JFreeChart histogram(String name, Range range, Map<Integer, double[][]> groups, int j) {
        HistogramDataset data = new HistogramDataset();
        XYBarRenderer bars = new XYBarRenderer();
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(false);
        int s = 0;
        for (Map.Entry<Integer, double[][]> g : groups.entrySet()) {
            data.addSeries(label(g.getKey()), g.getValue()[j], BINS, range.getLowerBound(), range.getUpperBound());
            bars.setSeriesPaint(s++, Palette.translucent(colour(g.getKey()), 150));
        }
        NumberAxis x = new NumberAxis(name);
        x.setRange(range);
        XYPlot plot = new XYPlot(data, x, new NumberAxis("samples"), bars);
        return ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE_FONT, plot, false));
    }

    private static JFreeChart scatter(String xName, String yName, Range xRange, Range yRange,
                                      Map<Integer, double[][]> groups, int xj, int yj) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        int s = 0;
        for (Map.Entry<Integer, double[][]> g : groups.entrySet()) {
            XYSeries series = new XYSeries(label(g.getKey()), false);
            double[] xs = g.getValue()[xj];
            double[] ys = g.getValue()[yj];
            for (int i = 0; i < xs.length; i++) {
                series.add(xs[i], ys[i]);
            }
            data.addSeries(series);
            dots.setSeriesPaint(s, Palette.translucent(colour(g.getKey()), 170));
            dots.setSeriesShape(s++, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        NumberAxis x = new NumberAxis(xName);
        x.setRange(xRange);
        NumberAxis y = new NumberAxis(yName);
        y.setRange(yRange);
        XYPlot plot = new XYPlot(data, x, y, dots);
        return ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE_FONT, plot, false));
    }

    private static String label(int rank) {
        return rank == 0 ? "not in a prominent mode" : Solution.modeName(rank);
    }

    private static java.awt.Color colour(int rank) {
        return rank == 0 ? Palette.other() : Palette.mode(rank);
    }
}
