package org.meridian.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.base.record.RecordFactory;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.dboe.trans.bplustree.rewriter.BPlusTreeRewriter;
import org.apache.jena.query.TxnType;
import org.apache.jena.tdb2.loader.base.CoLib;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.meridian.graph.TupleSorter;

/**
 * Builds an empty TDB2 index bottom-up from sorted rows, as TDB2's own xloader does: a primary index
 * from the rows a load sorted ({@link TupleSorter}), any other from the primary index of its table,
 * whose rows, put in the index's column order, are sorted the same way. The rows are packed into full
 * B+tree blocks in one pass, in a transaction on that one index. Inserting the rows one at a time
 * instead shifts each block's records through a fresh array per row: at 10M triples that was tens
 * of GB of garbage and 20 s for each of the last two indexes.
 */
final class IndexPacker {
    /** Rows sorted in memory at a time: 32 MB of quads, and 8 MB more to sort them. */
    static final int RUN = 1 << 20;

    private IndexPacker() {}

    /**
     * Fills the empty {@code index} with the rows of {@code primary}, sorting them in runs of {@code run}
     * rows written to {@code folder}; no other transaction may write either index meanwhile.
     */
    static void pack(TupleIndex primary, TupleIndex index, int run, Path folder) {
        int[] columns = columnsOf(primary.getMapping(), index.getMapping());
        try (TupleSorter sorter = new TupleSorter(columns.length, sortedColumns(columns), run, folder)) {
            read(primary, columns, sorter);
            pack(sorter, index);
        }
    }

    /**
     * Fills the empty {@code index} with the sorter's rows, already in the index's column order, each
     * row once however often it was added; no other transaction may write the index meanwhile.
     */
    static void pack(TupleSorter rows, TupleIndex index) {
        BPlusTree target = tree(index);
        RecordFactory factory = target.getRecordFactory();
        Iterator<Record> records = Iter.map(distinct(rows.sorted()), tuple -> record(factory, tuple));
        CoLib.executeWrite(index, () -> {
            if (!target.isEmpty())
                throw new IllegalStateException("index " + index.getName()
                        + " is not empty: only an empty index can be packed");
            BPlusTreeRewriter.packIntoBPlusTree(records, target.getParams(), factory,
                    target.getStateManager().getBufferChannel(), target.getNodeManager().getBlockMgr(),
                    target.getRecordsMgr().getBlockMgr());
        });
    }

    /** The sorted tuples without the repeats, which a B+tree, holding each key once, cannot take. */
    private static Iterator<long[]> distinct(Iterator<long[]> sorted) {
        long[][] previous = {null};
        return Iter.filter(sorted, tuple -> {
            boolean repeat = previous[0] != null && Arrays.equals(previous[0], tuple);
            previous[0] = tuple;
            return !repeat;
        });
    }

    /** Reads every row of the primary index, in a read transaction on it alone, into the sorter. */
    private static void read(TupleIndex primary, int[] columns, TupleSorter sorter) {
        TransactionCoordinator coordinator = CoLib.newCoordinator();
        CoLib.add(coordinator, primary);
        CoLib.start(coordinator);
        Transaction txn = coordinator.begin(TxnType.READ);
        try {
            long[] tuple = new long[columns.length];
            Iterator<Record> rows = tree(primary).iterator();
            while (rows.hasNext()) {
                byte[] key = rows.next().getKey();
                for (int i = 0; i < columns.length; i++)
                    tuple[i] = Bytes.getLong(key, Long.BYTES * columns[i]);
                sorter.add(tuple);
            }
        } finally {
            txn.end();
        }
    }

    private static Record record(RecordFactory factory, long[] tuple) {
        byte[] key = new byte[tuple.length * Long.BYTES];
        for (int i = 0; i < tuple.length; i++)
            Bytes.setLong(tuple[i], key, Long.BYTES * i);
        return factory.create(key);
    }

    /** How many of the index's first columns are the primary index's first: its rows come sorted on those. */
    private static int sortedColumns(int[] columns) {
        int same = 0;
        while (same < columns.length && columns[same] == same)
            same++;
        return same;
    }

    /** For each column of the index, the column of the primary index that holds the same term. */
    private static int[] columnsOf(TupleMap primary, TupleMap index) {
        int length = primary.length();
        Integer[] natural = new Integer[length];
        for (int i = 0; i < length; i++)
            natural[i] = i;
        var inPrimary = primary.map(TupleFactory.create(natural));
        var inIndex = index.map(TupleFactory.create(natural));
        int[] columns = new int[length];
        for (int i = 0; i < length; i++)
            columns[i] = inPrimary.asList().indexOf(inIndex.get(i));
        return columns;
    }

    private static BPlusTree tree(TupleIndex index) {
        return (BPlusTree) ((TupleIndexRecord) index).getRangeIndex();
    }
}
