package org.splitbnn.pipeline;

import java.util.Collection;
import java.util.List;

/**
 * A validated sweep: its name, the runs of its grid (train x priors x sampler seeds x hidden, in that nesting order)
 * and the configuration text it came from.
 *
 * @param name       sweep name
 * @param runs       the runs, each with its id
 * @param configText the YAML, kept beside the tables for provenance
 */
public record Sweep(String name, List<RunSpec> runs, String configText) {

    /** Copies the runs. */
    public Sweep {
        runs = List.copyOf(runs);
    }

    /** The same sweep restricted to the runs whose ids are in {@code ids}. */
    public Sweep only(Collection<String> ids) {
        return new Sweep(name, runs.stream().filter(r -> ids.contains(r.runId())).toList(), configText);
    }
}
