package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The fastest centre scan's answers at every vector width (2, 4, 8 lanes), each narrower one in a child JVM. */
@Tag("slow")
class CentreScanWidthTest {

    /** JVMs limited to 2- and 4-lane vectors ({@code -XX:MaxVectorSize}) give this one's answers. */
    @Test
    void everyVectorWidthGivesTheSameAnswers() throws IOException, InterruptedException {
        String here = AnswersOfThisJvm.answers().strip();
        for (int maxVectorBytes : NarrowVectorJvm.MAX_VECTOR_BYTES) {
            assertEquals(here, NarrowVectorJvm.output(AnswersOfThisJvm.class, maxVectorBytes),
                    "MaxVectorSize=" + maxVectorBytes);
        }
    }

    /** Prints the fastest kernel's answers on fixed inputs. */
    static final class AnswersOfThisJvm {

        public static void main(String[] args) {
            System.out.println(answers());
        }

        static String answers() {
            return CentreScanTest.answers(true);
        }
    }
}
