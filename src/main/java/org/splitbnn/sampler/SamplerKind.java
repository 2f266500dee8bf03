package org.splitbnn.sampler;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a dead point is replaced (the {@code sampler} setting).
 *
 * <p>{@link #SLICE}, the default and the paper's method, runs a chain of slice-sampling steps from a live point;
 * {@link #REGION} draws from an enlarged ellipsoid around each cluster's live points and falls back to slice steps
 * where that region accepts too rarely (see {@link RegionSampler}).
 */
public enum SamplerKind {
    SLICE, REGION;

    /** The name used in configuration files, on the command line and in tables: {@code slice} or {@code region}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of a key, case-insensitive; an unknown key is refused with the list of known ones. */
    public static SamplerKind of(String key) {
        for (SamplerKind k : values()) {
            if (k.key().equalsIgnoreCase(key.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("sampler must be one of "
                + Arrays.stream(values()).map(SamplerKind::key).toList() + ", got '" + key + "'");
    }
}
