package org.splitbnn.sampler;

/**
 * The Vector API module ({@code jdk.incubator.vector}), which the launchers, tests and Spark executors add to the JVM;
 * kernels that use it fall back to scalar code of the same bits when it is absent.
 */
public final class VectorModule {

    /** The module's name, as given to {@code --add-modules}. */
    public static final String NAME = "jdk.incubator.vector";

    private VectorModule() {
    }

    /** Whether the JVM was started with the module. */
    public static boolean present() {
        return ModuleLayer.boot().findModule(NAME).isPresent();
    }
}
