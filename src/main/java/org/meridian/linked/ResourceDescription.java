package org.meridian.linked;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * What the database says about one IRI, with the named graph of every statement: the triples it
 * is the subject of (following blank nodes), and those that point at it. A document IRI whose
 * terms are hash IRIs ({@code .../ontology} and {@code .../ontology#Person}) is described together
 * with those terms, which is how a browser or RDF client dereferences a hash IRI.
 * Called inside a read transaction.
 * @param members the resource, then the hash terms described with it
 */
public record ResourceDescription(Node resource, List<Node> members, List<Quad> outgoing, List<Quad> incoming,
                                  boolean incomingTruncated) {
    /** How many statements pointing at a resource are shown; a class has one per instance. */
    public static final int MAX_INCOMING = 1000;

    /**
     * @param hashDocument whether {@code iri} names a document of hash terms (the ontology), whose
     *                     terms are then described with it
     * @return the description, or empty when the database knows nothing about {@code iri}
     */
    public static Optional<ResourceDescription> of(DatasetGraph dataset, String iri, boolean hashDocument) {
        Node resource = NodeFactory.createURI(iri);
        List<Node> members = new ArrayList<>();
        members.add(resource);
        if (hashDocument)
            members.addAll(hashMembers(dataset, resource));
        List<Quad> outgoing = new ArrayList<>();
        List<Quad> incoming = new ArrayList<>();
        boolean truncated = false;
        for (Node member : members) {
            outgoing.addAll(closure(dataset, member));
            Iterator<Quad> in = dataset.find(Node.ANY, Node.ANY, Node.ANY, member);
            while (in.hasNext()) {
                Quad quad = in.next();
                if (!stored(quad) || members.contains(quad.getSubject()))
                    continue;
                if (incoming.size() >= MAX_INCOMING) {
                    truncated = true;
                    break;
                }
                incoming.add(quad);
            }
        }
        if (outgoing.isEmpty() && incoming.isEmpty())
            return Optional.empty();
        return Optional.of(new ResourceDescription(resource, List.copyOf(members), outgoing, incoming, truncated));
    }

    /** The statements as one graph, for the RDF syntaxes that have no named graphs. */
    public Graph triples() {
        Graph graph = GraphFactory.createDefaultGraph();
        outgoing.forEach(q -> graph.add(q.asTriple()));
        incoming.forEach(q -> graph.add(q.asTriple()));
        return graph;
    }

    /** The statements in their named graphs, for TriG and N-Quads. */
    public DatasetGraph quads() {
        DatasetGraph quads = DatasetGraphFactory.createGeneral();
        outgoing.forEach(quads::add);
        incoming.forEach(quads::add);
        return quads;
    }

    /** Subjects {@code iri#...} in the graphs that describe the document itself: the terms it defines. */
    private static List<Node> hashMembers(DatasetGraph dataset, Node document) {
        Set<Node> graphs = new HashSet<>();
        dataset.find(Node.ANY, document, Node.ANY, Node.ANY).forEachRemaining(q -> graphs.add(q.getGraph()));
        Set<String> found = new TreeSet<>();
        String prefix = document.getURI() + "#";
        for (Node graph : graphs) {
            if (!graph.isURI())
                continue;
            Iterator<Quad> all = dataset.find(graph, Node.ANY, Node.ANY, Node.ANY);
            while (all.hasNext()) {
                Node subject = all.next().getSubject();
                if (subject.isURI() && subject.getURI().startsWith(prefix))
                    found.add(subject.getURI());
            }
        }
        return found.stream().map(NodeFactory::createURI).toList();
    }

    /** The statements about {@code start} and, through blank nodes, about what they describe. */
    private static List<Quad> closure(DatasetGraph dataset, Node start) {
        List<Quad> quads = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            Node subject = todo.pop();
            if (!seen.add(subject))
                continue;
            Iterator<Quad> out = dataset.find(Node.ANY, subject, Node.ANY, Node.ANY);
            while (out.hasNext()) {
                Quad quad = out.next();
                if (!stored(quad))
                    continue;
                quads.add(quad);
                if (quad.getObject().isBlank())
                    todo.push(quad.getObject());
            }
        }
        return quads;
    }

    /** Every statement lives in a named graph; the union default graph would repeat them. */
    private static boolean stored(Quad quad) {
        return !quad.isDefaultGraph() && !quad.isUnionGraph();
    }
}
