package org.splitbnn.pipeline;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.splitbnn.analysis.baselines.Baselines;

/**
 * The optimisation baselines of every run (the {@code baselines} key).
 *
 * @param starts optimiser starts per run (default {@value Baselines#DEFAULT_STARTS}; 0 turns the baselines off)
 */
public record BaselineSelection(@JsonProperty("starts") Integer starts) implements Serializable {

    /** The number of starts, the default when absent. */
    public int startsOrDefault() {
        return starts == null ? Baselines.DEFAULT_STARTS : starts;
    }
}
