package org.splitbnn.analysis;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.splitbnn.analysis.baselines.Baselines;
import org.splitbnn.data.Dataset;
import org.splitbnn.model.NetworkShape;
import org.splitbnn.model.Prior;
import org.splitbnn.sampler.SamplerKind;
import org.splitbnn.sampler.SamplerResult;
import org.splitbnn.sampler.SamplerSettings;

/**
 * Every setting of one run, each with its one definition in {@link #SETTINGS}: its key, default, check and
 * description. The {@code run} command's options ({@code --key-with-dashes}), the sweep configuration's keys, the
 * run id, {@code summary.json}'s {@code settings} and the spec columns of every per-run table derive from it. The
 * checks are those of the layers that use each value (the prior, the network shape, the sampler, the mode analysis),
 * run when a record is made, so an impossible or overflowing setting is refused before anything starts.
 *
 * @param prior            prior name
 * @param priorHalfWidth   half-width a of the uniform(-a, a) box
 * @param hidden           hidden units
 * @param nlive            live points
 * @param nprior           prior draws at the start
 * @param numRepeats       slice-sampling steps per new point
 * @param sampler          how dead points are replaced: slice (the paper's) or region
 * @param samplerSeed      the seed every random choice of the run flows from
 * @param prominence       a mode is prominent when its local evidence exceeds this fraction of the largest
 * @param posteriorSamples equally weighted samples per solution
 * @param gridStep         spacing of the prediction grid
 * @param baselineStarts   optimiser starts of the baselines (map, ensemble, laplace); 0 for none
 * @param inputs           the network's inputs D: not a setting but the training set's number of input columns,
 *                         which the network's dimension, and so the defaults that are multiples of it, depend on
 */
public record RunSettings(String prior, double priorHalfWidth, int hidden, int nlive, int nprior, int numRepeats,
                          String sampler, long samplerSeed, double prominence, int posteriorSamples, double gridStep,
                          int baselineStarts, int inputs) implements Serializable {

    /**
     * One setting.
     *
     * @param key          its name: the configuration key, the column, the summary key; the option is
     *                     {@link #option()}
     * @param gridKey      the configuration key of a list of values, each one run family, or null for a single value
     *                     (a grid key equal to the key also takes a single value, a list of one)
     * @param type         the type of its value (String, Integer, Long or Double)
     * @param defaultValue its default: a value of {@code type}, a {@link Multiple} of another quantity, or null when
     *                     it is required
     * @param description  what it is, one line
     * @param alias        a second name of its command-line option, or null
     * @param value        its value in a record
     */
    public record Setting(String key, String gridKey, Class<?> type, Object defaultValue, String description,
                          String alias, Function<RunSettings, Object> value) {

        /** The command-line option, {@code --key-with-dashes}. */
        public String option() {
            return "--" + key.replace('_', '-');
        }

        /** Its default as the help and the docs give it ({@code 1e-3}, {@code 10 x nlive}), or null when required. */
        public String defaultText() {
            if (defaultValue instanceof Double d) {
                BigDecimal exact = BigDecimal.valueOf(d).stripTrailingZeros();
                String plain = exact.toPlainString();
                String scientific = exact.unscaledValue() + "e" + -exact.scale();
                return scientific.length() < plain.length() ? scientific : plain;
            }
            return defaultValue == null ? null : defaultValue.toString();
        }
    }

    /**
     * A default that is a multiple of another quantity.
     *
     * @param factor the multiple
     * @param of     the quantity: a setting's key or {@code dimension}, the network's parameter count
     */
    public record Multiple(int factor, String of) {

        @Override
        public String toString() {
            return factor + " x " + of;
        }
    }

    /** Every setting, in the order of the run id, the summary and the spec columns. */
    public static final List<Setting> SETTINGS = List.of(
            new Setting("prior", "priors", String.class, null,
                    "prior: " + String.join(", ", Prior.NAMES), null, RunSettings::prior),
            new Setting("prior_half_width", "prior_half_width", Double.class, Prior.DEFAULT_HALF_WIDTH,
                    "half-width a of the uniform(-a, a) box of every parameter", null, RunSettings::priorHalfWidth),
            new Setting("hidden", "hidden", Integer.class, 2, "hidden units of the D-N-1 network (D: the data's inputs)", null,
                    RunSettings::hidden),
            new Setting("nlive", "nlive", Integer.class, 1000, "live points", null, RunSettings::nlive),
            new Setting("nprior", null, Integer.class, new Multiple(10, "nlive"), "prior draws at the start", null,
                    RunSettings::nprior),
            new Setting("num_repeats", "num_repeats", Integer.class, new Multiple(5, "dimension"),
                    "slice-sampling steps per new point", null, RunSettings::numRepeats),
            new Setting("sampler", "sampler", String.class, SamplerKind.SLICE.key(),
                    "how dead points are replaced: slice (the paper's method) or region", null,
                    RunSettings::sampler),
            new Setting("sampler_seed", "sampler_seeds", Long.class, 1L,
                    "the seed every random choice of the run flows from", "--seed", RunSettings::samplerSeed),
            new Setting("prominence", null, Double.class, SamplerResult.DEFAULT_PROMINENCE,
                    "a mode is prominent when its local evidence exceeds this fraction of the largest, in (0, 1]",
                    null, RunSettings::prominence),
            new Setting("posterior_samples", null, Integer.class, 1000,
                    "equally weighted samples per solution (generalisation, predictions, posterior table)", null,
                    RunSettings::posteriorSamples),
            new Setting("grid_step", null, Double.class, 0.1, "spacing of the prediction grid", null,
                    RunSettings::gridStep),
            new Setting("baseline_starts", null, Integer.class, Baselines.DEFAULT_STARTS,
                    "optimiser starts of the baselines map, ensemble and laplace; 0 for none", "--starts",
                    RunSettings::baselineStarts));

    /** A setting that cannot be used, with its key. */
    public static final class SettingException extends IllegalArgumentException {
        private final String key;
        private final String problem;

        SettingException(String key, String problem) {
            super(key + ": " + problem);
            this.key = key;
            this.problem = problem;
        }

        /** The setting's key. */
        public String key() {
            return key;
        }

        /** What is wrong, one line. */
        public String problem() {
            return problem;
        }
    }

    /** Checks every setting with the checks of the layers that use it. */
    public RunSettings {
        if (!Prior.NAMES.contains(prior)) {
            throw new SettingException("prior", "unknown prior '" + prior + "'; expected one of "
                    + String.join(", ", Prior.NAMES));
        }
        if (!(priorHalfWidth > 0) || !Double.isFinite(priorHalfWidth)) {
            throw new SettingException("prior_half_width", "must be positive and finite, got " + priorHalfWidth);
        }
        NetworkShape shape = shape(inputs, hidden);
        try {
            Prior.parse(prior, priorHalfWidth).checkApplicable(shape);
        } catch (IllegalArgumentException e) {
            throw new SettingException("prior", e.getMessage());
        }
        try {
            SamplerKind.of(sampler);
        } catch (IllegalArgumentException e) {
            throw new SettingException("sampler", e.getMessage());
        }
        sampler(nlive, nprior, numRepeats, sampler, samplerSeed, shape.dimension());
        try {
            ModeReport.checkProminence(prominence);
        } catch (IllegalArgumentException e) {
            throw new SettingException("prominence", e.getMessage());
        }
        if (posteriorSamples < 1) {
            throw new SettingException("posterior_samples", "must be at least 1, got " + posteriorSamples);
        }
        if (!(gridStep > 0) || !Double.isFinite(gridStep)) {
            throw new SettingException("grid_step", "must be positive and finite, got " + gridStep);
        }
        try {
            ExperimentSpec.checkBaselineStarts(baselineStarts);
        } catch (IllegalArgumentException e) {
            throw new SettingException("baseline_starts", e.getMessage());
        }
    }

    /**
     * The settings from the given values by key for a network of {@code inputs} inputs (the training set's input
     * columns); a key not given takes its default.
     *
     * @throws SettingException naming the first key that is missing, unknown, of the wrong type or impossible
     */
    public static RunSettings of(Map<String, ?> given, int inputs) {
        for (String key : given.keySet()) {
            if (SETTINGS.stream().noneMatch(s -> s.key().equals(key))) {
                throw new SettingException(key, "unknown setting");
            }
        }
        String prior = value(given, "prior", String.class);
        if (prior == null) {
            throw new SettingException("prior", "is required");
        }
        int hidden = value(given, "hidden", Integer.class);
        int nlive = value(given, "nlive", Integer.class);
        int dimension = shape(inputs, hidden).dimension();
        Integer nprior = value(given, "nprior", Integer.class);
        if (nprior == null) {
            nprior = multiple("nprior", nlive, "nlive");
        }
        Integer numRepeats = value(given, "num_repeats", Integer.class);
        if (numRepeats == null) {
            numRepeats = multiple("num_repeats", dimension, "hidden");
        }
        return new RunSettings(prior, value(given, "prior_half_width", Double.class), hidden, nlive, nprior,
                numRepeats, value(given, "sampler", String.class), value(given, "sampler_seed", Long.class),
                value(given, "prominence", Double.class), value(given, "posterior_samples", Integer.class),
                value(given, "grid_step", Double.class), value(given, "baseline_starts", Integer.class), inputs);
    }

    /** The setting with key {@code key}. */
    public static Setting setting(String key) {
        return SETTINGS.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no setting '" + key + "'"));
    }

    /** The value of the setting {@code key}. */
    public Object get(String key) {
        return setting(key).value().apply(this);
    }

    /** The network's shape. */
    public NetworkShape shape() {
        return new NetworkShape(inputs, hidden);
    }

    /**
     * The shape of a network of {@code inputs} inputs and {@code hidden} units, whose dimension (inputs + 2) hidden
     * + 1 must fit an int.
     */
    private static NetworkShape shape(int inputs, int hidden) {
        if (inputs < 1) {
            throw new IllegalArgumentException("a network needs at least 1 input, got " + inputs);
        }
        if (hidden < 1 || hidden > NetworkShape.maxHidden(inputs)) {
            throw new SettingException("hidden", "must lie in [1, " + NetworkShape.maxHidden(inputs) + "] for "
                    + inputs + " inputs, got " + hidden);
        }
        return new NetworkShape(inputs, hidden);
    }

    /** The nested-sampling settings of the run. */
    public SamplerSettings samplerSettings() {
        return sampler(nlive, nprior, numRepeats, sampler, samplerSeed, shape().dimension());
    }

    /** The experiment these settings run on the given datasets. */
    public ExperimentSpec experiment(Dataset train, List<Dataset> tests) {
        return new ExperimentSpec(train, tests, prior, priorHalfWidth, hidden, samplerSettings(), prominence,
                posteriorSamples, gridStep, baselineStarts);
    }

    /**
     * The canonical text of the settings for run ids: {@code key=value} for each setting in order, joined by
     * {@code |}; doubles as {@link Double#toString(double)}.
     */
    public String canonical() {
        StringBuilder sb = new StringBuilder();
        for (Setting s : SETTINGS) {
            Object v = s.value().apply(this);
            sb.append(sb.isEmpty() ? "" : "|").append(s.key()).append('=')
                    .append(v instanceof Double d ? Double.toString(d) : String.valueOf(v));
        }
        return sb.toString();
    }

    /** A lower bound on the heap one run needs (the sampler's first arrays). */
    public long minimumHeapBytes() {
        return samplerSettings().minimumHeapBytes(shape().dimension());
    }

    /**
     * A rough estimate of one run's seconds on {@code trainRows} training rows: about 69 x nlive x num_repeats
     * likelihood calls (the volume shrinks by e^69 or so before the run stops on the paper's problem), each costing
     * 0.3 microseconds of sampler work and 6.1 ns per training row and pair of hidden units (the dev machine's
     * figures; a factor of 2 either way is normal).
     */
    public double estimatedSeconds(int trainRows) {
        double calls = 69.0 * nlive * numRepeats;
        return calls * (0.3e-6 + 6.1e-9 * trainRows * hidden / 2.0);
    }

    /** Seconds as a short duration: 45 s, 12 min, 3.5 h, 2.1 days. */
    public static String duration(double seconds) {
        if (seconds < 120) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        } else if (seconds < 7200) {
            return String.format(Locale.ROOT, "%.0f min", seconds / 60);
        } else if (seconds < 172_800) {
            return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "%.1f days", seconds / 86_400);
    }

    private static SamplerSettings sampler(int nlive, int nprior, int numRepeats, String kind, long seed,
                                           int dimension) {
        try {
            SamplerSettings s = SamplerSettings.defaults(dimension, seed).withNlive(nlive).withNprior(nprior)
                    .withNumRepeats(numRepeats).withSampler(SamplerKind.of(kind));
            s.checkFor(dimension);
            return s;
        } catch (IllegalArgumentException e) {
            // the sampler's messages start with the setting at fault
            String first = e.getMessage().split(" ", 2)[0];
            String key = SETTINGS.stream().anyMatch(x -> x.key().equals(first)) ? first : "nlive";
            throw new SettingException(key, e.getMessage());
        }
    }

    /**
     * The default of {@code key}, a {@link Multiple} of {@code base}.
     *
     * @throws SettingException naming {@code baseKey}, the setting {@code base} comes from, when the product
     *                          overflows an int
     */
    private static int multiple(String key, int base, String baseKey) {
        Multiple m = (Multiple) setting(key).defaultValue();
        try {
            return Math.multiplyExact(m.factor(), base);
        } catch (ArithmeticException e) {
            throw new SettingException(baseKey, "the default " + key + " = " + m + " = " + (long) m.factor() * base
                    + " exceeds the largest int (" + Integer.MAX_VALUE + ")");
        }
    }

    /** The value of {@code key} given, else its default when that is a value, else null. */
    private static <T> T value(Map<String, ?> given, String key, Class<T> type) {
        Object v = given.get(key);
        if (v == null) {
            Object fallback = setting(key).defaultValue();
            return type.isInstance(fallback) ? type.cast(fallback) : null;
        }
        if (type == Double.class && v instanceof Number n && !(v instanceof Double)) {
            v = n.doubleValue();
        } else if (type == Long.class && v instanceof Integer i) {
            v = i.longValue();
        }
        if (!type.isInstance(v)) {
            throw new SettingException(key, "expected " + typeName(type) + ", got '" + v + "'");
        }
        return type.cast(v);
    }

    /** The type of a setting's value in words. */
    public static String typeName(Class<?> type) {
        return type == String.class ? "a name" : type == Double.class ? "a number" : "an integer";
    }
}
