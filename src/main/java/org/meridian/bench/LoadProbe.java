package org.meridian.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.check.Problems;
import org.meridian.graph.GraphBuilder;
import org.meridian.graph.Project;
import org.meridian.source.CsvTable;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;

/**
 * The load side of the benchmark, run in its own JVM by bench/run.sh: a timed Meridian load with
 * its phases, the parse-only and parse-and-map passes that split the mapping phase, and the
 * N-Quads dump of a build that the peers load. Each prints {@code key=value} lines.
 */
final class LoadProbe {
    private LoadProbe() {}

    /** Builds and publishes the project into {@code db}, as {@code meridian load --force} does. */
    static int load(Path projectDir, Path db, PrintStream out) {
        Project project = new Project(projectDir, Project.DEFAULT_BASE);
        PhaseTimer timer = new PhaseTimer();
        long start = System.nanoTime();
        Loader.Result result = new Loader(project, new DatabaseStore(db)).load(true, timer);
        double wall = (System.nanoTime() - start) / 1e9;
        if (!result.ok()) {
            result.problems().print(System.err);
            return 1;
        }
        out.printf("quads=%d%nwall_s=%.2f%n", result.build().get().quads(), wall);
        for (Map.Entry<String, PhaseTimer.Span> phase : timer.phases().entrySet())
            out.printf("phase_%s_s=%.2f%nphase_%s_cpu_s=%.2f%n", phase.getKey(), phase.getValue().seconds(),
                    phase.getKey(), phase.getValue().cpuSeconds());
        for (Map.Entry<String, PhaseTimer.Span> task : timer.tasks().entrySet())
            out.printf("task_%s_s=%.2f%ntask_%s_cpu_s=%.2f%n", task.getKey(), task.getValue().seconds(),
                    task.getKey(), task.getValue().cpuSeconds());
        out.printf("heap_peak_mb=%d%n", peakHeapMb());
        return 0;
    }

    /** Times reading every table without mapping, then reading and mapping into nothing. */
    static int breakdown(Path projectDir, PrintStream out) {
        Project project = new Project(projectDir, Project.DEFAULT_BASE);
        long start = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        for (Project.Table table : project.tables(new Problems()))
            new CsvTable(table.csv(), table.name()).read(new Problems(), header -> row -> rows.incrementAndGet());
        double parse = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        AtomicLong quads = new AtomicLong();
        GraphBuilder builder = new GraphBuilder(project);
        builder.build(quad -> quads.incrementAndGet());
        double map = (System.nanoTime() - start) / 1e9;
        out.printf("rows=%d%nparse_s=%.2f%nparse_map_s=%.2f%nmapped_quads=%d%n", rows.get(), parse, map, quads.get());
        return builder.problems().isEmpty() ? 0 : 1;
    }

    /** Writes the current build of {@code db} as N-Quads: the very graph the peers load. */
    static int dump(Path db, Path file, PrintStream out) throws Exception {
        DatabaseStore.Build build = new DatabaseStore(db).current().orElseThrow(() -> new IllegalStateException("no build in " + db));
        DatasetGraph dataset = DatabaseStore.open(build);
        try (OutputStream stream = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            Txn.executeRead(dataset, () -> RDFDataMgr.write(stream, dataset, Lang.NQUADS));
        } finally {
            TDBInternal.expel(dataset, true);
        }
        out.printf("dumped=%s%n", file);
        return 0;
    }

    /** The most the heap's pools held at once since start: what the load needed, garbage included. */
    private static long peakHeapMb() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
            if (pool.getType() == MemoryType.HEAP)
                bytes += pool.getPeakUsage().getUsed();
        return bytes >> 20;
    }
}
