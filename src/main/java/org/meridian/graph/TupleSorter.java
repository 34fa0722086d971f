package org.meridian.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    /** Bytes of a run written or read at a time. */
    private static final int BLOCK = 1 << 16;
    private final int width;
    private final int sortedColumns;
    private long[] buffer;
    private final int capacity;
    private int size;
    private final List<Path> runs = new ArrayList<>();
    private final List<RunReader> open = new ArrayList<>();
    private final Path folder;

    /** A sorter of tuples of {@code width} values, up to {@code capacity} of them in memory, its runs in {@code folder}. */
    public TupleSorter(int width, int capacity, Path folder) {
        this(width, 0, capacity, folder);
    }

    /**
     * As {@link #TupleSorter(int, int, Path)}, for tuples that come in order of their first
     * {@code sortedColumns} values (as an index's rows do, read in the order of another index that
     * begins with the same columns): each stretch with the same first values is sorted on its own,
     * most often a few thousand tuples that fit in the processor's caches.
     */
    public TupleSorter(int width, int sortedColumns, int capacity, Path folder) {
        this.folder = folder;
        this.width = width;
        this.sortedColumns = sortedColumns;
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
        sortBuffer();
        if (runs.isEmpty())
            return new InMemory();
        if (size > 0)
            writeRun();
        return new Merge();
    }

    @Override
    public void close() {
        for (RunReader reader : open)
            try {
                reader.close();
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
        sortBuffer();
        writeRun();
    }

    private void writeRun() {
        try {
            Path run = Files.createTempFile(folder, "meridian-sort-", ".run");
            runs.add(run);
            try (FileChannel out = FileChannel.open(run, StandardOpenOption.WRITE)) {
                ByteBuffer block = ByteBuffer.allocateDirect(BLOCK).order(ByteOrder.nativeOrder());
                for (int i = 0; i < size * width; i++) {
                    if (!block.hasRemaining())
                        drain(block, out);
                    block.putLong(buffer[i]);
                }
                drain(block, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sorted rows to a temporary file in " + folder, e);
        }
        size = 0;
    }

    private static void drain(ByteBuffer block, FileChannel out) throws IOException {
        block.flip();
        while (block.hasRemaining())
            out.write(block);
        block.clear();
    }

    /**
     * Sorts the buffer's tuples in place, each stretch of equal first {@code sortedColumns} values on
     * its own: a merge sort that moves whole tuples, so that it reads and writes memory in order.
     * Sorting their positions instead, comparing through them, read the tuples at random and was two
     * thirds of a sort's time.
     */
    private void sortBuffer() {
        long[] scratch = Arrays.copyOf(buffer, size * width);
        for (int from = 0, to = 1; to <= size; to++) {
            if (to == size || !samePrefix(to - 1, to)) {
                mergeSort(buffer, scratch, from, to);
                from = to;
            }
        }
    }

    /**
     * Sorts tuples {@code [from, to)} of {@code a}, where {@code b} holds the same tuples, using
     * {@code b} as scratch. Two halves already in order are joined after one comparison.
     */
    private void mergeSort(long[] a, long[] b, int from, int to) {
        if (to - from < 2)
            return;
        int middle = (from + to) >>> 1;
        mergeSort(b, a, from, middle);
        mergeSort(b, a, middle, to);
        if (compare(b, middle - 1, b, middle) <= 0) {
            System.arraycopy(b, from * width, a, from * width, (to - from) * width);
            return;
        }
        int left = from, right = middle;
        for (int i = from * width; i < to * width; i += width) {
            int next = right >= to || left < middle && compare(b, left, b, right) <= 0 ? left++ : right++;
            System.arraycopy(b, next * width, a, i, width);
        }
    }

    private boolean samePrefix(int i, int j) {
        for (int column = 0; column < sortedColumns; column++)
            if (buffer[i * width + column] != buffer[j * width + column])
                return false;
        return true;
    }

    private int compare(long[] x, int i, long[] y, int j) {
        for (int column = 0; column < width; column++) {
            int c = Long.compareUnsigned(x[i * width + column], y[j * width + column]);
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
        private int next;

        @Override
        public boolean hasNext() {
            return next < size;
        }

        @Override
        public long[] next() {
            if (!hasNext())
                throw new NoSuchElementException();
            long[] tuple = new long[width];
            System.arraycopy(buffer, next++ * width, tuple, 0, width);
            return tuple;
        }
    }

    /** The runs read side by side, taking the smallest head each time. */
    private final class Merge implements Iterator<long[]> {
        private record Head(long[] tuple, RunReader run) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> compare(a.tuple, b.tuple));

        Merge() {
            try {
                for (Path run : runs) {
                    RunReader reader = new RunReader(FileChannel.open(run, StandardOpenOption.READ));
                    open.add(reader);
                    advance(reader);
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
            advance(head.run);
            return head.tuple;
        }

        private void advance(RunReader run) {
            long[] tuple = run.next();
            if (tuple != null)
                heads.add(new Head(tuple, run));
        }
    }

    /**
     * One run read back a block at a time: whole tuples from a buffer outside the heap, where writing
     * and reading them a value at a time through Java's data streams (a lock taken per value) was about
     * two fifths of packing an index at 10M triples.
     */
    private final class RunReader implements AutoCloseable {
        private final FileChannel in;
        private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK).order(ByteOrder.nativeOrder()).limit(0);

        RunReader(FileChannel in) {
            this.in = in;
        }

        /** The next tuple, or null at the end of the run. */
        long[] next() {
            if (block.remaining() < width * Long.BYTES && !refill())
                return null;
            long[] tuple = new long[width];
            for (int column = 0; column < width; column++)
                tuple[column] = block.getLong();
            return tuple;
        }

        private boolean refill() {
            try {
                block.compact();
                while (block.position() < width * Long.BYTES && in.read(block) >= 0) {
                    // A read may return fewer bytes than a tuple; read until one is whole or the run ends.
                }
                block.flip();
                return block.remaining() >= width * Long.BYTES;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read back the sorted rows written to " + folder, e);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
