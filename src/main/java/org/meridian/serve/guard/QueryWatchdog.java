package org.meridian.serve.guard;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.jena.sparql.exec.QueryExec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops queries that outlive their deadline even when Jena's own timeout did not fire: after
 * the deadline plus a grace period it aborts the execution, and if the thread is still busy
 * later it logs the query and where the thread is stuck, so an operator can see what escaped.
 * <p>
 * Interrupting the thread is deliberately not used: ARQ checks an interrupt at the same place
 * as its cancel flag, so it would stop nothing that abort() does not, and an interrupt that
 * lands during a TDB2 file read closes the channel for every later query.
 */
public final class QueryWatchdog {
    private static final Logger LOG = LoggerFactory.getLogger(QueryWatchdog.class);

    private final Duration deadline;
    private final Duration grace;
    private final ScheduledThreadPoolExecutor timer;

    /**
     * @param deadline how long a query may run
     * @param grace how long past the deadline Jena's own timeout gets before the watchdog aborts
     */
    public QueryWatchdog(Duration deadline, Duration grace) {
        this.deadline = deadline;
        this.grace = grace;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "meridian-query-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // Cancelled watches must not pile up in the queue of a busy server; an idle watchdog
        // keeps no thread alive.
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(30, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
    }

    /** Starts watching {@code exec}, run by the calling thread; close the result when it ends. */
    public Watch watch(QueryExec exec, String description) {
        Thread worker = Thread.currentThread();
        long abortAt = deadline.plus(grace).toMillis();
        ScheduledFuture<?> abort = timer.schedule(() -> {
            LOG.warn("query still running {} ms after it started; aborting it: {}", abortAt, description);
            exec.abort();
        }, abortAt, TimeUnit.MILLISECONDS);
        long reportAt = deadline.plus(grace.multipliedBy(3)).toMillis();
        ScheduledFuture<?> report = timer.schedule(() -> LOG.error(
                "query ignored its abort and still runs after {} ms: {}; thread {} is at {}", reportAt, description,
                worker.getName(), Arrays.toString(Arrays.copyOf(worker.getStackTrace(), 8))),
                reportAt, TimeUnit.MILLISECONDS);
        return () -> {
            abort.cancel(false);
            report.cancel(false);
        };
    }

    /** Stops the watchdog's timer; watches still open are dropped. */
    public void shutdown() {
        timer.shutdownNow();
    }

    /** One watched execution. */
    @FunctionalInterface
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }
}
