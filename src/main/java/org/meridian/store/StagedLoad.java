package org.meridian.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * TDB2's sequential bulk load (rows into the primary index, the other indexes copied from it after)
 * split over two commits, so that the checks need not wait for every index. The first commit holds
 * every index a query over the union of the named graphs reads; the indexes that lead with a graph
 * name (GPOS, GOSP) are copied in a second write transaction while the checks read the first commit.
 * Until {@link #attachLast} the dataset leaves them out of its queries, which is why it must not be
 * shared before then: a query stays correct without an index, only slower.
 */
final class StagedLoad {
    private final DatasetGraph dataset;
    private final List<Detached> first = new ArrayList<>();
    private final List<Detached> last = new ArrayList<>();
    private final NodeTupleTable triples;
    private final NodeTupleTable quads;

    /** An index taken out of its table while the table is loaded, and where it goes back. */
    private record Detached(TupleTable table, int slot, TupleIndex index) {
        void copyFromPrimary() {
            table.getIndex(0).all().forEachRemaining(index::add);
        }

        void attach() {
            table.setTupleIndex(slot, index);
        }
    }

    StagedLoad(DatasetGraph dataset) {
        this.dataset = dataset;
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
        this.triples = tdb.getTripleTable().getNodeTupleTable();
        this.quads = tdb.getQuadTable().getNodeTupleTable();
    }

    /** Begins the first write transaction, with only the primary indexes to write to. */
    void begin() {
        dataset.begin(TxnType.WRITE);
        if (!triples.isEmpty() || !quads.isEmpty()) {
            dataset.abort();
            dataset.end();
            throw new IllegalStateException("a staged load needs an empty database");
        }
        detachSecondaries(triples.getTupleTable());
        detachSecondaries(quads.getTupleTable());
    }

    private void detachSecondaries(TupleTable table) {
        for (int slot = 1; slot < table.numIndexes(); slot++) {
            TupleIndex index = table.getIndex(slot);
            boolean graphFirst = index.getTupleLength() == 4 && index.getName().startsWith("G");
            (graphFirst ? last : first).add(new Detached(table, slot, index));
            table.setTupleIndex(slot, null);
        }
    }

    /** Adds one quad to the primary index of its table. */
    void add(Quad quad) {
        if (quad.isDefaultGraph())
            triples.addRow(quad.getSubject(), quad.getPredicate(), quad.getObject());
        else
            quads.addRow(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    /** Copies the indexes the checks read and commits: the data is readable from here on. */
    void commitFirst() {
        for (Detached index : first) {
            index.copyFromPrimary();
            index.attach();
        }
        dataset.commit();
        dataset.end();
    }

    /** Copies the remaining indexes in a write transaction of their own, on the calling thread. */
    void buildLast() {
        dataset.begin(TxnType.WRITE);
        try {
            for (Detached index : last)
                index.copyFromPrimary();
            dataset.commit();
        } finally {
            dataset.end();
        }
    }

    /**
     * Puts the last indexes back into their tables. Only once no transaction begun before
     * {@link #buildLast} committed is still reading, since in those the indexes are empty.
     */
    void attachLast() {
        for (Detached index : last)
            index.attach();
    }

    /** Ends a failed first transaction, keeping nothing of it. */
    void abort() {
        if (dataset.isInTransaction()) {
            dataset.abort();
            dataset.end();
        }
        for (Detached index : first)
            index.attach();
        attachLast();
    }
}
