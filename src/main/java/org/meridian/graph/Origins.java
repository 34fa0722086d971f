package org.meridian.graph;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;

/**
 * Where each subject came from: the first table line that gave it a type, or failing that the
 * first line that produced any triple about it. A table that only mentions a node (a link to it,
 * say) is read before the table that defines it whenever its name sorts first; the defining line
 * is the one a curator needs to see.
 */
public final class Origins {
    /** A place in an input file. */
    public record Location(String file, long line) {}

    private final Map<Node, Location> bySubject = new HashMap<>();
    private final Map<Node, Location> typedAt = new HashMap<>();

    /** @param typing whether the triple gives the subject a type (rdf:type) */
    public void record(Node subject, String file, long line, boolean typing) {
        bySubject.putIfAbsent(subject, new Location(file, line));
        if (typing)
            typedAt.putIfAbsent(subject, new Location(file, line));
    }

    /** @return where the node was first described, or null if no table described it */
    public Location of(Node node) {
        Location typed = typedAt.get(node);
        return typed != null ? typed : bySubject.get(node);
    }
}
