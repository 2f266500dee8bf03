package org.splitbnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.rng.JumpableUniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.splitbnn.analysis.claims.Claim;
import org.splitbnn.analysis.claims.ClaimSettings;
import org.splitbnn.analysis.claims.ClusterBootstrap;
import org.splitbnn.analysis.claims.Verdict;
import org.splitbnn.report.StudyTables.ClaimLine;
import org.splitbnn.report.StudyTables.StudyPoint;

/**
 * The study's figures: the claims table as a forest plot (a panel per claim, a line per condition: the estimate,
 * its 95% interval and the claim's threshold); prominent modes and distinct functions against training size and
 * noise (median and quartiles over training sets); the full solution's advantage over the MAP against training size
 * with its 95% band.
 */
public final class StudyFigures {

    /** Width of a panel in pixels. */
    public static final int PANEL_WIDTH = 560;

    /** Height of a panel of the counts and advantage figures in pixels. */
    public static final int PANEL_HEIGHT = 420;

    /** Columns of the forest plot's grid. */
    public static final int FOREST_COLUMNS = 3;

    /** Colours of the verdicts. */
    private static final Map<Verdict, Color> VERDICT = Map.of(Verdict.SUPPORTED, new Color(0, 140, 70),
            Verdict.REFUTED, new Color(200, 40, 40), Verdict.INCONCLUSIVE, new Color(120, 120, 120));

    private static final int DOT = 8;

    /** The factor name of the training sets' origin among {@link #varyingFactors}. */
    static final String DATASET = "dataset";

    private StudyFigures() {
    }

    /** The forest plot's layout: a panel per claim, 3 to a row, tall enough for the claim with most conditions. */
    public static PanelGrid forestGrid(StudyTables study) {
        int claims = claimIds(study).size();
        int most = claimIds(study).stream().mapToInt(id -> lines(study, id).size()).max().orElse(1);
        return new PanelGrid((claims + FOREST_COLUMNS - 1) / FOREST_COLUMNS, FOREST_COLUMNS, PANEL_WIDTH,
                110 + 22 * most, "Claims: estimate and 95% bootstrap interval over training sets per condition "
                + "(dashed: threshold; green supported, red refuted, grey inconclusive; hollow: not converged)");
    }

    /** The forest plot. */
    public static BufferedImage forest(StudyTables study) {
        PanelGrid grid = forestGrid(study);
        List<String> ids = claimIds(study);
        List<String> varying = varyingFactors(study.claims());
        JFreeChart[][] panels = new JFreeChart[grid.rows()][grid.columns()];
        for (int k = 0; k < ids.size(); k++) {
            List<ClaimLine> lines = lines(study, ids.get(k));
            XIntervalSeriesCollection data = new XIntervalSeriesCollection();
            XYErrorRenderer renderer = new XYErrorRenderer();
            renderer.setDrawYError(false);
            renderer.setDefaultLinesVisible(false);
            int series = 0;
            for (Verdict verdict : Verdict.values()) {
                for (boolean notConverged : new boolean[] {false, true}) {
                    XIntervalSeries s = new XIntervalSeries(verdict.label() + (notConverged ? " (not converged)" : ""));
                    for (int i = 0; i < lines.size(); i++) {
                        ClaimLine l = lines.get(i);
                        if (l.verdict().equals(verdict.label()) && l.notConverged() == notConverged
                                && Double.isFinite(l.estimate())) {
                            boolean known = Double.isFinite(l.low()) && Double.isFinite(l.high());
                            s.add(l.estimate(), known ? l.low() : l.estimate(), known ? l.high() : l.estimate(),
                                    lines.size() - 1 - i);
                        }
                    }
                    data.addSeries(s);
                    renderer.setSeriesPaint(series, VERDICT.get(verdict));
                    renderer.setSeriesShape(series, new Ellipse2D.Double(-DOT / 2.0, -DOT / 2.0, DOT, DOT));
                    renderer.setSeriesShapesFilled(series, !notConverged);
                    renderer.setSeriesVisibleInLegend(series, false);
                    series++;
                }
            }
            renderer.setErrorPaint(null);
            String[] labels = new String[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                labels[lines.size() - 1 - i] = label(lines.get(i), varying);
            }
            SymbolAxis y = new SymbolAxis(null, labels);
            y.setGridBandsVisible(false);
            NumberAxis x = new NumberAxis(shorten(lines.get(0).statistic()));
            x.setAutoRangeIncludesZero(false);
            XYPlot plot = new XYPlot(data, x, y, renderer);
            plot.addDomainMarker(new ValueMarker(lines.get(0).threshold(), Color.DARK_GRAY, dashed()));
            includeThreshold(x, lines);
            panels[k / FOREST_COLUMNS][k % FOREST_COLUMNS] = ChartStyle.apply(new JFreeChart(ids.get(k) + ": "
                    + Claim.byId(ids.get(k)).title(),
                    ChartStyle.TITLE_FONT, plot, false));
            y.setTickLabelFont(ChartStyle.TICK_FONT);
            x.setLabelFont(ChartStyle.TICK_FONT);
        }
        return grid.draw(panels, List.of(), 0, 0);
    }

    /** The layout of the counts figure: prominent modes and distinct functions (rows) per prior (columns). */
    public static PanelGrid countsGrid(StudyTables study) {
        return new PanelGrid(2, Math.max(1, priors(study).size()), PANEL_WIDTH, PANEL_HEIGHT,
                "Prominent modes and distinct functions against training size, per noise variance "
                        + "(median and quartiles over training sets, " + hiddenLabel(study) + ")");
    }

    /**
     * Prominent modes (top) and distinct functions (bottom) against training size, a series per noise variance, a
     * column per prior: the median over the runs with its quartiles, at the smallest hidden-unit count.
     */
    public static BufferedImage counts(StudyTables study) {
        PanelGrid grid = countsGrid(study);
        List<String> priors = priors(study);
        JFreeChart[][] panels = new JFreeChart[2][priors.size()];
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            List<StudyPoint> runs = mainRuns(study).stream().filter(r -> r.prior().equals(prior)).toList();
            panels[0][p] = quartilePanel(prior + ": prominent modes", "prominent modes", runs, StudyPoint::modes);
            List<StudyPoint> withFunctions = runs.stream().filter(r -> Double.isFinite(r.functions())).toList();
            panels[1][p] = quartilePanel(prior + ": distinct functions", "distinct functions", withFunctions,
                    StudyPoint::functions);
        }
        return grid.draw(panels, List.of(), 0, 0);
    }

    /** The layout of the advantage figure: a panel per prior. */
    public static PanelGrid advantageGrid(StudyTables study) {
        return new PanelGrid(1, Math.max(1, priors(study).size()), PANEL_WIDTH, PANEL_HEIGHT,
                "Full solution minus MAP: test predictive log-likelihood per row against training size (mean and "
                        + "95% bootstrap band over training sets, " + hiddenLabel(study) + ")");
    }

    /**
     * The full solution's test predictive log-likelihood minus the MAP's against training size, a series per noise
     * variance, a panel per prior: the mean over runs and its 95% percentile-bootstrap band over training sets
     * (the claims' bootstrap, seed {@link ClaimSettings#DEFAULT_SEED}, one jump per series).
     */
    public static BufferedImage advantage(StudyTables study) {
        PanelGrid grid = advantageGrid(study);
        List<String> priors = priors(study);
        JumpableUniformRandomProvider rng =
                (JumpableUniformRandomProvider) RandomSource.XO_SHI_RO_256_PP.create(ClaimSettings.DEFAULT_SEED);
        JFreeChart[][] panels = new JFreeChart[1][priors.size()];
        for (int p = 0; p < priors.size(); p++) {
            String prior = priors.get(p);
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            DeviationRenderer renderer = new DeviationRenderer(true, true);
            int series = 0;
            for (var byNoise : byNoise(mainRuns(study).stream().filter(r -> r.prior().equals(prior)
                    && Double.isFinite(r.fullTest()) && Double.isFinite(r.mapTest())).toList()).entrySet()) {
                YIntervalSeries s = new YIntervalSeries(noiseLabel(byNoise.getKey()));
                for (var bySize : bySize(byNoise.getValue()).entrySet()) {
                    List<ClusterBootstrap.Observation> obs = bySize.getValue().stream()
                            .map(r -> new ClusterBootstrap.Observation(r.train(), 0, 0, r.fullTest() - r.mapTest()))
                            .toList();
                    ClusterBootstrap.Interval ci = ClusterBootstrap.of(obs, ClusterBootstrap.Statistic.MEAN,
                            ClaimSettings.DEFAULT_RESAMPLES, ClaimSettings.CONFIDENCE, rng.jump());
                    s.add(bySize.getKey(), ci.estimate(), ci.known() ? ci.low() : ci.estimate(),
                            ci.known() ? ci.high() : ci.estimate());
                }
                data.addSeries(s);
                renderer.setSeriesPaint(series, Palette.series(series));
                renderer.setSeriesFillPaint(series, Palette.series(series));
                renderer.setSeriesShape(series, new Ellipse2D.Double(-DOT / 2.0, -DOT / 2.0, DOT, DOT));
                series++;
            }
            renderer.setAlpha(0.2f);
            XYPlot plot = new XYPlot(data, sizeAxis(), axis("full minus MAP: test log-likelihood per row"),
                    renderer);
            plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, dashed()));
            plot.setNoDataMessage("needs the baselines (map) and a test set");
            panels[0][p] = ChartStyle.apply(new JFreeChart(prior, ChartStyle.TITLE_FONT, plot, true));
        }
        return grid.draw(panels, List.of(), 0, 0);
    }

    /** The factors that take more than one value among the claims table's rows (in the order of the columns). */
    static List<String> varyingFactors(List<ClaimLine> claims) {
        List<String> varying = new ArrayList<>();
        if (claims.stream().map(ClaimLine::prior).distinct().count() > 1) {
            varying.add("prior");
        }
        if (claims.stream().map(ClaimLine::dataset).distinct().count() > 1) {
            varying.add(DATASET);
        }
        if (claims.stream().map(ClaimLine::trainSize).distinct().count() > 1) {
            varying.add("size");
        }
        if (claims.stream().map(l -> Double.toString(l.noiseVariance())).distinct().count() > 1) {
            varying.add("noise");
        }
        if (claims.stream().map(ClaimLine::hidden).distinct().count() > 1) {
            varying.add("hidden");
        }
        if (claims.stream().map(l -> Double.toString(l.priorHalfWidth())).distinct().count() > 1) {
            varying.add("width");
        }
        if (claims.stream().map(l -> l.sampling().nlive()).distinct().count() > 1) {
            varying.add("nlive");
        }
        if (claims.stream().map(l -> l.sampling().repeatsPerDimension()).distinct().count() > 1) {
            varying.add("repeats");
        }
        if (claims.stream().map(l -> l.sampling().sampler()).distinct().count() > 1) {
            varying.add("sampler");
        }
        return varying;
    }

    /**
     * A condition in a few characters: the varying factors only ("constrained moons n220 v0.5 nl500 r2d", r:
     * num_repeats per dimension), "all" when none, followed by "not converged" when its verdict has not converged.
     */
    static String label(ClaimLine l, List<String> varying) {
        List<String> parts = new ArrayList<>();
        for (String f : varying) {
            switch (f) {
                case "prior" -> parts.add(l.prior() == null ? "all priors" : l.prior());
                case DATASET -> parts.add(l.dataset());
                case "size" -> parts.add(l.trainSize() == null ? "all sizes" : "n" + l.trainSize());
                case "noise" -> parts.add(Double.isNaN(l.noiseVariance()) ? "csv" : "v" + l.noiseVariance());
                case "hidden" -> parts.add(l.hidden() == null ? "all h" : "h" + l.hidden());
                case "width" -> parts.add(Double.isNaN(l.priorHalfWidth()) ? "all a" : "a" + l.priorHalfWidth());
                case "nlive" -> parts.add("nl" + l.sampling().nlive());
                case "repeats" -> parts.add("r" + BigDecimal.valueOf(l.sampling().repeatsPerDimension())
                        .setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "d");
                default -> parts.add(l.sampling().sampler());
            }
        }
        String label = parts.isEmpty() ? "all" : String.join(" ", parts);
        return l.notConverged() ? label + " not converged" : label;
    }

    private static List<String> claimIds(StudyTables study) {
        return study.claims().stream().map(ClaimLine::claim).distinct().toList();
    }

    private static List<ClaimLine> lines(StudyTables study, String id) {
        return study.claims().stream().filter(l -> l.claim().equals(id)).toList();
    }

    private static void includeThreshold(NumberAxis x, List<ClaimLine> lines) {
        double lo = lines.get(0).threshold();
        double hi = lo;
        for (ClaimLine l : lines) {
            for (double v : new double[] {l.estimate(), l.low(), l.high()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        x.setRange(hi > lo ? ChartStyle.padded(lo, hi) : ChartStyle.padded(lo - 1, hi + 1));
    }

    private static JFreeChart quartilePanel(String title, String label, List<StudyPoint> runs,
                                            ToDoubleFunction<StudyPoint> value) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDefaultLinesVisible(true);
        Map<Double, List<StudyPoint>> groups = byNoise(runs);
        int series = 0;
        for (var byNoise : groups.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(noiseLabel(byNoise.getKey()));
            double shift = Math.pow(1.04, series - (groups.size() - 1) / 2.0);
            for (var bySize : bySize(byNoise.getValue()).entrySet()) {
                double[] v = bySize.getValue().stream().mapToDouble(value).toArray();
                Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
                q.setData(v);
                s.add(bySize.getKey() * shift, q.evaluate(50), q.evaluate(25), q.evaluate(75));
            }
            data.addSeries(s);
            renderer.setSeriesPaint(series, Palette.series(series));
            renderer.setSeriesShape(series, new Ellipse2D.Double(-DOT / 2.0, -DOT / 2.0, DOT, DOT));
            series++;
        }
        NumberAxis y = axis(label);
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        XYPlot plot = new XYPlot(data, sizeAxis(), y, renderer);
        plot.setNoDataMessage("no runs with these counts");
        return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
    }

    private static Map<Double, List<StudyPoint>> byNoise(List<StudyPoint> runs) {
        Map<Double, List<StudyPoint>> groups = new TreeMap<>();
        runs.forEach(r -> groups.computeIfAbsent(r.noiseVariance(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    private static Map<Double, List<StudyPoint>> bySize(List<StudyPoint> runs) {
        Map<Double, List<StudyPoint>> groups = new TreeMap<>();
        runs.forEach(r -> groups.computeIfAbsent((double) r.trainSize(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    /**
     * The runs the counts and advantage figures draw: those at the smallest hidden-unit count and at the main
     * grid's settings, the prior half-width and sampler settings most runs share (so that other half-widths and a
     * convergence block's settings do not blur the medians).
     */
    private static List<StudyPoint> mainRuns(StudyTables study) {
        int h = study.runs().stream().mapToInt(StudyPoint::hidden).min().orElse(2);
        Map<List<Object>, Long> counts = new HashMap<>();
        study.runs().forEach(r -> counts.merge(r.settings(), 1L, Long::sum));
        List<Object> main = counts.entrySet().stream().max(Map.Entry.<List<Object>, Long>comparingByValue()
                .thenComparing(e -> e.getKey().toString())).map(Map.Entry::getKey).orElse(List.of());
        return study.runs().stream().filter(r -> r.hidden() == h && r.settings().equals(main)).toList();
    }

    private static String hiddenLabel(StudyTables study) {
        return study.runs().stream().mapToInt(StudyPoint::hidden).min().orElse(2) + " hidden units, the prior "
                + "half-width and sampler settings of most runs";
    }

    private static List<String> priors(StudyTables study) {
        return study.runs().stream().map(StudyPoint::prior).distinct().sorted(Comparator.naturalOrder()).toList();
    }

    private static String noiseLabel(double v) {
        return Double.isNaN(v) ? "CSV training set" : String.format(Locale.ROOT, "noise variance %s", v);
    }

    private static NumberAxis sizeAxis() {
        NumberAxis x = axis("training points");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return x;
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }

    private static String shorten(String statistic) {
        return statistic.length() <= 70 ? statistic : statistic.substring(0, 67) + "...";
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    }
}
