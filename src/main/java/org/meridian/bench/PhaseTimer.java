package org.meridian.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;

import org.meridian.graph.BuildListener;

import com.sun.management.OperatingSystemMXBean;

/**
 * Records how long each phase of a build took and the CPU the whole process spent in it (garbage
 * collection included), in the order the phases ran, and each task a phase ran, with its thread's CPU.
 */
final class PhaseTimer implements BuildListener {
    /** Time from start to end, and CPU spent, in seconds. */
    record Span(double seconds, double cpuSeconds) {}

    private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final Map<String, Span> phases = new LinkedHashMap<>();
    private final Map<String, Span> tasks = new LinkedHashMap<>();
    private String phase;
    private long phaseStart;
    private long phaseCpu;

    @Override
    public synchronized void phase(String name) {
        close();
        phase = name;
        phaseStart = System.nanoTime();
        phaseCpu = os.getProcessCpuTime();
    }

    @Override
    public synchronized void task(String name, double seconds, double cpuSeconds) {
        tasks.put(name, new Span(seconds, cpuSeconds));
    }

    @Override
    public synchronized void done() {
        close();
    }

    private void close() {
        if (phase != null)
            phases.merge(phase, new Span((System.nanoTime() - phaseStart) / 1e9, (os.getProcessCpuTime() - phaseCpu) / 1e9),
                    (a, b) -> new Span(a.seconds() + b.seconds(), a.cpuSeconds() + b.cpuSeconds()));
        phase = null;
    }

    synchronized Map<String, Span> phases() {
        return new LinkedHashMap<>(phases);
    }

    synchronized Map<String, Span> tasks() {
        return new LinkedHashMap<>(tasks);
    }
}
