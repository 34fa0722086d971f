package org.meridian.graph;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * Where each subject came from: the first table line that gave it a type, or failing that the
 * first line that said anything about it. A table that only mentions a node (a link to it, say)
 * may be read before the table that defines it; the defining line is the one a curator needs.
 */
public final class Origins {
    /** A place in an input file. */
    public record Location(String file, long line) {}

    private final Map<Node, Location> defined = new HashMap<>();
    private final Map<Node, Location> mentioned = new HashMap<>();

    /** @param typing whether the triple recorded is an rdf:type triple, which defines its subject */
    public void record(Node subject, String file, long line, boolean typing) {
        (typing ? defined : mentioned).putIfAbsent(subject, new Location(file, line));
    }

    /** @return where the node was first described, or null if no table described it */
    public Location of(Node node) {
        Location location = defined.get(node);
        return location != null ? location : mentioned.get(node);
    }
}
