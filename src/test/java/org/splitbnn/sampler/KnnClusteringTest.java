package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnnClusteringTest {

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        java.util.Arrays.setAll(rows, i -> i);
        return rows;
    }

    /** Three well separated blobs of different sizes are found, each point with its own blob. */
    @ParameterizedTest
    @ValueSource(ints = {2, 9})
    void separatedBlobsAreFound(int dim) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(11L);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] centres = {{0.2}, {0.5}, {0.8}};
        int[] sizes = {300, 150, 50};
        int n = 500;
        double[] pts = new double[n * dim];
        int[] truth = new int[n];
        int p = 0;
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < sizes[b]; i++, p++) {
                truth[p] = b;
                for (int j = 0; j < dim; j++) {
                    pts[p * dim + j] = centres[b][0] + 0.02 * g.sample();
                }
            }
        }
        int[] labels = KnnClustering.cluster(pts, allRows(n), dim);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            pairs.add(truth[i] + ":" + labels[i]);
        }
        assertEquals(3, pairs.size(), "each blob maps to exactly one label and back");
        assertEquals(3, java.util.Arrays.stream(labels).distinct().count());
    }

    /**
     * Points uniform in one box form a single cluster, but for rare chance splits: over 40 blobs of 500 points in
     * each of 2-D and 9-D, at most 3 of the 80 are split (about 1 in 80 was measured).
     */
    @Test
    void uniformBlobsAreRarelySplit() {
        int split = 0;
        for (int dim : new int[] {2, 9}) {
            for (long seed = 0; seed < 40; seed++) {
                UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
                int n = 500;
                double[] pts = new double[n * dim];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = rng.nextDouble();
                }
                int[] labels = KnnClustering.cluster(pts, allRows(n), dim);
                if (java.util.Arrays.stream(labels).distinct().count() > 1) {
                    split++;
                }
            }
        }
        assertTrue(split <= 3, split + " of 80 uniform blobs were split");
    }

    /** Quickselect leaves exactly the k smallest values in front. */
    @Test
    void selectSmallestFindsTheKSmallest() {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(1L);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rng.nextInt(300);
            int k = 1 + rng.nextInt(n);
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = ((long) rng.nextInt(1 << 20) << 24) | i;
            }
            long[] sorted = a.clone();
            java.util.Arrays.sort(sorted);
            KnnClustering.selectSmallest(a, k);
            long[] front = java.util.Arrays.copyOf(a, k);
            java.util.Arrays.sort(front);
            org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOf(sorted, k), front);
        }
    }
}
