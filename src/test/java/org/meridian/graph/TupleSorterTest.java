package org.meridian.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tuples come out in unsigned order, column by column, whether sorted in memory or merged from disk. */
class TupleSorterTest {
    @TempDir
    Path temp;

    @Test
    void tuplesThatFitComeOutSortedWithoutTouchingTheDisk() throws IOException {
        assertSorts(1_000, 1_000, 0);
    }

    @Test
    void tuplesBeyondTheBufferAreMergedFromSortedRuns() throws IOException {
        assertSorts(1_000, 64, 16);
    }

    @Test
    void theBufferGrowsAsTuplesComeUpToItsCapacity() throws IOException {
        assertSorts(9_000, 10_000, 0);
        assertSorts(20_000, 10_000, 2);
    }

    @Test
    void tuplesInOrderOfTheirFirstColumnAreSortedStretchByStretch() throws IOException {
        assertSorts(1_000, 1_000, 0, 1);
        assertSorts(1_000, 64, 16, 1);
        assertSorts(1_000, 64, 16, 2);
    }

    @Test
    void nothingAddedGivesNothing() {
        try (TupleSorter sorter = new TupleSorter(4, 8, temp)) {
            assertFalse(sorter.sorted().hasNext());
        }
    }

    private void assertSorts(int count, int capacity, int spills) throws IOException {
        assertSorts(count, capacity, spills, 0);
    }

    /** With {@code sortedColumns}, the tuples are added in order of that many first columns, as the sorter is told. */
    private void assertSorts(int count, int capacity, int spills, int sortedColumns) throws IOException {
        Random random = new Random(7);
        List<long[]> tuples = new ArrayList<>();
        for (int i = 0; i < count; i++)
            // Few distinct values per column, so ties go on to the next column; negative ones are large unsigned.
            tuples.add(new long[] {random.nextInt(5) - 2L, random.nextInt(3) * Long.MIN_VALUE / 2, random.nextLong(), i % 2});
        tuples.sort((x, y) -> Arrays.compareUnsigned(x, 0, sortedColumns, y, 0, sortedColumns));
        try (TupleSorter sorter = new TupleSorter(4, sortedColumns, capacity, temp)) {
            tuples.forEach(sorter::add);
            tuples.sort(Arrays::compareUnsigned);
            Iterator<long[]> sorted = sorter.sorted();
            assertEquals(spills, sorter.spilled());
            for (long[] tuple : tuples)
                assertArrayEquals(tuple, sorted.next());
            assertFalse(sorted.hasNext());
            try (Stream<Path> runs = Files.list(temp)) {
                assertEquals(spills, runs.count(), "the runs are in the folder given");
            }
        }
        try (Stream<Path> runs = Files.list(temp)) {
            assertEquals(0, runs.count(), "closing the sorter deletes its runs");
        }
    }
}
