package org.meridian.bench;

import java.nio.file.Path;

/** Writes report.md and chart.svg from the CSV files of a benchmark run. */
final class Report {
    private Report() {}

    static int write(Path dir) {
        throw new UnsupportedOperationException("report: not written yet");
    }
}
