package org.splitbnn.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.splitbnn.analysis.claims.ClaimSettings;

/**
 * A validated sweep: its name, the runs of its grid (per block: train x priors x prior half-widths x hidden x nlive x
 * num_repeats x sampler x sampler seeds, in that nesting order; blocks in order, a run two blocks share once),
 * the configuration text it came from and the runs its configuration marks for figures.
 *
 * @param name       sweep name
 * @param runs       the runs, each with its id
 * @param configText the YAML, kept beside the tables for provenance
 * @param figureRuns ids of the runs the report draws Figures 1b, 2 and 3 for (the {@code figures} key)
 * @param claims     how the claims table's intervals are drawn
 */
public record Sweep(String name, List<RunSpec> runs, String configText, Set<String> figureRuns,
                    ClaimSettings claims) {

    /** Copies the runs and the marked ids. */
    public Sweep {
        runs = List.copyOf(runs);
        figureRuns = Set.copyOf(figureRuns);
    }

    /** The same sweep restricted to the runs whose ids are in {@code ids}. */
    public Sweep only(Collection<String> ids) {
        return new Sweep(name, runs.stream().filter(r -> ids.contains(r.runId())).toList(), configText, figureRuns,
                claims);
    }

    /**
     * What the sweep is about to do, printed before Spark starts: the grid's size by factor and an estimate of its
     * time on {@code cores} cores ({@link RunCost}).
     */
    public String plan(int cores) {
        return RunCost.line(this, cores);
    }

    /** The runs marked for figures, in grid order. */
    public List<RunSpec> marked() {
        return runs.stream().filter(r -> figureRuns.contains(r.runId())).toList();
    }
}
