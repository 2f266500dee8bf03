package org.splitbnn.analysis.claims;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * The factors of a study's grid a run was made under. A claim's row names the condition it was tested in; the
 * factor a claim compares across (the prior for C1 and C2, the training size for C7, the hidden units for C8) is
 * null there.
 *
 * @param prior          prior name
 * @param counts         points per XOR centre of the generated training set; null for a CSV training set
 * @param noiseVariance  noise variance of the generated training set; null for a CSV training set
 * @param hidden         hidden units
 * @param priorHalfWidth half-width of the prior box
 */
public record Condition(String prior, List<Integer> counts, Double noiseVariance, Integer hidden,
                        Double priorHalfWidth) implements Serializable {

    /** The order of the claims table: prior, counts, noise, hidden, half-width, a missing factor first. */
    public static final Comparator<Condition> ORDER = Comparator
            .comparing(Condition::prior, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(Condition::counts, Comparator.nullsFirst(Condition::compareCounts))
            .thenComparing(Condition::noiseVariance, Comparator.nullsFirst(Comparator.<Double>naturalOrder()))
            .thenComparing(Condition::hidden, Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparing(Condition::priorHalfWidth, Comparator.nullsFirst(Comparator.<Double>naturalOrder()));

    /** Copies the counts. */
    public Condition {
        counts = counts == null ? null : List.copyOf(counts);
    }

    /** The same condition with the prior left open. */
    public Condition withoutPrior() {
        return new Condition(null, counts, noiseVariance, hidden, priorHalfWidth);
    }

    /** The same condition with the prior set to {@code name}. */
    public Condition withPrior(String name) {
        return new Condition(name, counts, noiseVariance, hidden, priorHalfWidth);
    }

    /** The same condition with the training set's counts left open. */
    public Condition withoutCounts() {
        return new Condition(prior, null, noiseVariance, hidden, priorHalfWidth);
    }

    /** The same condition with the hidden units left open. */
    public Condition withoutHidden() {
        return new Condition(prior, counts, noiseVariance, null, priorHalfWidth);
    }

    /** Counts by total size, then element by element. */
    private static int compareCounts(List<Integer> a, List<Integer> b) {
        int bySize = Integer.compare(a.stream().mapToInt(Integer::intValue).sum(),
                b.stream().mapToInt(Integer::intValue).sum());
        if (bySize != 0) {
            return bySize;
        }
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
