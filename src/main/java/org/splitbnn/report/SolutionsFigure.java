package org.splitbnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.splitbnn.analysis.GeneralisationRow;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;

/**
 * Figure 3: one column for the full solution, one for each prominent mode and one for each baseline the run has
 * ({@code map}, {@code ensemble}, {@code laplace}); rows: the distribution of &lt;log L&gt;/N over the solution's
 * networks on the training set and on the test sets (box plots from the stored quartiles, whiskers to the extremes,
 * the mean as a dot; the full solution's means as dashed lines), the local log Z with its error bar (the full
 * solution's log Z dashed; empty for the baselines, which have no sampled evidence), and the solution's prediction
 * map.
 */
public final class SolutionsFigure {

    /** Width of one column in pixels. */
    public static final int CELL_WIDTH = 330;

    /** Height of one row in pixels. */
    public static final int CELL_HEIGHT = 300;

    private static final BasicStroke DASHED = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {5f, 4f}, 0f);

    /**
     * One column of the figure.
     *
     * @param solution "full", "mode k", "map", "ensemble" or "laplace"
     * @param title    the column's heading
     * @param logZ     the solution's (local) log Z, NaN for a baseline
     * @param logZErr  its standard deviation
     * @param colour   the solution's colour
     * @param train    &lt;log L&gt;/N on the training set
     * @param test     &lt;log L&gt;/N on the (pooled) test sets, or null without test sets
     */
    record Column(String solution, String title, double logZ, double logZErr, Color colour, LogLikelihoodRow train,
                  LogLikelihoodRow test) {
    }

    /** The baselines' solution names, in column order. */
    private static final List<String> BASELINES = List.of(Baselines.MAP, Baselines.ENSEMBLE, Baselines.LAPLACE);

    private SolutionsFigure() {
    }

    /** The layout of the figure for {@code run}. */
    public static PanelGrid grid(RunFigureInput run) {
        return new PanelGrid(run.hasPredictionMaps() ? 3 : 2, columns(run).size(), CELL_WIDTH, CELL_HEIGHT,
                "Full solution, prominent modes and baselines, " + run.description());
    }

    /** The figure for {@code run}. */
    public static BufferedImage draw(RunFigureInput run) {
        List<Column> columns = columns(run);
        Range logLRange = logLRange(columns);
        Range logZRange = logZRange(columns);
        Column full = columns.get(0);
        JFreeChart[][] panels = new JFreeChart[grid(run).rows()][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            panels[0][c] = logLikelihood(col, full, logLRange);
            panels[1][c] = evidence(col, full, logZRange);
            if (run.hasPredictionMaps()) {
                panels[2][c] = PredictionMapChart.of(null, run.predictions().get(col.solution()), null, true);
            }
        }
        return grid(run).draw(panels, List.of(), 0, 0);
    }

    static List<Column> columns(RunFigureInput run) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column(Solution.FULL, "full solution", run.logZ(), run.logZErr(), Palette.full(),
                row(run, Solution.FULL, true),
                row(run, Solution.FULL, false)));
        for (ModeRow m : run.prominentModes()) {
            String name = Solution.modeName(m.mode());
            columns.add(new Column(name, String.format(Locale.ROOT, "%s (weight %.3f)", name, m.weight()),
                    m.localLogZ(), m.localLogZErr(), Palette.mode(m.mode()), row(run, name, true),
                    row(run, name, false)));
        }
        int series = run.prominentModes().size();
        for (String baseline : BASELINES) {
            LogLikelihoodRow train = row(run, baseline, true);
            if (train != null) {
                columns.add(new Column(baseline, baseline, Double.NaN, Double.NaN, Palette.series(series++), train,
                        row(run, baseline, false)));
            }
        }
        return columns;
    }

    /** The training row, or the test row: the pooled test sets if there are, else the one test set (or null). */
    private static LogLikelihoodRow row(RunFigureInput run, String solution, boolean train) {
        LogLikelihoodRow found = null;
        for (LogLikelihoodRow r : run.generalisation()) {
            if (!r.solution().equals(solution)) {
                continue;
            }
            if (train ? r.dataset().equals(GeneralisationRow.TRAIN)
                    : r.dataset().equals(GeneralisationRow.POOLED_TESTS) || (found == null && r.isTestSet())) {
                found = r;
            }
        }
        return found;
    }

    private static JFreeChart logLikelihood(Column col, Column full, Range range) {
        DefaultBoxAndWhiskerCategoryDataset data = new DefaultBoxAndWhiskerCategoryDataset();
        data.add(box(col.train()), col.solution(), "train");
        if (col.test() != null) {
            data.add(box(col.test()), col.solution(), "test");
        }
        BoxAndWhiskerRenderer boxes = new BoxAndWhiskerRenderer();
        boxes.setSeriesPaint(0, Palette.translucent(col.colour(), 160));
        boxes.setSeriesOutlinePaint(0, Color.BLACK);
        boxes.setUseOutlinePaintForWhiskers(true);
        boxes.setMeanVisible(false);
        boxes.setMaxOutlierVisible(false);
        boxes.setMinOutlierVisible(false);
        boxes.setMaximumBarWidth(0.25);
        NumberAxis y = new NumberAxis("<log L>/N");
        y.setRange(range);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), y, boxes);
        DefaultCategoryDataset means = new DefaultCategoryDataset();
        means.addValue(col.train().mean(), "mean", "train");
        if (col.test() != null) {
            means.addValue(col.test().mean(), "mean", "test");
        }
        LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, Color.BLACK);
        dots.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        plot.setDataset(1, means);
        plot.setRenderer(1, dots);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.addRangeMarker(dashed(full.train().mean()));
        if (full.test() != null) {
            plot.addRangeMarker(dashed(full.test().mean()));
        }
        return ChartStyle.apply(new JFreeChart(col.title(), ChartStyle.TITLE_FONT, plot, false));
    }

    private static JFreeChart evidence(Column col, Column full, Range range) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        if (Double.isFinite(col.logZ())) {
            data.add(col.logZ(), col.logZErr(), col.solution(), col.solution().equals(Solution.FULL) ? "log Z"
                    : "local log Z");
        }
        StatisticalLineAndShapeRenderer points = new StatisticalLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, col.colour());
        points.setErrorIndicatorPaint(Color.BLACK);
        points.setErrorIndicatorStroke(new BasicStroke(1.5f));
        points.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        NumberAxis y = new NumberAxis("log Z");
        y.setRange(range);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(null), y, points);
        plot.addRangeMarker(dashed(full.logZ()));
        return ChartStyle.apply(new JFreeChart(null, ChartStyle.TITLE_FONT, plot, false));
    }

    private static BoxAndWhiskerItem box(LogLikelihoodRow r) {
        return new BoxAndWhiskerItem(r.mean(), r.median(), r.q1(), r.q3(), r.min(), r.max(), r.min(), r.max(),
                List.of());
    }

    private static ValueMarker dashed(double value) {
        ValueMarker m = new ValueMarker(value, Palette.full(), DASHED);
        m.setAlpha(0.8f);
        return m;
    }

    private static Range logLRange(List<Column> columns) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Column c : columns) {
            for (LogLikelihoodRow r : new LogLikelihoodRow[] {c.train(), c.test()}) {
                if (r != null) {
                    lo = Math.min(lo, r.min());
                    hi = Math.max(hi, r.max());
                }
            }
        }
        return ChartStyle.padded(lo, hi);
    }

    private static Range logZRange(List<Column> columns) {
        double lo = columns.stream().filter(c -> Double.isFinite(c.logZ())).mapToDouble(c -> c.logZ() - c.logZErr())
                .min().orElse(-1);
        double hi = columns.stream().filter(c -> Double.isFinite(c.logZ())).mapToDouble(c -> c.logZ() + c.logZErr())
                .max().orElse(1);
        return ChartStyle.padded(lo, hi);
    }
}
