package org.meridian.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A read-only view of a graph that answers SHACL's lookups from two small memories. SHACL takes
 * one focus node at a time and asks for each of its properties in turn, and {@code sh:class}
 * asks for the types and superclasses of values that recur row after row (the same states,
 * sources, classes); on a database each of those is a union-graph index search. So the view
 * reads all of a subject's triples at once and keeps the last few subjects, and keeps types,
 * superclasses and subclasses longer. Memory is bounded (least recently used go; a subject with very many
 * triples is not kept). Only for a graph that does not change, used by one thread.
 */
final class CachingGraph extends GraphWrapper {
    private static final int TYPES = 50_000;
    private static final int SUBJECTS = 4096;
    private static final int LARGEST_SUBJECT = 10_000;

    private final Map<Node, List<Triple>> types = lru(TYPES);
    private final Map<Node, List<Triple>> superclasses = lru(TYPES);
    private final Map<Node, List<Triple>> subclasses = lru(TYPES);
    private final Map<Node, List<Triple>> subjects = lru(SUBJECTS);

    CachingGraph(Graph graph) {
        super(graph);
    }

    private static Map<Node, List<Triple>> lru(int capacity) {
        return new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public ExtendedIterator<Triple> find(Triple pattern) {
        return find(pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
    }

    /**
     * Keeps {@code triples} as all the triples of {@code s}, for a caller that has just read them
     * (the node being checked).
     */
    void remember(Node s, List<Triple> triples) {
        if (triples.size() <= LARGEST_SUBJECT)
            subjects.put(s, triples);
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (isSubclassLookup(s, p, o))
            return WrappedIterator.create(cached(subclasses, o, () -> super.find(Node.ANY, p, o).toList()).iterator());
        if (s == null || !s.isConcrete())
            return super.find(s, p, o);
        List<Triple> all = isTyping(p) ? typing(s, p) : triplesOf(s);
        if (all == null)
            return super.find(s, p, o);
        List<Triple> matching = new ArrayList<>();
        for (Triple t : all)
            if ((p == null || !p.isConcrete() || t.getPredicate().equals(p)) && (o == null || !o.isConcrete() || t.getObject().equals(o)))
                matching.add(t);
        return WrappedIterator.create(matching.iterator());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        return find(s, p, o).hasNext();
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }

    /** G.isOfType, behind every shape's class target, asks for the subclasses of a class. */
    private static boolean isSubclassLookup(Node s, Node p, Node o) {
        return (s == null || !s.isConcrete()) && p != null && p.equals(RDFS.Nodes.subClassOf) && o != null && o.isConcrete();
    }

    private static boolean isTyping(Node p) {
        return p != null && (p.equals(RDF.Nodes.type) || p.equals(RDFS.Nodes.subClassOf));
    }

    private List<Triple> typing(Node s, Node p) {
        return cached(p.equals(RDF.Nodes.type) ? types : superclasses, s, () -> super.find(s, p, Node.ANY).toList());
    }

    private static List<Triple> cached(Map<Node, List<Triple>> cache, Node key, Supplier<List<Triple>> read) {
        List<Triple> cached = cache.get(key);
        if (cached == null) {
            cached = read.get();
            cache.put(key, cached);
        }
        return cached;
    }

    /** All triples of a subject, or null when it has too many to keep. */
    private List<Triple> triplesOf(Node s) {
        List<Triple> cached = subjects.get(s);
        if (cached != null)
            return cached;
        List<Triple> all = new ArrayList<>();
        ExtendedIterator<Triple> it = super.find(s, Node.ANY, Node.ANY);
        try {
            while (it.hasNext()) {
                all.add(it.next());
                if (all.size() > LARGEST_SUBJECT)
                    return null;
            }
        } finally {
            it.close();
        }
        subjects.put(s, all);
        return all;
    }
}
