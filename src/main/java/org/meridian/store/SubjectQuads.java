package org.meridian.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;

/**
 * The instances of some classes in a TDB2 database, each with all its quads in the named graphs, found
 * in one pass over the subject-first quad index ({@code SPOG}) instead of a lookup per instance. A
 * subject's quads lie together in that index, so the pass compares node ids to gather them, and decodes
 * only the subjects it hands over, with {@link NodeReader}.
 */
public final class SubjectQuads {
    private static final int G = 0;
    private static final int S = 1;
    private static final int P = 2;
    private static final int O = 3;

    private final DatasetGraphTDB dataset;
    private final TupleIndex index;

    private SubjectQuads(DatasetGraphTDB dataset, TupleIndex index) {
        this.dataset = dataset;
        this.index = index;
    }

    /** The pass over {@code dataset}'s quads, when it is a TDB2 database with a subject-first quad index. */
    public static Optional<SubjectQuads> of(DatasetGraph dataset) {
        DatasetGraphTDB tdb = TDBInternal.isTDB2(dataset) ? TDBInternal.getDatasetGraphTDB(dataset) : null;
        if (tdb == null)
            return Optional.empty();
        NodeTupleTable table = tdb.getQuadTable().getNodeTupleTable();
        for (TupleIndex index : table.getTupleTable().getIndexes())
            if (index.getName().equals("SPOG"))
                return Optional.of(new SubjectQuads(tdb, index));
        return Optional.empty();
    }

    /**
     * Calls {@code visit} once for every subject that some named graph types with one of {@code types},
     * with all of its quads in the named graphs, in the order of the subjects' ids. Inside a read
     * transaction, on one thread.
     */
    public void forEachInstance(Collection<Node> types, BiConsumer<Node, List<Quad>> visit) {
        NodeTable nodes = dataset.getQuadTable().getNodeTupleTable().getNodeTable();
        NodeId type = nodes.getNodeIdForNode(RDF.Nodes.type);
        Set<NodeId> wanted = new HashSet<>();
        for (Node node : types) {
            NodeId id = nodes.getNodeIdForNode(node);
            if (!NodeId.isDoesNotExist(id))
                wanted.add(id);
        }
        if (NodeId.isDoesNotExist(type) || wanted.isEmpty())
            return;
        NodeReader reader = NodeReader.of(dataset);
        List<Tuple<NodeId>> subject = new ArrayList<>();
        boolean typed = false;
        Iterator<Tuple<NodeId>> all = index.all(); // tuples in G, S, P, O order, sorted by S first
        while (all.hasNext()) {
            Tuple<NodeId> quad = all.next();
            if (!subject.isEmpty() && !subject.get(0).get(S).equals(quad.get(S))) {
                if (typed)
                    visit(subject, reader, visit);
                subject.clear();
                typed = false;
            }
            subject.add(quad);
            typed |= quad.get(P).equals(type) && wanted.contains(quad.get(O));
        }
        if (typed)
            visit(subject, reader, visit);
    }

    private static void visit(List<Tuple<NodeId>> ids, NodeReader reader, BiConsumer<Node, List<Quad>> visit) {
        Node subject = reader.getNodeForNodeId(ids.get(0).get(S));
        List<Quad> quads = new ArrayList<>(ids.size());
        for (Tuple<NodeId> quad : ids)
            quads.add(Quad.create(reader.getNodeForNodeId(quad.get(G)), subject, reader.getNodeForNodeId(quad.get(P)), reader.getNodeForNodeId(quad.get(O))));
        visit.accept(subject, quads);
    }
}
