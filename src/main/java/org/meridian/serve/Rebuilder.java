package org.meridian.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.jena.sparql.core.DatasetGraph;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;

/**
 * Rebuilds the database while the server keeps answering: builds and checks a fresh build beside
 * the live one and, only if it is sound, puts it in service. A build with problems changes nothing;
 * its problems are printed. Rebuilds run one at a time, on request, on a signal or when files change.
 */
public final class Rebuilder implements AutoCloseable {
    /** How long a replaced build waits for its last requests before it is closed anyway. */
    private static final Duration DRAIN = Duration.ofSeconds(120);
    /** Edits come in bursts (an editor saves several files): wait this long for quiet. */
    private static final Duration QUIET = Duration.ofMillis(500);

    /** What a rebuild did. */
    public enum Outcome { REPLACED, UNCHANGED, FAILED }

    private final Loader loader;
    private final LiveBuild live;
    private final Function<DatabaseStore.Build, DatasetGraph> open;
    private final PrintStream log;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> daemon(r, "meridian-rebuild"));
    private WatchService watcher;

    /**
     * @param open opens a build for serving, with everything the server sets on its dataset
     * @param log  where progress and problems go (standard error)
     */
    public Rebuilder(Loader loader, LiveBuild live, Function<DatabaseStore.Build, DatasetGraph> open, PrintStream log) {
        this.loader = loader;
        this.live = live;
        this.open = open;
        this.log = log;
    }

    /** Queues a rebuild; the returned future tells how it went. */
    public Future<Outcome> request() {
        return worker.submit(this::rebuild);
    }

    private Outcome rebuild() {
        try {
            return rebuildOnce();
        } catch (RuntimeException e) {
            log.println("the rebuild failed: " + e + "; still serving build " + live.current().buildId());
            return Outcome.FAILED;
        }
    }

    private Outcome rebuildOnce() {
        log.println("rebuilding ...");
        Loader.Result result = loader.load(false);
        if (!result.ok()) {
            result.problems().print(log);
            log.println(result.problems().size() + " problem(s); still serving build " + live.current().buildId());
            return Outcome.FAILED;
        }
        DatabaseStore.Build build = result.build().orElseThrow();
        if (build.id().equals(live.current().buildId())) {
            log.println("nothing changed; still serving build " + build.id());
            return Outcome.UNCHANGED;
        }
        live.replace(new LiveBuild.Served(open.apply(build), build.id(), build.created()), DRAIN);
        log.println("now serving build " + build.id() + " (" + build.quads() + " quads)");
        return Outcome.REPLACED;
    }

    /** Rebuilds whenever a file in {@code folders} changes, after a short quiet period. */
    public void watch(List<Path> folders) {
        try {
            watcher = FileSystems.getDefault().newWatchService();
            for (Path folder : folders)
                if (Files.isDirectory(folder))
                    folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                            StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + folders, e);
        }
        daemon(this::watchLoop, "meridian-watch").start();
    }

    private void watchLoop() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Swallow the rest of the burst before rebuilding once.
                for (WatchKey more = watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS); more != null;
                     more = watcher.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS))
                    drain(more);
                request();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop watching
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
