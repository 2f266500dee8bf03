package org.splitbnn.pipeline;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named points of the sweep's output protocol where a fault-injection test may kill the JVM: with the system property
 * {@code splitbnn.fault.halt=NAME:N}, the N-th time point NAME is reached the JVM halts at once (as {@code kill -9}
 * would end it: no finally blocks, no shutdown hooks). Without the property a point does nothing.
 *
 * <p>Points: {@code commit} (a file of a commit written, the commit not yet renamed into place) and {@code swap}
 * (a table moved aside, its new version not yet moved in).
 */
final class FaultPoint {

    static final String PROPERTY = "splitbnn.fault.halt";

    /** Exit status of a halted JVM, as after SIGKILL. */
    static final int HALT_STATUS = 137;

    private static final ConcurrentHashMap<String, AtomicInteger> HITS = new ConcurrentHashMap<>();

    private FaultPoint() {
    }

    /** Marks point {@code name} reached; halts the JVM when the property names this hit. */
    static void reach(String name) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || !spec.startsWith(name + ":")) {
            return;
        }
        int hit = HITS.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        if (hit == Integer.parseInt(spec.substring(name.length() + 1))) {
            System.err.println("splitbnn: fault injection: halting at " + name + " " + hit);
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
