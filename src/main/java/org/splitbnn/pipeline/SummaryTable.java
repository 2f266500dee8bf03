package org.splitbnn.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.splitbnn.analysis.RunSettings;
import org.splitbnn.output.Table;

import scala.jdk.javaapi.CollectionConverters;

/**
 * The {@code summary} table: per prior, nlive, nprior, num_repeats, sampler and hidden, the number of runs, the mean
 * of log Z, its spread over sampler seeds within a training set beside the mean reported error, the distributions
 * of prominent-mode and distinct-function counts, and how often the full solution beats the highest-evidence mode
 * on the test sets ({@link RunOutcome#fullBeatsTopMode()}). Computed on the driver
 * from the committed runs' headlines ({@link RunHeadline}), in a fixed order, so that the numbers do not depend on
 * how Spark partitions anything.
 */
final class SummaryTable {

    /** Folder of the table. */
    static final String FOLDER = Table.SUMMARY.folder();

    /** Its schema. */
    static final StructType SCHEMA = Tables.schema(Table.SUMMARY);

    private static final Comparator<RunSettings> GROUP_ORDER = Comparator.comparing(RunSettings::prior)
            .thenComparingInt(RunSettings::nlive).thenComparingInt(RunSettings::nprior)
            .thenComparingInt(RunSettings::numRepeats).thenComparing(RunSettings::sampler)
            .thenComparingInt(RunSettings::hidden);

    private SummaryTable() {
    }

    /** One row per group of runs, sorted by the group's keys; {@code outcomes} holds every run's headline. */
    static List<Row> rows(List<RunSpec> runs, Map<String, RunHeadline> outcomes) {
        Map<RunSettings, List<RunSpec>> groups = new TreeMap<>(GROUP_ORDER);
        for (RunSpec r : runs) {
            groups.computeIfAbsent(r.settings(), k -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        groups.forEach((key, specs) -> rows.add(row(key, specs,
                specs.stream().map(r -> outcomes.get(r.runId())).toList())));
        return rows;
    }

    /**
     * The spread of log Z over sampler seeds within a training set: the root mean square, over the training sets
     * (and prior half-widths) with two or more finished runs, of the sample sd of their runs' log Z; null when no
     * training set has two. Unlike the sd over all runs, it leaves out how log Z varies from one training set to the
     * next, so it compares with the reported error.
     */
    static Double seedSpread(List<RunSpec> specs, List<RunHeadline> group) {
        Map<List<Object>, List<Double>> byTrain = new LinkedHashMap<>();
        for (int i = 0; i < specs.size(); i++) {
            if (group.get(i).ok()) {
                byTrain.computeIfAbsent(List.of(specs.get(i).train().name(), specs.get(i).settings().priorHalfWidth()),
                        k -> new ArrayList<>()).add(group.get(i).logZ());
            }
        }
        double sumVariance = 0;
        int sets = 0;
        for (List<Double> logZ : byTrain.values()) {
            Double sd = sd(logZ.stream().mapToDouble(Double::doubleValue).toArray());
            if (sd != null) {
                sumVariance += sd * sd;
                sets++;
            }
        }
        return sets == 0 ? null : Math.sqrt(sumVariance / sets);
    }

    private static Row row(RunSettings key, List<RunSpec> specs, List<RunHeadline> group) {
        List<RunHeadline> ok = group.stream().filter(RunHeadline::ok).toList();
        double[] logZ = ok.stream().mapToDouble(RunHeadline::logZ).toArray();
        int[] modes = ok.stream().mapToInt(RunHeadline::prominentModes).sorted().toArray();
        int[] functions = ok.stream().mapToInt(RunHeadline::distinctFunctions).sorted().toArray();
        List<Boolean> compared = ok.stream().map(RunHeadline::fullBeatsTopMode).filter(b -> b != null).toList();
        int beats = (int) compared.stream().filter(b -> b).count();
        return RowFactory.create(key.prior(), key.nlive(), key.nprior(), key.numRepeats(), key.sampler(), key.hidden(),
                group.size(), ok.size(), group.size() - ok.size(),
                mean(logZ), seedSpread(specs, group), mean(ok.stream().mapToDouble(RunHeadline::logZErr).toArray()),
                mean(Arrays.stream(modes).asDoubleStream().toArray()),
                modes.length == 0 ? null : modes[0], median(modes), modes.length == 0 ? null : modes[modes.length - 1],
                CollectionConverters.asScala(counts(modes)),
                mean(Arrays.stream(functions).asDoubleStream().toArray()),
                CollectionConverters.asScala(counts(functions)), compared.size(), beats,
                compared.isEmpty() ? null : (double) beats / compared.size());
    }

    /** How many times each value occurs. */
    private static Map<Integer, Integer> counts(int[] values) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    private static Double mean(double[] v) {
        if (v.length == 0) {
            return null;
        }
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        return sum / v.length;
    }

    /** Sample standard deviation (n - 1), null for fewer than two values. */
    private static Double sd(double[] v) {
        if (v.length < 2) {
            return null;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    private static Double median(int[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
