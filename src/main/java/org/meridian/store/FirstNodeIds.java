package org.meridian.store;

import java.util.Arrays;

import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * The nodes a load added to TDB2's node table, up to a number, with their ids, to put into TDB2's
 * node caches once the load has committed.
 * <p>
 * TDB2 keeps what a write transaction adds to its node caches in a buffer of about 1,000 entries and
 * puts only that buffer into the caches at commit. A load in one write transaction therefore leaves
 * the caches nearly empty, and the checks that follow read each term they meet from the node file
 * (a seek and a read each, under the node table's lock). This keeps the first nodes the load adds
 * and, after the commit, hands them to the caches ({@link #fillCaches}). It is bounded, so memory
 * does not grow with the input, and cheap on the load's path: a node is new when its id lies beyond
 * every id given out before (TDB2 appends to the node file), and only new nodes go in, without any
 * lookup. It keeps the first nodes, not the latest: a ring of the latest lets nodes age and die
 * after surviving several collections, and made the first phase of lab loads at 10M slower (82–101 s
 * against 78–93 s).
 */
final class FirstNodeIds {
    private final NodeTable nodes;
    private final Node[] kept;
    private final NodeId[] ids;
    private int count;
    private long furthest = -1;

    /** @param capacity nodes kept, at most; a size of TDB2's own node cache fits */
    FirstNodeIds(NodeTable nodes, int capacity) {
        this.nodes = nodes;
        this.kept = new Node[capacity];
        this.ids = new NodeId[capacity];
    }

    /** The id of {@code node}, allocated if it has none yet; inside the load's write transaction. */
    NodeId idOf(Node node) {
        NodeId id = nodes.getAllocateNodeId(node);
        if (count < kept.length && id.isPtr() && id.getPtrLocation() > furthest) { // numbers and dates are their own ids
            furthest = id.getPtrLocation();
            kept[count] = node;
            ids[count] = id;
            count++;
        }
        return id;
    }

    /**
     * Puts every remembered node into TDB2's node caches, then forgets them. Run in a read transaction
     * after the commit: TDB2 finds each node's id in its node index (no read of the node file) and
     * caches the node both ways, so the checks that follow decode these terms from memory.
     */
    void fillCaches() {
        for (int i = 0; i < count; i++) {
            nodes.getNodeIdForNode(kept[i]);
            // TDB2 keeps the two directions in two buffers, whose last thousand entries need not be
            // the same nodes: a node found by the first lookup can be missing from the other cache.
            nodes.getNodeForNodeId(ids[i]);
        }
        clear();
    }

    /** Forgets every remembered node. */
    void clear() {
        Arrays.fill(kept, null);
        Arrays.fill(ids, null);
        count = 0;
    }
}
