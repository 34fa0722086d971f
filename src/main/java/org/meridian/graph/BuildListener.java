package org.meridian.graph;

/**
 * Hears how a build goes: which phase it is in and each table row and quad it produces. Progress
 * on a terminal and the benchmark's breakdown of where the time goes listen here; by default
 * nobody does. Calls come from the thread doing the work, so implementations must be thread-safe.
 */
public interface BuildListener {
    BuildListener NONE = new BuildListener() {};

    /** A phase begins: {@code map} (read, map and store the tables), {@code index} (pack the other indexes), {@code checks}. */
    default void phase(String name) {}

    /**
     * A task of the current phase has ended: its name, its time from start to end, and the CPU its
     * own thread spent (not the garbage collector's, which no thread is charged for).
     */
    default void task(String name, double seconds, double cpuSeconds) {}

    /** A table row has been mapped. */
    default void row() {}

    /** A quad has been stored. */
    default void quad() {}

    /** The build has finished, well or not. */
    default void done() {}
}
