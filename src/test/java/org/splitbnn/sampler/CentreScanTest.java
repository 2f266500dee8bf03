package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class CentreScanTest {

    @Test
    void findsACentreWithinADistanceIncludingTheBoundary() {
        double[] centres = {0, 0, 3, 0, 0, 5};
        for (CentreScan scan : new CentreScan[] {new ScalarCentreScan(centres, 3, 2), CentreScan.of(centres, 3, 2)}) {
            double[] v = {2, 5};
            assertFalse(scan.anyWithin(v, 3.99, 3));
            assertTrue(scan.anyWithin(v, 4.0, 3), "(0, 5) is exactly 2 away");
            assertFalse(scan.anyWithin(v, 4.0, 2), "but is not among the first two");
            assertTrue(scan.anyWithin(v, 26.0, 2), "(3, 0) is exactly sqrt(26) away");
            assertFalse(scan.anyWithin(v, 26.0, 1));
            assertTrue(scan.anyWithin(v, 29.0, 1));
            assertFalse(scan.anyWithin(v, 1e9, 0), "no centre below index 0");
            assertEquals(3.0, scan.coordinate(1, 0));
            assertEquals(4.0, scan.nearest2(v));
            double[] d2 = new double[scan.stride];
            scan.distances2(v, d2);
            assertArrayEquals(new double[] {29, 26, 4}, Arrays.copyOf(d2, 3));
        }
    }

    @Test
    void usesTheVectorKernelWhenTheModuleIsPresent() {
        assertTrue(VectorModule.present(), "tests add it");
        assertEquals(VectorCentreScan.lanes() >= 2 ? VectorCentreScan.class : ScalarCentreScan.class,
                CentreScan.of(new double[9], 1, 9).getClass());
    }

    /** The fastest kernel gives the scalar reference's answers, at radii that fall exactly on centres. */
    @Test
    void vectorKernelGivesTheScalarAnswers() {
        assertEquals(answers(true), answers(false));
    }

    /**
     * The nearest squared distance, every squared distance, and whether a centre lies within a distance among the
     * first k for every k, for 100 random points against random centres (counts not a multiple of any vector width),
     * at radii equal to the squared distance of a centre (scalar order) and just below it.
     */
    static String answers(boolean fastest) {
        UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(29L);
        StringBuilder out = new StringBuilder();
        for (int n : new int[] {1, 7, 37, 100}) {
            int dim = 9;
            double[] centres = new double[n * dim];
            for (int i = 0; i < centres.length; i++) {
                centres[i] = 4 * rng.nextDouble() - 2;
            }
            CentreScan scan = fastest ? CentreScan.of(centres, n, dim) : new ScalarCentreScan(centres, n, dim);
            double[] v = new double[dim];
            for (int p = 0; p < 100; p++) {
                for (int i = 0; i < dim; i++) {
                    v[i] = 6 * rng.nextDouble() - 3;
                }
                int k = rng.nextInt(n);
                double r2 = 0;
                for (int i = 0; i < dim; i++) {
                    double d = centres[k * dim + i] - v[i];
                    r2 += d * d;
                }
                out.append(Long.toHexString(Double.doubleToRawLongBits(scan.nearest2(v)))).append(' ');
                double[] d2 = new double[scan.stride];
                scan.distances2(v, d2);
                for (int c = 0; c < n; c++) {
                    out.append(Long.toHexString(Double.doubleToRawLongBits(d2[c]))).append(' ');
                }
                for (double radius2 : new double[] {r2, Math.nextDown(r2)}) {
                    for (int limit = 0; limit <= n; limit++) {
                        out.append(scan.anyWithin(v, radius2, limit) ? '+' : '-');
                    }
                    out.append(' ');
                }
            }
        }
        return out.toString();
    }
}
