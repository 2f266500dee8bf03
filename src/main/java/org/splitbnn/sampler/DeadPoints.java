package org.splitbnn.sampler;

import java.util.Arrays;

/** Growable storage of a run's dead points: parameters, logL, birth contour, cluster, its cluster's live points and volume shares. */
final class DeadPoints {

    private final int dim;
    private double[] theta;
    private double[] logL;
    private double[] birth;
    private int[] cluster;
    private int[] nLocal;
    private double[] logShare;
    private double[] logLocalShare;
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
