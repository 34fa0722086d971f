package org.meridian.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The build a running server answers from. A rebuild replaces it whole: requests that started on
 * the old build finish on it, requests that start later see only the new one, and the old build is
 * closed once its last request has finished. No request ever sees parts of two builds.
 * <p>
 * Fuseki's own endpoints pick their dataset when a request arrives (through its access-point
 * registry); Meridian's pages call {@link #read} to do the same.
 */
public final class LiveBuild {
    /** One served build and the requests of Meridian's own pages still reading it. */
    public static final class Served {
        private final DatasetGraph dataset;
        private final String buildId;
        private final Instant built;
        private final AtomicInteger readers = new AtomicInteger();

        public Served(DatasetGraph dataset, String buildId, Instant built) {
            this.dataset = dataset;
            this.buildId = buildId;
            this.built = built;
        }

        public DatasetGraph dataset() {
            return dataset;
        }

        public String buildId() {
            return buildId;
        }

        /** When the build was made: its answers' Last-Modified. */
        public Instant built() {
            return built;
        }
    }

    private static final Duration SETTLE = Duration.ofMillis(200);

    private final AtomicReference<Served> current;
    private final List<FusekiServer> servers = new CopyOnWriteArrayList<>();

    public LiveBuild(Served initial) {
        this.current = new AtomicReference<>(initial);
    }

    public Served current() {
        return current.get();
    }

    /**
     * Connects a server whose dataset {@link MeridianServer#DATASET} this replaces on rebuild: the
     * public server, and the curators' writer when there is one.
     */
    public void attach(FusekiServer fusekiServer) {
        servers.add(fusekiServer);
    }

    /** Runs {@code work} on the current build, which stays open until {@code work} returns. */
    public <T> T read(Function<DatasetGraph, T> work) {
        while (true) {
            Served served = current.get();
            served.readers.incrementAndGet();
            if (served == current.get()) {
                try {
                    return work.apply(served.dataset);
                } finally {
                    served.readers.decrementAndGet();
                }
            }
            // Replaced between the two reads: let go and take the new one.
            served.readers.decrementAndGet();
        }
    }

    /**
     * Puts {@code next} in service and closes the build it replaces once the requests still reading
     * it have finished (or {@code drain} has passed, when a request has overstayed every timeout).
     */
    public void replace(Served next, Duration drain) {
        String name = DataAccessPoint.canonical(MeridianServer.DATASET);
        List<DataAccessPoint> oldAccess = new ArrayList<>();
        Served old = current.get();
        for (FusekiServer server : servers) {
            DataAccessPointRegistry registry = server.getDataAccessPointRegistry();
            DataAccessPoint previous = registry.get(name);
            // The new service keeps the old one's endpoints (query, read, or a curator's update).
            DataService service = DataService.newBuilder(previous.getDataService()).dataset(next.dataset).build();
            service.setEndpointProcessors(server.getOperationRegistry());
            service.goActive();
            registry.put(name, new DataAccessPoint(name, service));
            oldAccess.add(previous);
        }
        // Only now say the new build is current: whoever sees its id (the answer cache's tags) can
        // be sure every endpoint already answers from it.
        current.set(next);

        // A request may have looked the old access point up an instant before it counted itself in.
        sleep(SETTLE);
        Instant deadline = Instant.now().plus(drain);
        while ((old.readers.get() > 0 || oldAccess.stream().anyMatch(a -> a.requestCount() > 0))
                && Instant.now().isBefore(deadline))
            sleep(Duration.ofMillis(20));
        // Every access point shares the one dataset: shutting one service down closes it.
        oldAccess.get(0).getDataService().shutdown();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for requests to finish", e);
        }
    }
}
