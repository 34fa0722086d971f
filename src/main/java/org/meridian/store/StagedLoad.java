package org.meridian.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * A bulk load into an empty TDB2 database in two stages: the rows go into the primary indexes
 * (GSPO, SPO) in one write transaction, as TDB2's sequential loader does; then each other index is
 * packed bottom-up from its table's primary index ({@link IndexPacker}), as TDB2's xloader does.
 * Until every one is packed the other indexes are empty, so the dataset must not be read before then.
 * The load remembers the first nodes it adds ({@link FirstNodeIds}): one write transaction would
 * leave TDB2's node caches nearly empty. It writes new terms to TDB2's node table with
 * {@link NodeWriter}, one write each.
 */
final class StagedLoad {
    private final DatasetGraph dataset;
    private final List<Secondary> secondaries = new ArrayList<>();
    private final NodeTupleTable triples;
    private final NodeTupleTable quads;
    private final FirstNodeIds ids;
    private final Path folder;

    /** An index other than its table's primary one, the slot of the table it belongs in, and its database's folder. */
    record Secondary(TupleTable table, int slot, TupleIndex index, Path folder) {
        String name() {
            return index.getName();
        }

        /** Fills the index from its table's primary index, in a transaction of its own. */
        void pack() {
            IndexPacker.pack(table.getIndex(0), index, IndexPacker.RUN, folder);
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
        this.ids = new FirstNodeIds(quads.getNodeTable(), tdb.getStoreParams().getNode2NodeIdCacheSize());
        this.folder = Path.of(tdb.getLocation().getDirectoryPath());
    }

    /** Begins the write transaction, with only the primary indexes to write to. */
    void begin() {
        dataset.begin(TxnType.WRITE);
        if (!triples.isEmpty() || !quads.isEmpty()) {
            dataset.abort();
            dataset.end();
            throw new IllegalStateException("a staged load needs an empty database");
        }
        detachSecondaries(quads.getTupleTable());
        detachSecondaries(triples.getTupleTable());
    }

    private void detachSecondaries(TupleTable table) {
        for (int slot = 1; slot < table.numIndexes(); slot++) {
            secondaries.add(new Secondary(table, slot, table.getIndex(slot), folder));
            table.setTupleIndex(slot, null);
        }
    }

    /** Adds one quad to the primary index of its table (both tables share one node table). */
    void add(Quad quad) {
        if (quad.isDefaultGraph())
            triples.getTupleTable().add(TupleFactory.create3(
                    ids.idOf(quad.getSubject()), ids.idOf(quad.getPredicate()), ids.idOf(quad.getObject())));
        else
            quads.getTupleTable().add(TupleFactory.create4(ids.idOf(quad.getGraph()),
                    ids.idOf(quad.getSubject()), ids.idOf(quad.getPredicate()), ids.idOf(quad.getObject())));
    }

    /**
     * Commits the primary indexes and gives the tables back their other indexes, still empty:
     * each must be {@link Secondary#pack packed}, with no transaction on the dataset, before a read.
     */
    List<Secondary> commitPrimaries() {
        dataset.commit();
        dataset.end();
        for (Secondary index : secondaries)
            index.attach();
        return List.copyOf(secondaries);
    }

    /**
     * After the commit: puts the nodes the load remembers into TDB2's node caches, for the checks. It
     * reads the node table alone, so it may come before the packing, but not beside it.
     */
    void fillNodeCaches() {
        Txn.executeRead(dataset, ids::fillCaches);
    }

    /** Ends a failed load, keeping nothing of it. */
    void abort() {
        if (dataset.isInTransaction()) {
            dataset.abort();
            dataset.end();
        }
        for (Secondary index : secondaries)
            index.attach();
        ids.clear();
    }
}
