package org.meridian.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * Counts values per named graph for the {@code sh:maxCount} limits that {@link ShapeCheck} takes out
 * of SHACL's hands. It walks the instances of each limited class (its subclasses included) once,
 * reading each instance's quads with one index lookup, so the cost grows with the instances and
 * not with the number of graphs, and nothing but one node's quads is held at a time.
 */
final class PerGraphMaxCount {
    /** A limit: at most {@code max} values of {@code path} per graph on instances of {@code targetClass}. */
    record Limit(Node targetClass, Node path, int max, String message) {}

    /** A node with too many values of a limit's path in one graph. */
    record Excess(Limit limit, Node node, long values) {}

    private final Map<Node, List<Limit>> byClass = new LinkedHashMap<>();
    private final List<Limit> order = new ArrayList<>();

    PerGraphMaxCount(List<Limit> limits) {
        for (Limit limit : limits) {
            byClass.computeIfAbsent(limit.targetClass(), c -> new ArrayList<>()).add(limit);
            order.add(limit);
        }
    }

    /** Every excess, in the order of the limits and then of the nodes. */
    List<Excess> check(DatasetGraph dataset) {
        Graph union = dataset.getUnionGraph();
        List<Excess> found = new ArrayList<>();
        for (Map.Entry<Node, List<Limit>> entry : byClass.entrySet()) {
            List<Node> classes = subclassesOf(union, entry.getKey());
            for (Node type : classes) {
                Iterator<Quad> typed = dataset.find(Node.ANY, Node.ANY, RDF.Nodes.type, type);
                while (typed.hasNext()) {
                    Quad quad = typed.next();
                    List<Quad> about = quadsOf(dataset, quad.getSubject());
                    if (isFirstTyping(quad, about, classes))
                        count(quad.getSubject(), about, entry.getValue(), found);
                }
            }
        }
        found.sort(Comparator.<Excess>comparingInt(e -> order.indexOf(e.limit()))
                .thenComparing(e -> e.node().toString()));
        return found;
    }

    private static List<Quad> quadsOf(DatasetGraph dataset, Node subject) {
        List<Quad> quads = new ArrayList<>();
        dataset.find(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        return quads;
    }

    /**
     * A node typed by several classes of the closure, or in several graphs, is met several
     * times; it is counted only at its first typing in the walk's order.
     */
    private static boolean isFirstTyping(Quad current, List<Quad> about, List<Node> classes) {
        int currentRank = classes.indexOf(current.getObject());
        for (Quad quad : about) {
            if (!quad.getPredicate().equals(RDF.Nodes.type) || quad.equals(current))
                continue;
            int rank = classes.indexOf(quad.getObject());
            if (rank < 0)
                continue;
            if (rank < currentRank || (rank == currentRank
                    && quad.getGraph().toString().compareTo(current.getGraph().toString()) < 0))
                return false;
        }
        return true;
    }

    private static void count(Node node, List<Quad> about, List<Limit> limits, List<Excess> found) {
        for (Limit limit : limits) {
            Map<Node, Set<Node>> valuesByGraph = new HashMap<>();
            for (Quad quad : about)
                if (quad.getPredicate().equals(limit.path()))
                    valuesByGraph.computeIfAbsent(quad.getGraph(), g -> new HashSet<>()).add(quad.getObject());
            for (Set<Node> values : valuesByGraph.values())
                if (values.size() > limit.max())
                    found.add(new Excess(limit, node, values.size()));
        }
    }

    /** The class and every class below it by rdfs:subClassOf, in a fixed order. */
    private static List<Node> subclassesOf(Graph graph, Node top) {
        List<Node> closure = new ArrayList<>(List.of(top));
        for (int i = 0; i < closure.size(); i++)
            for (Node sub : G.listPO(graph, RDFS.Nodes.subClassOf, closure.get(i)))
                if (!closure.contains(sub))
                    closure.add(sub);
        return closure;
    }
}
