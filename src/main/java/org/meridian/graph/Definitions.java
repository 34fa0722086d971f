package org.meridian.graph;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.apache.jena.graph.Node;

/**
 * Notices a node that two rows define (give a type) in the same graph: one fact written twice.
 * It keeps a 64-bit digest of each (graph, node) rather than the nodes themselves, so its memory
 * stays small beside the build; where the earlier row is, {@link Origins} finds when asked.
 */
final class Definitions {
    private final Set<Long> seen = new HashSet<>();
    private final Set<Long> thisRow = new HashSet<>();
    private long currentRow = -1;

    /**
     * Notes that row {@code row} (a number unique across the build) types {@code subject} in {@code graph}.
     * @return whether another row already did
     */
    boolean definedBefore(long row, Node graph, Node subject) {
        if (row != currentRow) {
            thisRow.clear();
            currentRow = row;
        }
        long key = digest(graph, subject);
        // One row may give its node several types; only another row's typing is a second definition.
        if (!thisRow.add(key))
            return false;
        return !seen.add(key);
    }

    private static long digest(Node graph, Node subject) {
        byte[] bytes = (graph.toString() + " " + subject.toString()).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(bytes).getMostSignificantBits();
    }
}
