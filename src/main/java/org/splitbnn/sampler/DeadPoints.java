package org.splitbnn.sampler;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Growable storage of a run's dead points, in the order they died (so of ascending logL): parameters, logL, birth
 * contour, cluster, its cluster's live points, volume shares, and how each was replaced.
 */
final class DeadPoints {

    private final int dim;
    private double[] theta;
    private double[] logL;
    private double[] birth;
    private int[] cluster;
    private int[] nLocal;
    private double[] logShare;
    private double[] logLocalShare;
    private final BitSet replacedByVolume = new BitSet();
    private int size;

    DeadPoints(int dim, int initialCapacity) {
        this.dim = dim;
        theta = new double[initialCapacity * dim];
        logL = new double[initialCapacity];
        birth = new double[initialCapacity];
        cluster = new int[initialCapacity];
        nLocal = new int[initialCapacity];
        logShare = new double[initialCapacity];
        logLocalShare = new double[initialCapacity];
    }

    void add(double[] source, int offset, double l, double b, int c, int live, double share, double localShare) {
        if (size == logL.length) {
            int capacity = 2 * size;
            theta = Arrays.copyOf(theta, capacity * dim);
            logL = Arrays.copyOf(logL, capacity);
            birth = Arrays.copyOf(birth, capacity);
            cluster = Arrays.copyOf(cluster, capacity);
            nLocal = Arrays.copyOf(nLocal, capacity);
            logShare = Arrays.copyOf(logShare, capacity);
            logLocalShare = Arrays.copyOf(logLocalShare, capacity);
        }
        System.arraycopy(source, offset, theta, size * dim, dim);
        logL[size] = l;
        birth[size] = b;
        cluster[size] = c;
        nLocal[size] = live;
        logShare[size] = share;
        logLocalShare[size] = localShare;
        size++;
    }

    /** Records that the last dead point's replacement was drawn in proportion to volume, not seeded by a live point. */
    void markLastReplacedByVolume() {
        replacedByVolume.set(size - 1);
    }

    /** Whether dead point i's replacement was drawn in proportion to volume (false when it was not replaced). */
    boolean replacedByVolume(int i) {
        return replacedByVolume.get(i);
    }

    /** The first dead point (of the first {@code end}) whose log-likelihood exceeds a value; end when none does. */
    int firstAbove(double value, int end) {
        int lo = 0;
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (logL[mid] > value) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    int size() {
        return size;
    }

    double[] theta() {
        return theta;
    }

    double[] logL() {
        return logL;
    }

    double[] birth() {
        return birth;
    }

    int[] cluster() {
        return cluster;
    }

    /** Live points of each point's cluster when it died, the dying one included. */
    int[] nLocal() {
        return nLocal;
    }

    /** log of each point's expected share of the global prior volume. */
    double[] logShare() {
        return logShare;
    }

    /** log of each point's expected share of its cluster's prior volume. */
    double[] logLocalShare() {
        return logLocalShare;
    }
}
