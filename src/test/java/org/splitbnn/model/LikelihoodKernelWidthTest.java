package org.splitbnn.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.splitbnn.data.Dataset;
import org.splitbnn.sampler.NarrowVectorJvm;

/** The likelihood's bits at every vector width (2, 4, 8 lanes), each narrower one in a child JVM. */
@Tag("slow")
class LikelihoodKernelWidthTest {

    /**
     * JVMs limited to 2- and 4-lane vectors ({@code -XX:MaxVectorSize}) give the bits of this one: each prints the
     * log-likelihood bits of the same parameters ({@link BitsOfThisJvm}).
     */
    @Test
    void everyVectorWidthGivesTheSameBits() throws IOException, InterruptedException {
        String here = BitsOfThisJvm.bits();
        for (int maxVectorBytes : NarrowVectorJvm.MAX_VECTOR_BYTES) {
            String output = NarrowVectorJvm.output(BitsOfThisJvm.class, maxVectorBytes);
            String lanes = "lanes " + maxVectorBytes / Double.BYTES + " ";
            assertTrue(output.startsWith(lanes), output);
            assertEquals(here.substring(here.indexOf(' ', "lanes ".length()) + 1),
                    output.substring(lanes.length()), "MaxVectorSize=" + maxVectorBytes);
        }
    }

    /**
     * Prints "lanes L" and the log-likelihood bits of fixed parameters: 2-N-1 networks (N = 1..3) on the development
     * set, then 1-3-1 and 5-3-1 networks on parity problems.
     */
    static final class BitsOfThisJvm {

        public static void main(String[] args) {
            System.out.println(bits());
        }

        static String bits() {
            UniformRandomProvider rng = RandomSource.XO_SHI_RO_256_PP.create(13L);
            Dataset train = ModelFixtures.devTrain();
            StringBuilder out = new StringBuilder("lanes " + VectorLikelihoodKernel.lanes());
            for (int hidden = 1; hidden <= 3; hidden++) {
                NetworkShape shape = new NetworkShape(2, hidden);
                FastLogLikelihood likelihood = new FastLogLikelihood(train, shape);
                for (double[] theta : LikelihoodKernelTest.thetas(rng, shape.dimension())) {
                    long bits = Double.doubleToRawLongBits(likelihood.logLikelihood(theta));
                    out.append(' ').append(Long.toHexString(bits));
                }
            }
            for (int inputs : new int[] {1, 5}) {
                NetworkShape shape = new NetworkShape(inputs, 3);
                FastLogLikelihood likelihood = new FastLogLikelihood(ModelFixtures.parity(inputs, 203), shape);
                for (double[] theta : LikelihoodKernelTest.thetas(rng, shape.dimension())) {
                    long bits = Double.doubleToRawLongBits(likelihood.logLikelihood(theta));
                    out.append(' ').append(Long.toHexString(bits));
                }
            }
            return out.toString();
        }
    }
}
