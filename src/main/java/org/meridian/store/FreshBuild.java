package org.meridian.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.check.LintCheck;
import org.meridian.check.Problems;
import org.meridian.graph.BuildListener;
import org.meridian.graph.GraphBuilder;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;

/**
 * Builds a project into a new, empty TDB2 database, using both cores: one thread reads and maps the
 * tables while another gives the nodes their ids and sorts the rows ({@link StagedLoad}); then one
 * thread packs the primary indexes while the other fills the node caches, two threads pack the other
 * indexes, and two run the SHACL shapes and the lint checks in read transactions. The problems are
 * those {@link Pipeline#build} reports. The database is committed even when there are problems, so
 * the caller must only publish a build whose outcome is ok (the {@link Loader} deletes the others).
 */
public final class FreshBuild {
    private static final int BATCH = 2_000;
    private static final int CHECK_THREADS = 2;
    private static final int PACK_THREADS = 2;

    private FreshBuild() {}

    /**
     * TDB2's settings for a fresh build: node caches sized to the heap, about one decoded term per KB
     * and one node id per 2 KB. The checks read every node of the build, and with TDB2's defaults
     * (750,000 decoded terms, 200,000 ids) a large build in a large heap decodes the same terms again
     * and again; in a small heap those same defaults are too many (a 10M-triple build ran out of
     * 512 MB, its cache full of source texts). Bounded, so memory does not grow with the input.
     */
    static StoreParams storeParams() {
        long heap = Runtime.getRuntime().maxMemory();
        int decoded = (int) Math.max(10_000, Math.min(heap / 1000, 10_000_000));
        int ids = (int) Math.max(10_000, Math.min(heap / 2000, 5_000_000));
        return StoreParams.builder().nodeId2NodeCacheSize(decoded).node2NodeIdCacheSize(ids).build();
    }

    public static Pipeline.Outcome build(Project project, DatasetGraph dataset, BuildListener listener) {
        try {
            GraphBuilder builder = new GraphBuilder(project, listener);
            StagedLoad load = new StagedLoad(dataset);
            List<StagedLoad.Packing> primaries;
            listener.phase("map");
            load.begin();
            try {
                mapBesideLoading(builder, load::add, listener);
                listener.phase("index");
                primaries = load.commit();
            } catch (RuntimeException | Error e) {
                load.abort();
                throw e;
            }
            // The node caches fill from the node table alone, beside the packing of the primary indexes.
            List<Callable<Problems>> first = packings(primaries, listener);
            first.add(1, timed("node-caches", listener, () -> {
                load.fillNodeCaches();
                return new Problems();
            }));
            runAll(first, PACK_THREADS, "meridian-index");
            runAll(packings(load.secondaries(), listener), PACK_THREADS, "meridian-index");
            Problems problems = builder.problems();
            problems.addAll(Pipeline.withoutRepeats(problems, check(project, dataset, builder, listener)));
            long quads = problems.isEmpty() ? Txn.calculateRead(dataset, () -> size(dataset)) : 0;
            return new Pipeline.Outcome(problems, quads);
        } finally {
            listener.done();
        }
    }

    /** The mapping thread hands quads over in batches through a short queue, so memory stays bounded. */
    private static void mapBesideLoading(GraphBuilder builder, Consumer<Quad> loader, BuildListener listener) {
        BlockingQueue<List<Quad>> queue = new ArrayBlockingQueue<>(32);
        List<Quad> end = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        Thread mapper = new Thread(() -> {
            Batcher batcher = new Batcher(queue);
            try {
                builder.build(batcher);
                batcher.flush();
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                put(queue, end);
            }
        }, "meridian-map");
        mapper.setDaemon(true);
        mapper.start();
        try {
            for (List<Quad> batch = queue.take(); batch != end; batch = queue.take())
                for (Quad quad : batch) {
                    loader.accept(quad);
                    listener.quad();
                }
            mapper.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building", e);
        } finally {
            mapper.interrupt();
        }
        if (failure[0] instanceof RuntimeException e)
            throw e;
        if (failure[0] instanceof Error e)
            throw e;
        if (failure[0] != null)
            throw new IllegalStateException(failure[0]);
    }

    /** Collects quads into batches and hands each full one to the loading thread. */
    private static final class Batcher implements java.util.function.Consumer<Quad> {
        private final BlockingQueue<List<Quad>> queue;
        private List<Quad> batch = new ArrayList<>(BATCH);

        Batcher(BlockingQueue<List<Quad>> queue) {
            this.queue = queue;
        }

        @Override
        public void accept(Quad quad) {
            batch.add(quad);
            if (batch.size() == BATCH)
                flush();
        }

        void flush() {
            put(queue, batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    private static void put(BlockingQueue<List<Quad>> queue, List<Quad> batch) {
        try {
            queue.put(batch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the build was stopped", e);
        }
    }

    /** Tasks that pack the indexes, to run two at a time: one per core, each sorting in bounded memory. */
    private static List<Callable<Problems>> packings(List<StagedLoad.Packing> indexes, BuildListener listener) {
        List<Callable<Problems>> tasks = new ArrayList<>();
        for (StagedLoad.Packing index : indexes)
            tasks.add(timed("index-" + index.name(), listener, () -> {
                index.pack().run();
                return new Problems();
            }));
        return tasks;
    }

    /**
     * The shapes and each lint check, each in a read transaction, on two threads: the walk over the
     * shapes' instances, the longest task (about 38 CPU-s at 10M triples), on one, and on the other the
     * lint checks one after another (about 30 CPU-s together), then the shapes' {@code sh:sparql}
     * constraints (about 8), so that both threads end at about the same time. A third thread only took
     * CPU from the walk, and splitting the walk itself cost more than it gave.
     */
    private static Problems check(Project project, DatasetGraph dataset, GraphBuilder builder, BuildListener listener) {
        listener.phase("checks");
        LintCheck lint = Pipeline.lintCheck(project);
        List<Callable<Problems>> tasks = new ArrayList<>();
        tasks.add(timed("shapes", listener, () -> Txn.calculateRead(dataset,
                () -> Pipeline.shapeCheck(project, dataset, builder).checkNodes(dataset))));
        for (Path check : lint.files())
            tasks.add(timed(check.getFileName().toString().replaceFirst("\\.rq$", ""), listener,
                    () -> Txn.calculateRead(dataset, () -> lint.check(dataset, check))));
        tasks.add(timed("shape-queries", listener, () -> Txn.calculateRead(dataset,
                () -> Pipeline.shapeCheck(project, dataset, builder).checkQueries(dataset))));
        Problems problems = runAll(tasks, CHECK_THREADS, "meridian-check");
        problems.locate(builder.origins());
        return problems;
    }

    /** The task, telling the listener how long it took and the CPU its thread spent on it. */
    private static Callable<Problems> timed(String name, BuildListener listener, Callable<Problems> task) {
        return () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Problems problems = task.call();
            listener.task(name, (System.nanoTime() - start) / 1e9, (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            return problems;
        };
    }

    /** Runs every task, waits for all of them, then returns their problems or throws the first failure. */
    private static Problems runAll(List<Callable<Problems>> tasks, int threads, String name) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            Problems problems = new Problems();
            for (Future<Problems> done : pool.invokeAll(tasks))
                problems.addAll(done.get());
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause)
                throw cause;
            if (e.getCause() instanceof Error cause)
                throw cause;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Quads stored, counted in the primary indexes without decoding a single term. */
    private static long size(DatasetGraph dataset) {
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
        return tdb.getQuadTable().getNodeTupleTable().getTupleTable().getIndex(0).size()
                + tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndex(0).size();
    }
}
