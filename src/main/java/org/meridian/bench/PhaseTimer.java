package org.meridian.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.meridian.graph.BuildListener;

/** Records how long each phase of a build took, in seconds, in the order the phases ran. */
final class PhaseTimer implements BuildListener {
    private final Map<String, Double> seconds = new LinkedHashMap<>();
    private String phase;
    private long phaseStart;

    @Override
    public synchronized void phase(String name) {
        close();
        phase = name;
        phaseStart = System.nanoTime();
    }

    @Override
    public synchronized void done() {
        close();
    }

    private void close() {
        if (phase != null)
            seconds.merge(phase, (System.nanoTime() - phaseStart) / 1e9, Double::sum);
        phase = null;
    }

    synchronized Map<String, Double> seconds() {
        return new LinkedHashMap<>(seconds);
    }
}
