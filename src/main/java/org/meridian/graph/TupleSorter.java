package org.meridian.graph;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts tuples of a fixed number of 64-bit values, compared column by column as unsigned numbers
 * (the order of their big-endian bytes, which is a B+tree's order), in memory that does not grow
 * with their number: a buffer of bounded size is sorted and written to a temporary file whenever it
 * fills, and {@link #sorted} merges those runs. A sorter that never filled its buffer stays in memory,
 * and its buffer grows as tuples come, so a sorter that gets few costs little.
 * The runs go to a folder the caller names. The build sorts this way the digests of the nodes its
 * rows define ({@link Definitions}) and the rows of each index it packs.
 */
public final class TupleSorter implements AutoCloseable {
    private static final int FIRST_BUFFER = 1 << 12;
    private final int width;
    private long[] buffer;
    private final int capacity;
    private int size;
    private final List<Path> runs = new ArrayList<>();
    private final List<DataInputStream> open = new ArrayList<>();
    private final Path folder;

    /** A sorter of tuples of {@code width} values, up to {@code capacity} of them in memory, its runs in {@code folder}. */
    public TupleSorter(int width, int capacity, Path folder) {
        this.folder = folder;
        this.width = width;
        this.capacity = capacity;
        this.buffer = new long[width * Math.min(capacity, FIRST_BUFFER)];
    }

    /** Adds a copy of the tuple. */
    public void add(long[] tuple) {
        if (size == capacity)
            spill();
        else if (size * width == buffer.length)
            buffer = Arrays.copyOf(buffer, Math.min(capacity, 2 * size) * width);
        System.arraycopy(tuple, 0, buffer, size * width, width);
        size++;
    }

    /** How many sorted runs went to disk: for tests that the bound holds. */
    int spilled() {
        return runs.size();
    }

    /** Every tuple added, smallest first; once only, and nothing may be added after. */
    public Iterator<long[]> sorted() {
        int[] order = sortBuffer();
        if (runs.isEmpty())
            return new InMemory(order);
        if (size > 0)
            writeRun(order);
        return new Merge();
    }

    @Override
    public void close() {
        for (DataInputStream input : open)
            try {
                input.close();
            } catch (IOException e) {
                // Read to the end already, or failing anyway.
            }
        for (Path run : runs)
            try {
                Files.deleteIfExists(run);
            } catch (IOException e) {
                // A leftover temporary file is harmless; the build does not depend on it.
            }
        runs.clear();
    }

    private void spill() {
        writeRun(sortBuffer());
    }

    private void writeRun(int[] order) {
        try {
            Path run = Files.createTempFile(folder, "meridian-sort-", ".run");
            runs.add(run);
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                for (int i = 0; i < size; i++)
                    for (int column = 0; column < width; column++)
                        out.writeLong(buffer[order[i] * width + column]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sorted rows to a temporary file in " + folder, e);
        }
        size = 0;
    }

    /** The positions of the buffer's tuples in sorted order (a merge sort, fast on sorted stretches). */
    private int[] sortBuffer() {
        int[] order = new int[size];
        for (int i = 0; i < size; i++)
            order[i] = i;
        mergeSort(order, order.clone(), 0, size);
        return order;
    }

    /** Sorts {@code a[from, to)}, using {@code b}, which holds the same positions there, as scratch. */
    private void mergeSort(int[] a, int[] b, int from, int to) {
        if (to - from < 2)
            return;
        int middle = (from + to) >>> 1;
        mergeSort(b, a, from, middle);
        mergeSort(b, a, middle, to);
        if (compare(b[middle - 1], b[middle]) <= 0) {
            System.arraycopy(b, from, a, from, to - from);
            return;
        }
        for (int i = from, left = from, right = middle; i < to; i++)
            a[i] = right >= to || left < middle && compare(b[left], b[right]) <= 0 ? b[left++] : b[right++];
    }

    private int compare(int x, int y) {
        for (int column = 0; column < width; column++) {
            int c = Long.compareUnsigned(buffer[x * width + column], buffer[y * width + column]);
            if (c != 0)
                return c;
        }
        return 0;
    }

    private static int compare(long[] x, long[] y) {
        for (int column = 0; column < x.length; column++) {
            int c = Long.compareUnsigned(x[column], y[column]);
            if (c != 0)
                return c;
        }
        return 0;
    }

    private final class InMemory implements Iterator<long[]> {
        private final int[] order;
        private int next;

        InMemory(int[] order) {
            this.order = order;
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public long[] next() {
            if (!hasNext())
                throw new NoSuchElementException();
            long[] tuple = new long[width];
            System.arraycopy(buffer, order[next++] * width, tuple, 0, width);
            return tuple;
        }
    }

    /** The runs read side by side, taking the smallest head each time. */
    private final class Merge implements Iterator<long[]> {
        private record Head(long[] tuple, DataInputStream input) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> compare(a.tuple, b.tuple));

        Merge() {
            try {
                for (Path run : runs) {
                    DataInputStream input = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), 1 << 16));
                    open.add(input);
                    advance(input);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back the sorted rows written to " + folder, e);
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public long[] next() {
            Head head = heads.poll();
            if (head == null)
                throw new NoSuchElementException();
            advance(head.input);
            return head.tuple;
        }

        private void advance(DataInputStream input) {
            long[] tuple = new long[width];
            try {
                tuple[0] = input.readLong();
            } catch (EOFException end) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back the sorted rows written to " + folder, e);
            }
            try {
                for (int column = 1; column < width; column++)
                    tuple[column] = input.readLong();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back the sorted rows written to " + folder, e);
            }
            heads.add(new Head(tuple, input));
        }
    }
}
