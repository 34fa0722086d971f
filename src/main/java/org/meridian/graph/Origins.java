package org.meridian.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;

/**
 * Where nodes came from: for each node asked about, the first table line that gave it a type, or
 * failing that the first line that said anything about it. A table that only mentions a node (a link
 * to it, say) may be read before the table that defines it; the defining line is the one a curator needs.
 * <p>
 * Origins are only needed when a check finds a problem, and remembering every subject of a large
 * build would hold them all in memory. So they are found by mapping the tables again, once for all
 * the nodes asked about together, keeping only those: memory grows with the problems, not the build.
 */
public final class Origins {
    /** A place in an input file. */
    public record Location(String file, long line) {}

    /** Hears, on a second pass over the tables, each subject and the line that described it. */
    interface Recorder {
        /** @param typing whether the triple is an rdf:type triple, which defines its subject */
        void record(Node subject, String file, long line, boolean typing);
    }

    private final Consumer<Recorder> replay;

    /** @param replay maps the tables again, telling the recorder about every quad's subject */
    Origins(Consumer<Recorder> replay) {
        this.replay = replay;
    }

    /** Where each of {@code nodes} was first described; nodes no table described are not in the map. */
    public Map<Node, Location> locate(Set<Node> nodes) {
        if (nodes.isEmpty())
            return Map.of();
        Map<Node, Location> defined = new HashMap<>();
        Map<Node, Location> mentioned = new HashMap<>();
        replay.accept((subject, file, line, typing) -> {
            if (nodes.contains(subject))
                (typing ? defined : mentioned).putIfAbsent(subject, new Location(file, line));
        });
        mentioned.putAll(defined);
        return mentioned;
    }
}
