package org.meridian.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;

/**
 * Where each subject came from: the first table line that gave it a type, or failing that the
 * first line that said anything about it. A table that only mentions a node (a link to it, say)
 * may be read before the table that defines it; the defining line is the one a curator needs.
 * <p>
 * Origins are only needed when a check finds a problem, and recording every subject of a large
 * build would hold the whole set of subjects in memory. So a build's origins can be lazy: they
 * are recorded by a second pass over the tables the first time someone asks.
 */
public final class Origins {
    /** A place in an input file. */
    public record Location(String file, long line) {}

    private final Map<Node, Location> defined = new HashMap<>();
    private final Map<Node, Location> mentioned = new HashMap<>();
    private Consumer<Origins> replay;

    public Origins() {}

    /** Origins that {@code replay} records (by calling {@link #record}) when first asked for. */
    static Origins lazy(Consumer<Origins> replay) {
        Origins origins = new Origins();
        origins.replay = replay;
        return origins;
    }

    /** @param typing whether the triple recorded is an rdf:type triple, which defines its subject */
    public void record(Node subject, String file, long line, boolean typing) {
        (typing ? defined : mentioned).putIfAbsent(subject, new Location(file, line));
    }

    /** @return where the node was first described, or null if no table described it */
    public synchronized Location of(Node node) {
        recordNow();
        Location location = defined.get(node);
        return location != null ? location : mentioned.get(node);
    }

    /** Makes lazy origins record now, if they have not yet. */
    synchronized void recordNow() {
        if (replay != null) {
            Consumer<Origins> pending = replay;
            replay = null;
            pending.accept(this);
        }
    }
}
