package org.meridian.graph;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * Where each subject came from: the first table line that gave it a type, or failing that the
 * first line that said anything about it. A table that only mentions a node (a link to it, say)
 * may be read before the table that defines it; the defining line is the one a curator needs.
 * It also notices a node defined twice in one graph: two rows claiming to be the same fact.
 */
public final class Origins {
    /** A place in an input file. */
    public record Location(String file, long line) {}

    private record GraphAndSubject(Node graph, Node subject) {}

    private final Map<Node, Location> defined = new HashMap<>();
    private final Map<Node, Location> mentioned = new HashMap<>();
    private final Map<GraphAndSubject, Location> definedInGraph = new HashMap<>();

    /** Notes a line that says something about {@code subject} without typing it. */
    public void mention(Node subject, String file, long line) {
        mentioned.putIfAbsent(subject, new Location(file, line));
    }

    /**
     * Notes a line that gives {@code subject} a type in {@code graph}.
     * @return the other line that already typed the same subject in the same graph, or null
     */
    public Location define(Node graph, Node subject, String file, long line) {
        Location here = new Location(file, line);
        defined.putIfAbsent(subject, here);
        Location earlier = definedInGraph.putIfAbsent(new GraphAndSubject(graph, subject), here);
        return earlier == null || earlier.equals(here) ? null : earlier;
    }

    /** @return where the node was first described, or null if no table described it */
    public Location of(Node node) {
        Location location = defined.get(node);
        return location != null ? location : mentioned.get(node);
    }
}
