package org.meridian.export;

import java.util.Arrays;
import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The triples of the union of a dataset's named graphs, each once. Jena's union graph drops
 * duplicates with a set of every triple seen, which grows with the data; for TDB2 this reads the
 * quad index ordered subject, predicate, object, graph, where the copies of a triple in several
 * graphs are adjacent, so dropping them needs to remember only the previous one.
 */
final class UnionTriples {
    private static final String SUBJECT_FIRST = "SPOG";

    private UnionTriples() {}

    /** Inside the caller's read transaction. */
    static Iterator<Triple> of(DatasetGraph dataset) {
        if (!TDBInternal.isTDB2(dataset))
            return dataset.getUnionGraph().find();
        NodeTupleTable quads = TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable();
        TupleIndex index = Arrays.stream(quads.getTupleTable().getIndexes())
                .filter(i -> i.getName().equals(SUBJECT_FIRST)).findFirst().orElse(null);
        if (index == null)
            return dataset.getUnionGraph().find();
        NodeTable nodes = quads.getNodeTable();
        // Index tuples come back in the table's own column order: graph, subject, predicate, object.
        Iterator<Tuple<NodeId>> triples = Iter.distinctAdjacent(
                Iter.map(index.all(), t -> TupleFactory.tuple(t.get(1), t.get(2), t.get(3))));
        return Iter.map(triples, t -> Triple.create(
                nodes.getNodeForNodeId(t.get(0)), nodes.getNodeForNodeId(t.get(1)), nodes.getNodeForNodeId(t.get(2))));
    }
}
