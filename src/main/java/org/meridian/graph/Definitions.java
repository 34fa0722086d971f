package org.meridian.graph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
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

    private final long[] buffer;
    private int size;
    private final List<Path> runs = new ArrayList<>();
    private final Set<Long> thisRow = new HashSet<>();
    private long currentRow = -1;

    Definitions() {
        this(CAPACITY);
    }

    Definitions(int capacity) {
        this.buffer = new long[capacity];
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
        if (size == buffer.length)
            spill();
        buffer[size++] = key;
    }

    /** The digests of the (graph, node) pairs that more than one row defined. */
    Set<Long> repeated() {
        Set<Long> repeated = new HashSet<>();
        Arrays.sort(buffer, 0, size);
        if (runs.isEmpty()) {
            for (int i = 1; i < size; i++)
                if (buffer[i] == buffer[i - 1])
                    repeated.add(buffer[i]);
            return repeated;
        }
        spill();
        mergeRuns(repeated);
        return repeated;
    }

    static long digest(Node graph, Node subject) {
        byte[] bytes = (graph.toString() + " " + subject.toString()).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(bytes).getMostSignificantBits();
    }

    /** How many sorted runs went to disk: for tests that the bound holds. */
    int spilled() {
        return runs.size();
    }

    @Override
    public void close() {
        for (Path run : runs)
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // A leftover temporary file is harmless; the build's outcome does not depend on it.
            }
        runs.clear();
    }

    private void spill() {
        Arrays.sort(buffer, 0, size);
        try {
            Path run = Files.createTempFile("meridian-definitions-", ".run");
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run)))) {
                for (int i = 0; i < size; i++)
                    out.writeLong(buffer[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the definitions seen so far to a temporary file", e);
        }
        size = 0;
    }

    /** Reads the sorted runs side by side, smallest digest first, noting each digest seen twice in a row. */
    private void mergeRuns(Set<Long> repeated) {
        List<DataInputStream> inputs = new ArrayList<>();
        // Each entry: the digest, then the index of the run it came from.
        PriorityQueue<long[]> heads = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
        try {
            for (Path run : runs) {
                inputs.add(new DataInputStream(new BufferedInputStream(Files.newInputStream(run))));
                advance(inputs, inputs.size() - 1, heads);
            }
            boolean any = false;
            long previous = 0;
            while (!heads.isEmpty()) {
                long[] head = heads.poll();
                if (any && head[0] == previous)
                    repeated.add(head[0]);
                previous = head[0];
                any = true;
                advance(inputs, (int) head[1], heads);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the definitions written to a temporary file", e);
        } finally {
            for (DataInputStream input : inputs)
                try {
                    input.close();
                } catch (IOException e) {
                    // Read to the end already, or failing anyway.
                }
        }
    }

    private static void advance(List<DataInputStream> inputs, int index, PriorityQueue<long[]> heads) throws IOException {
        try {
            heads.add(new long[] {inputs.get(index).readLong(), index});
        } catch (EOFException e) {
            // This run is done.
        }
    }
}
