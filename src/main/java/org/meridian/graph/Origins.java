package org.meridian.graph;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;

/** Where each subject came from: the first table line that produced a triple about it. */
public final class Origins {
    /** A place in an input file. */
    public record Location(String file, long line) {}

    private final Map<Node, Location> bySubject = new HashMap<>();

    public void record(Node subject, String file, long line) {
        bySubject.putIfAbsent(subject, new Location(file, line));
    }

    /** @return where the node was first described, or null if no table described it */
    public Location of(Node node) {
        return bySubject.get(node);
    }
}
