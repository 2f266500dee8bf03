package org.splitbnn.pipeline;

import java.io.Serializable;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Which of the large per-sample tables a sweep writes (the {@code outputs} key; both default to false).
 *
 * @param posterior   the {@code posterior} table: equally weighted samples with their mode
 * @param predictions the {@code predictions} table: prediction grids
 */
public record TableSelection(@JsonProperty("posterior") boolean posterior,
                             @JsonProperty("predictions") boolean predictions) implements Serializable {
}
