package org.meridian.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * Counts values per named graph for the {@code sh:maxCount} limits that {@link ShapeCheck} takes out
 * of SHACL's hands. It is shown each instance with its quads in every graph (by an
 * {@link InstanceWalk}), so the cost grows with the instances and not with the number of graphs.
 */
final class PerGraphMaxCount {
    /** A limit: at most {@code max} values of {@code path} per graph on instances of {@code targetClass}. */
    record Limit(Node targetClass, Node path, int max, String message) {}

    /** A node with too many values of a limit's path in one graph. */
    record Excess(Limit limit, Node node, long values) {}

    private final List<Limit> limits;
    private final List<Excess> found = new ArrayList<>();

    PerGraphMaxCount(List<Limit> limits) {
        this.limits = List.copyOf(limits);
    }

    /** The classes whose instances must be shown to {@link #count}. */
    List<Node> targetClasses() {
        return limits.stream().map(Limit::targetClass).distinct().toList();
    }

    /**
     * Counts the values of {@code node}, met with all its quads.
     * @param kinds the classes it is an instance of, superclasses of its types included
     */
    void count(Node node, Set<Node> kinds, List<Quad> about) {
        for (Limit limit : limits) {
            if (!kinds.contains(limit.targetClass()))
                continue;
            Map<Node, Set<Node>> valuesByGraph = new HashMap<>();
            for (Quad quad : about)
                if (quad.getPredicate().equals(limit.path()))
                    valuesByGraph.computeIfAbsent(quad.getGraph(), g -> new HashSet<>()).add(quad.getObject());
            for (Set<Node> values : valuesByGraph.values())
                if (values.size() > limit.max())
                    found.add(new Excess(limit, node, values.size()));
        }
    }

    /** Every excess counted so far, in the order of the limits and then of the nodes. */
    List<Excess> excesses() {
        List<Excess> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.<Excess>comparingInt(e -> limits.indexOf(e.limit()))
                .thenComparing(e -> e.node().toString()));
        return sorted;
    }
}
