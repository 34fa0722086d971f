package org.meridian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.meridian.graph.BuildListener;
import org.meridian.graph.Project;

/**
 * Shows a long build's progress on a terminal, rewriting one line each second: the phase, rows and
 * triples done, the rate, and the time left (from the tables' line count). Used only when standard
 * error is a terminal, so logs and pipes stay quiet.
 */
final class LoadProgress implements BuildListener {
    private final PrintStream err;
    private final Path data;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong quads = new AtomicLong();
    private volatile long totalRows;
    private volatile long start;
    private volatile String phase;
    private volatile long phaseStart;
    private Thread ticker;

    /** Shows nothing and reads nothing until a build begins: a reused build stays silent. */
    LoadProgress(Project project, PrintStream err) {
        this.err = err;
        this.data = project.data();
    }

    /** A listener for a terminal, or none when standard error is not one. */
    static BuildListener forTerminal(Project project, PrintStream err) {
        return System.console() == null ? BuildListener.NONE : new LoadProgress(project, err);
    }

    @Override
    public void phase(String name) {
        synchronized (err) {
            if (ticker == null) {
                totalRows = countLines(data);
                start = System.nanoTime();
                ticker = new Thread(this::tick, "meridian-progress");
                ticker.setDaemon(true);
                ticker.start();
            } else {
                print();
                err.println();
            }
            phase = name;
            phaseStart = System.nanoTime();
        }
    }

    @Override
    public void row() {
        rows.incrementAndGet();
    }

    @Override
    public void quad() {
        quads.incrementAndGet();
    }

    @Override
    public void done() {
        synchronized (err) {
            if (ticker == null)
                return;
            ticker.interrupt();
            print();
            err.println();
        }
    }

    private void tick() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                synchronized (err) {
                    print();
                }
            }
        } catch (InterruptedException e) {
            // done
        }
    }

    private void print() {
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = rows.get();
        long triples = quads.get();
        StringBuilder line = new StringBuilder(String.format("\r%-7s %,d rows, %,d triples, %,.0f triples/s, %s",
                phase, done, triples, triples / Math.max(seconds, 0.001), clock(seconds)));
        if (phase.equals("map") && done > 0 && totalRows > done)
            line.append(", about ").append(clock(seconds * (totalRows - done) / done)).append(" left to map");
        else if (!phase.equals("map"))
            line.append(" (").append(clock((System.nanoTime() - phaseStart) / 1e9)).append(" in ").append(phase).append(')');
        err.print(line.append("   "));
        err.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format("%02d", s % 60) + "s" : s + "s";
    }

    /** Lines in the tables: a cheap estimate of the rows to come. */
    private static long countLines(Path data) {
        long lines = 0;
        try (Stream<Path> files = Files.list(data)) {
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv")).toList())
                try (InputStream in = Files.newInputStream(csv)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer))
                        for (int i = 0; i < n; i++)
                            if (buffer[i] == '\n')
                                lines++;
                }
        } catch (IOException e) {
            return 0;
        }
        return lines;
    }
}
