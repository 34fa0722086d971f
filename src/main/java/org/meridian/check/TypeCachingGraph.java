package org.meridian.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * A read-only view of a graph that remembers the types and superclasses it was recently asked
 * for. SHACL's {@code sh:class} looks up the types of every value and walks their superclasses,
 * and the values recur (the same states, sources and classes, row after row): on a database each
 * of those lookups is a union-graph index search. The memory is bounded (least recently used go).
 * Only for use while the graph does not change, by one thread.
 */
final class TypeCachingGraph extends GraphWrapper {
    private static final int CAPACITY = 50_000;

    private final Map<Triple, List<Triple>> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Triple, List<Triple>> eldest) {
            return size() > CAPACITY;
        }
    };

    TypeCachingGraph(Graph graph) {
        super(graph);
    }

    @Override
    public ExtendedIterator<Triple> find(Triple pattern) {
        return find(pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (!cacheable(s, p, o))
            return super.find(s, p, o);
        Triple key = Triple.create(s, p, Node.ANY);
        List<Triple> all = cache.get(key);
        if (all == null) {
            all = super.find(s, p, Node.ANY).toList();
            cache.put(key, all);
        }
        if (o == null || o == Node.ANY)
            return WrappedIterator.create(all.iterator());
        return WrappedIterator.create(all.stream().filter(t -> t.getObject().equals(o)).iterator());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        return cacheable(s, p, o) ? find(s, p, o).hasNext() : super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }

    private static boolean cacheable(Node s, Node p, Node o) {
        return s != null && s.isConcrete() && p != null
                && (p.equals(RDF.Nodes.type) || p.equals(RDFS.Nodes.subClassOf));
    }
}
