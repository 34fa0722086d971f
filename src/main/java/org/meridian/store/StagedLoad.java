package org.meridian.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.graph.TupleSorter;

/**
 * A bulk load into an empty TDB2 database in three stages, as TDB2's xloader does: the load gives
 * each node its id in one write transaction and keeps each table's rows in a sorter, in the order of
 * the table's primary index (GSPO, SPO); after the commit each primary index is packed bottom-up from
 * those sorted rows, and then each other index from its table's primary one ({@link IndexPacker}).
 * Until every index is packed the tables look empty, so the dataset must not be read before then.
 * Inserting each row into the primary B+tree as it came, as TDB2's sequential loader does, took
 * most of the storing thread's time.
 * <p>
 * The load remembers the first nodes it adds ({@link FirstNodeIds}): one write transaction would
 * leave TDB2's node caches nearly empty. It writes new terms to TDB2's node table with
 * {@link NodeWriter}, one write each.
 */
final class StagedLoad {
    private final DatasetGraph dataset;
    private final Rows triples;
    private final Rows quads;
    private final NodeTable nodes;
    private final FirstNodeIds ids;
    private final byte[] bits = new byte[NodeId.SIZE];

    /** An index to pack, named as TDB2 names it, and how. */
    record Packing(String name, Runnable pack) {}

    /** A table's rows, held until the commit in a sorter, in its primary index's column order. */
    private static final class Rows {
        private final TupleTable table;
        private final int run;
        private final Path folder;
        private final TupleSorter sorter;
        /** For each column of the primary index, the position in the quad's own order (G, S, P, O). */
        private final int[] columns;
        private final long[] row;

        Rows(NodeTupleTable table, int run, Path folder) {
            this.table = table.getTupleTable();
            this.run = run;
            this.folder = folder;
            TupleIndex primary = this.table.getIndex(0);
            this.row = new long[primary.getTupleLength()];
            this.columns = new int[row.length];
            for (int i = 0; i < row.length; i++)
                columns[i] = primary.getMapping().getSlotIdx(i);
            this.sorter = new TupleSorter(row.length, run, folder);
        }

        void add(long[] natural) {
            for (int i = 0; i < row.length; i++)
                row[i] = natural[columns[i]];
            sorter.add(row);
        }

        Packing primary() {
            TupleIndex primary = table.getIndex(0);
            return new Packing(primary.getName(), () -> {
                try (sorter) {
                    IndexPacker.pack(sorter, primary);
                }
            });
        }

        List<Packing> secondaries() {
            List<Packing> packings = new ArrayList<>();
            for (int slot = 1; slot < table.numIndexes(); slot++) {
                TupleIndex index = table.getIndex(slot);
                packings.add(new Packing(index.getName(),
                        () -> IndexPacker.pack(table.getIndex(0), index, run, folder)));
            }
            return packings;
        }
    }

    StagedLoad(DatasetGraph dataset) {
        this(dataset, IndexPacker.RUN);
    }

    /** A load that sorts {@code run} rows at a time in memory, and the rest in runs on disk. */
    StagedLoad(DatasetGraph dataset, int run) {
        this.dataset = dataset;
        DatasetGraphTDB tdb = TDBInternal.getDatasetGraphTDB(dataset);
        Path folder = Path.of(tdb.getLocation().getDirectoryPath());
        this.triples = new Rows(tdb.getTripleTable().getNodeTupleTable(), run, folder);
        this.quads = new Rows(tdb.getQuadTable().getNodeTupleTable(), run, folder);
        this.nodes = tdb.getQuadTable().getNodeTupleTable().getNodeTable();
        this.ids = new FirstNodeIds(nodes, tdb.getStoreParams().getNode2NodeIdCacheSize());
    }

    /** Begins the write transaction in which the nodes get their ids. */
    void begin() {
        dataset.begin(TxnType.WRITE);
        if (!triples.table.isEmpty() || !quads.table.isEmpty()) {
            dataset.abort();
            dataset.end();
            throw new IllegalStateException("a staged load needs an empty database");
        }
    }

    /** Adds one quad to the rows of its table (both tables share one node table). */
    void add(Quad quad) {
        if (quad.isDefaultGraph())
            triples.add(new long[] {bitsOf(quad.getSubject()), bitsOf(quad.getPredicate()), bitsOf(quad.getObject())});
        else
            quads.add(new long[] {bitsOf(quad.getGraph()), bitsOf(quad.getSubject()), bitsOf(quad.getPredicate()),
                    bitsOf(quad.getObject())});
    }

    /** The node's id as the 64 bits a TDB2 index stores. */
    private long bitsOf(Node node) {
        NodeIdFactory.set(ids.idOf(node), bits, 0);
        return Bytes.getLong(bits, 0);
    }

    /**
     * Commits the nodes, then gives each table's primary index to pack from the load's rows. Each
     * must be packed, with no transaction on the dataset, before its table's {@link #secondaries}.
     */
    List<Packing> commit() {
        dataset.commit();
        dataset.end();
        return List.of(quads.primary(), triples.primary());
    }

    /** The indexes other than the primary ones, each to pack from its table's primary index once that is packed. */
    List<Packing> secondaries() {
        List<Packing> packings = new ArrayList<>(quads.secondaries());
        packings.addAll(triples.secondaries());
        return packings;
    }

    /**
     * After the commit: puts the nodes the load remembers into TDB2's node caches, for the checks. It
     * reads the node table in a transaction on the node table alone, as TDB2's parallel loader writes
     * it, so it may run beside the packing of an index.
     */
    void fillNodeCaches() {
        TransactionCoordinator coordinator = CoLib.newCoordinator();
        CoLib.add(coordinator, nodes);
        CoLib.start(coordinator);
        Transaction txn = coordinator.begin(TxnType.READ);
        try {
            ids.fillCaches();
        } finally {
            txn.end();
        }
    }

    /** Ends a failed load, keeping nothing of it. */
    void abort() {
        if (dataset.isInTransaction()) {
            dataset.abort();
            dataset.end();
        }
        quads.sorter.close();
        triples.sorter.close();
        ids.clear();
    }
}
