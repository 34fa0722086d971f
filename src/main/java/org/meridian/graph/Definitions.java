package org.meridian.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.UUID;

import org.apache.jena.graph.Node;

/**
 * Notices nodes that two rows define (give a type) in the same graph: one fact written twice.
 * Its memory does not grow with the tables: it keeps a 64-bit digest of each (graph, node) a row
 * defines in a buffer of fixed size, sorted and written to a temporary file whenever it fills.
 * Once the tables are read, a merge of those sorted runs finds the digests that two rows gave;
 * which nodes and rows they are, a second pass over the tables finds, only when there are any.
 */
final class Definitions implements AutoCloseable {
    /** 8 MB of digests; a build defining more nodes than this spills sorted runs to disk. */
    static final int CAPACITY = 1 << 20;

    private final TupleSorter digests;
    private final long[] digest = new long[1];
    private final Set<Long> thisRow = new HashSet<>();
    private long currentRow = -1;

    Definitions() {
        this(CAPACITY);
    }

    Definitions(int capacity) {
        this.digests = new TupleSorter(1, capacity, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Notes that row {@code row} (a number unique across the build, rising) types {@code subject} in {@code graph}. */
    void define(long row, Node graph, Node subject) {
        if (row != currentRow) {
            thisRow.clear();
            currentRow = row;
        }
        long key = digest(graph, subject);
        // One row may give its node several types; only another row's typing is a second definition.
        if (!thisRow.add(key))
            return;
        digest[0] = key;
        digests.add(digest);
    }

    /** The digests of the (graph, node) pairs that more than one row defined, found as equal neighbours in sorted order. */
    Set<Long> repeated() {
        Set<Long> repeated = new HashSet<>();
        Iterator<long[]> sorted = digests.sorted();
        boolean any = false;
        long previous = 0;
        while (sorted.hasNext()) {
            long next = sorted.next()[0];
            if (any && next == previous)
                repeated.add(next);
            previous = next;
            any = true;
        }
        return repeated;
    }

    static long digest(Node graph, Node subject) {
        byte[] bytes = (graph.toString() + " " + subject.toString()).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(bytes).getMostSignificantBits();
    }

    /** How many sorted runs went to disk: for tests that the bound holds. */
    int spilled() {
        return digests.spilled();
    }

    @Override
    public void close() {
        digests.close();
    }
}
