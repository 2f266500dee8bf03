package org.splitbnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.splitbnn.analysis.Solution;
import org.splitbnn.analysis.baselines.Baselines;

/**
 * The sweep's figures: prominent-mode counts per prior; log Z per training set and prior, and its spread over
 * sampler seeds against the reported error; the full solution's test &lt;log L&gt;/N against the highest-evidence
 * mode's per training set; log Z against test &lt;log L&gt;/N per run. Series are priors, in name order.
 */
public final class SweepFigures {

    /** Width of the single-chart figures in pixels. */
    public static final int WIDTH = 760;

    /** Height of the single-chart figures in pixels. */
    public static final int HEIGHT = 600;

    /** Width and height of each of the evidence figure's two panels. */
    public static final int PANEL = 620;

    private static final int DOT = 8;

    /**
     * The finished runs of one training set under one prior, over sampler seeds.
     *
     * @param train       the training set
     * @param prior       the prior
     * @param runs        number of runs
     * @param logZSd      sample standard deviation of log Z over the runs (NaN for one run)
     * @param meanLogZErr mean reported error of log Z
     * @param fullTest    mean over the runs of the full solution's test &lt;log L&gt;/N
     * @param topModeTest the same for mode 1
     */
    public record DatasetPrior(String train, String prior, int runs, double logZSd, double meanLogZErr,
                               double fullTest, double topModeTest) {

        /** Whether both test values are known. */
        public boolean compared() {
            return Double.isFinite(fullTest) && Double.isFinite(topModeTest);
        }

        /** Whether the full solution does better on the test sets than the highest-evidence mode. */
        public boolean fullAbove() {
            return compared() && fullTest > topModeTest;
        }
    }

    private SweepFigures() {
    }

    /** Histogram of prominent-mode counts from 1 to the largest, one bar series per prior. */
    public static BufferedImage modeCounts(SweepTables sweep) {
        int most = sweep.okRuns().stream().mapToInt(SweepRun::prominentModes).max().orElse(1);
        List<Integer> counts = IntStream.rangeClosed(1, most).boxed().toList();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        List<String> priors = sweep.priors();
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            for (int c : counts) {
                data.addValue(sweep.okRuns().stream().filter(r -> r.prior().equals(prior) && r.prominentModes() == c)
                        .count(), prior, Integer.toString(c));
            }
            bars.setSeriesPaint(p, Palette.series(p));
        }
        NumberAxis y = new NumberAxis("runs");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("prominent modes"), y, bars);
        return image(new JFreeChart("Prominent modes per run, by prior", ChartStyle.TITLE_FONT, plot, true));
    }

    /** The layout of the evidence figure. */
    public static PanelGrid evidenceGrid() {
        return new PanelGrid(1, 2, PANEL, PANEL, "Evidence per training set and prior, and its stability over "
                + "sampler seeds");
    }

    /** Left: log Z &plusmn; error per training set and prior; right: sd of log Z over seeds against mean error. */
    public static BufferedImage evidence(SweepTables sweep) {
        List<String> priors = sweep.priors();
        List<String> trains = sweep.okRuns().stream().map(SweepRun::train).distinct().sorted().toList();
        List<Long> seeds = sweep.okRuns().stream().map(SweepRun::seed).distinct().sorted().toList();
        YIntervalSeriesCollection logZ = new YIntervalSeriesCollection();
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        XYSeriesCollection spread = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = dots();
        double widest = 0;
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            YIntervalSeries series = new YIntervalSeries(prior);
            for (SweepRun r : sweep.okRuns()) {
                if (r.prior().equals(prior)) {
                    double x = trains.indexOf(r.train()) + 0.3 * (p - (priors.size() - 1) / 2.0) / priors.size()
                            + 0.08 * (seeds.indexOf(r.seed()) - (seeds.size() - 1) / 2.0) / seeds.size();
                    series.add(x, r.logZ(), r.logZ() - r.logZErr(), r.logZ() + r.logZErr());
                }
            }
            logZ.addSeries(series);
            style(errors, p);
            XYSeries s = new XYSeries(prior, false);
            for (DatasetPrior d : byDatasetAndPrior(sweep)) {
                if (d.prior().equals(prior) && d.runs() >= 2) {
                    s.add(d.meanLogZErr(), d.logZSd());
                    widest = Math.max(widest, Math.max(d.meanLogZErr(), d.logZSd()));
                }
            }
            spread.addSeries(s);
            style(dots, p);
        }
        SymbolAxis x = new SymbolAxis("training set", trains.toArray(String[]::new));
        x.setVerticalTickLabels(trains.size() > 4);
        x.setGridBandsVisible(false);
        XYPlot left = new XYPlot(logZ, x, axis("log Z"), errors);
        NumberAxis error = axis("mean reported error of log Z");
        NumberAxis sd = axis("sd of log Z over sampler seeds");
        XYPlot right = new XYPlot(spread, error, sd, dots);
        right.setNoDataMessage("needs two or more sampler seeds per training set");
        if (widest > 0) {
            error.setRange(0, widest * 1.1);
            sd.setRange(0, widest * 1.1);
            right.addAnnotation(diagonal(0, widest * 1.1));
        }
        JFreeChart[][] panels = {{
            ChartStyle.apply(new JFreeChart("log Z ± reported error, per run", ChartStyle.TITLE_FONT, left, true)),
            ChartStyle.apply(new JFreeChart("Spread over seeds against reported error", ChartStyle.TITLE_FONT,
                    right, true))}};
        return evidenceGrid().draw(panels, List.of(), 0, 0);
    }

    /**
     * Per training set and prior, the full solution's mean test &lt;log L&gt;/N against mode 1's, with the diagonal;
     * the legend counts the training sets above it.
     */
    public static BufferedImage fullAgainstTopMode(SweepTables sweep) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = dots();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<String> priors = sweep.priors();
        Map<String, int[]> above = fractionsAbove(sweep);
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            int[] count = above.get(prior);
            XYSeries s = new XYSeries(prior + ": full above in " + count[0] + " of " + count[1] + " training sets",
                    false);
            for (DatasetPrior d : byDatasetAndPrior(sweep)) {
                if (d.prior().equals(prior) && d.compared()) {
                    s.add(d.topModeTest(), d.fullTest());
                    lo = Math.min(lo, Math.min(d.topModeTest(), d.fullTest()));
                    hi = Math.max(hi, Math.max(d.topModeTest(), d.fullTest()));
                }
            }
            data.addSeries(s);
            style(dots, p);
        }
        XYPlot plot = squareWithDiagonal(data, dots, "highest-evidence mode: test <log L>/N",
                "full solution: test <log L>/N", lo, hi);
        return image(new JFreeChart("Full marginalisation against the best single mode", ChartStyle.TITLE_FONT,
                plot, true));
    }

    /** The layout of the full-against-baselines figure: two square panels side by side. */
    public static PanelGrid baselinesGrid() {
        return new PanelGrid(1, 2, PANEL, PANEL, "Full marginalisation against the optimisation baselines, per run");
    }

    /**
     * The full solution's predictive log-likelihood per test row against the MAP's (left) and the deep ensemble's
     * (right), one point per run, one series per prior, with the diagonal; the legend counts the runs above it.
     */
    public static BufferedImage fullAgainstBaselines(SweepTables sweep) {
        JFreeChart[][] panels = {{
            fullAgainst(sweep, Baselines.MAP, "MAP network"),
            fullAgainst(sweep, Baselines.ENSEMBLE, "deep ensemble")}};
        return baselinesGrid().draw(panels, List.of(), 0, 0);
    }

    private static JFreeChart fullAgainst(SweepTables sweep, String baseline, String label) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = dots();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        List<String> priors = sweep.priors();
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            List<SweepRun> runs = sweep.okRuns().stream().filter(r -> r.prior().equals(prior)
                    && Double.isFinite(r.testPredictive(Solution.FULL))
                    && Double.isFinite(r.testPredictive(baseline))).toList();
            long above = runs.stream().filter(r -> r.testPredictive(Solution.FULL) > r.testPredictive(baseline))
                    .count();
            XYSeries s = new XYSeries(prior + ": full above in " + above + " of " + runs.size() + " runs", false);
            for (SweepRun r : runs) {
                s.add(r.testPredictive(baseline), r.testPredictive(Solution.FULL));
                lo = Math.min(lo, Math.min(r.testPredictive(baseline), r.testPredictive(Solution.FULL)));
                hi = Math.max(hi, Math.max(r.testPredictive(baseline), r.testPredictive(Solution.FULL)));
            }
            data.addSeries(s);
            style(dots, p);
        }
        XYPlot plot = squareWithDiagonal(data, dots, label + ": test predictive log-likelihood per row",
                "full solution: test predictive log-likelihood per row", lo, hi);
        return ChartStyle.apply(new JFreeChart("Full marginalisation against the " + label, ChartStyle.TITLE_FONT,
                plot, true));
    }

    /** log Z against the full solution's test &lt;log L&gt;/N, one point per run. */
    public static BufferedImage evidenceAgainstTest(SweepTables sweep) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = dots();
        List<String> priors = sweep.priors();
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            XYSeries s = new XYSeries(prior, false);
            sweep.okRuns().stream().filter(r -> r.prior().equals(prior) && Double.isFinite(r.fullTest()))
                    .forEach(r -> s.add(r.logZ(), r.fullTest()));
            data.addSeries(s);
            style(dots, p);
        }
        XYPlot plot = new XYPlot(data, axis("log Z"), axis("full solution: test <log L>/N"), dots);
        return image(new JFreeChart("Evidence against generalisation, per run", ChartStyle.TITLE_FONT, plot, true));
    }

    /** Per prior: {training sets where the full solution is above the diagonal, training sets compared}. */
    public static Map<String, int[]> fractionsAbove(SweepTables sweep) {
        Map<String, int[]> above = new LinkedHashMap<>();
        sweep.priors().forEach(p -> above.put(p, new int[2]));
        for (DatasetPrior d : byDatasetAndPrior(sweep)) {
            if (d.compared()) {
                above.get(d.prior())[0] += d.fullAbove() ? 1 : 0;
                above.get(d.prior())[1]++;
            }
        }
        return above;
    }

    /** The finished runs grouped by training set and prior, sorted by training set, then prior. */
    public static List<DatasetPrior> byDatasetAndPrior(SweepTables sweep) {
        Map<List<String>, List<SweepRun>> groups = new LinkedHashMap<>();
        sweep.okRuns().stream().sorted((a, b) -> a.train().equals(b.train()) ? a.prior().compareTo(b.prior())
                        : a.train().compareTo(b.train()))
                .forEach(r -> groups.computeIfAbsent(List.of(r.train(), r.prior()), k -> new ArrayList<>()).add(r));
        List<DatasetPrior> result = new ArrayList<>();
        groups.forEach((key, runs) -> {
            double[] logZ = runs.stream().mapToDouble(SweepRun::logZ).toArray();
            double mean = java.util.Arrays.stream(logZ).average().orElse(Double.NaN);
            double ss = java.util.Arrays.stream(logZ).map(v -> (v - mean) * (v - mean)).sum();
            result.add(new DatasetPrior(key.get(0), key.get(1), runs.size(),
                    runs.size() < 2 ? Double.NaN : Math.sqrt(ss / (runs.size() - 1)),
                    runs.stream().mapToDouble(SweepRun::logZErr).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(SweepRun::fullTest).average().orElse(Double.NaN),
                    runs.stream().mapToDouble(SweepRun::topModeTest).average().orElse(Double.NaN)));
        });
        return result;
    }

    /** A scatter plot whose axes share the padded range [lo, hi] (when lo &lt; hi), with the diagonal. */
    private static XYPlot squareWithDiagonal(XYSeriesCollection data, XYLineAndShapeRenderer dots, String xLabel,
                                             String yLabel, double lo, double hi) {
        NumberAxis x = axis(xLabel);
        NumberAxis y = axis(yLabel);
        XYPlot plot = new XYPlot(data, x, y, dots);
        if (lo < hi) {
            Range square = ChartStyle.padded(lo, hi);
            x.setRange(square);
            y.setRange(square);
            plot.addAnnotation(diagonal(square.getLowerBound(), square.getUpperBound()));
        }
        return plot;
    }

    private static BufferedImage image(JFreeChart chart) {
        return ChartStyle.apply(chart).createBufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB, null);
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static XYLineAndShapeRenderer dots() {
        return new XYLineAndShapeRenderer(false, true);
    }

    private static void style(XYLineAndShapeRenderer r, int series) {
        r.setSeriesPaint(series, Palette.series(series));
        r.setSeriesShape(series, new Ellipse2D.Double(-DOT / 2.0, -DOT / 2.0, DOT, DOT));
    }

    private static XYLineAnnotation diagonal(double from, double to) {
        return new XYLineAnnotation(from, from, to, to, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f), Color.GRAY);
    }
}
