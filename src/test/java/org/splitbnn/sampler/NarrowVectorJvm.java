package org.splitbnn.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM with the Vector API module and vectors limited to a width ({@code -XX:MaxVectorSize}), for tests that
 * a kernel's answers do not depend on the width.
 */
public final class NarrowVectorJvm {

    /** The widths tested besides this JVM's, in bytes: vectors of 2 and of 4 doubles. */
    public static final int[] MAX_VECTOR_BYTES = {16, 32};

    private NarrowVectorJvm() {
    }

    /** What {@code main}'s main method prints (stripped) in such a JVM, which must exit with 0. */
    public static String output(Class<?> main, int maxVectorBytes) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules=" + VectorModule.NAME, "-XX:MaxVectorSize=" + maxVectorBytes,
                "-cp", System.getProperty("java.class.path"), main.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, child.waitFor(), output);
        return output;
    }
}
