package org.meridian.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.meridian.store.SubjectQuads;

/**
 * Visits every instance of some classes (their subclasses included) once, with all of its quads:
 * in a TDB2 database in one pass over its subject-first index ({@link SubjectQuads}), elsewhere with
 * one lookup per instance. The checks that look at one node at a time (SHACL's shapes, the per-graph
 * value counts) share one visit instead of each reading the node again, and nothing but the current
 * node's quads is held: no set of visited nodes, however large the build.
 */
final class InstanceWalk {
    private final List<Node> classes;

    /** @param topClasses the classes whose instances to visit, in the order to visit them */
    InstanceWalk(Graph union, List<Node> topClasses) {
        this.classes = new ArrayList<>();
        for (Node top : topClasses)
            for (Node type : subclassesOf(union, top))
                if (!classes.contains(type))
                    classes.add(type);
    }

    /**
     * Calls {@code visit} with each instance and its quads, in every named graph, once. The default
     * graph is left out, as it is from the union graph that SHACL validates.
     */
    void walk(DatasetGraph dataset, BiConsumer<Node, List<Quad>> visit) {
        Optional<SubjectQuads> pass = SubjectQuads.of(dataset);
        if (pass.isPresent())
            pass.get().forEachInstance(classes, visit);
        else
            walkByLookups(dataset, visit);
    }

    /** The walk with one lookup per instance, for any dataset. */
    void walkByLookups(DatasetGraph dataset, BiConsumer<Node, List<Quad>> visit) {
        Map<Node, Integer> rank = new HashMap<>();
        for (Node type : classes)
            rank.put(type, rank.size());
        for (Node type : classes) {
            Iterator<Quad> typed = dataset.findNG(Node.ANY, Node.ANY, RDF.Nodes.type, type);
            while (typed.hasNext()) {
                Quad typing = typed.next();
                List<Quad> about = quadsOf(dataset, typing.getSubject());
                if (isFirstTyping(typing, about, rank))
                    visit.accept(typing.getSubject(), about);
            }
        }
    }

    private static List<Quad> quadsOf(DatasetGraph dataset, Node subject) {
        List<Quad> quads = new ArrayList<>();
        dataset.findNG(Node.ANY, subject, Node.ANY, Node.ANY).forEachRemaining(quads::add);
        return quads;
    }

    /**
     * A node typed by several classes of the walk, or in several graphs, is met several times; it
     * is visited only at its first typing in the walk's order.
     */
    private static boolean isFirstTyping(Quad current, List<Quad> about, Map<Node, Integer> rank) {
        int currentRank = rank.get(current.getObject());
        for (Quad quad : about) {
            if (!quad.getPredicate().equals(RDF.Nodes.type) || quad.equals(current))
                continue;
            Integer other = rank.get(quad.getObject());
            if (other == null)
                continue;
            if (other < currentRank || (other == currentRank
                    && quad.getGraph().toString().compareTo(current.getGraph().toString()) < 0))
                return false;
        }
        return true;
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
