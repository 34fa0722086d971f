package org.meridian.store;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;

/**
 * The ids a load gives its nodes, and the nodes it added first, up to a number, to put into TDB2's
 * node caches once the load has committed.
 * <p>
 * TDB2 keeps what a write transaction adds to its node caches in a buffer of about 1,000 entries and
 * puts only that buffer into the caches at commit. A load in one write transaction therefore leaves
 * the caches nearly empty, and the checks that follow read each term they meet from the node file.
 * This keeps the first nodes the load adds, with their ids, and after the commit hands them to the
 * caches ({@link #fillCaches}). It is bounded, so memory does not grow with the input. While the load
 * runs it is also where a node's id is looked up first: a node met again, most often one of the first
 * (the predicates, the classes, the graphs and the entities most referred to), costs no hashing and
 * no search of TDB2's node index. Other nodes go to {@link NodeWriter}. It keeps the first nodes, not
 * the latest: a ring of the latest lets nodes age and die after surviving several collections, and
 * made the first phase of lab loads at 10M slower (82–101 s against 78–93 s).
 */
final class FirstNodeIds {
    private final NodeTable nodes;
    private final NodeWriter writer;
    private final int capacity;
    private final Map<Node, NodeId> kept = new HashMap<>();

    /** @param capacity nodes kept, at most; a size of TDB2's own node cache fits */
    FirstNodeIds(NodeTable nodes, int capacity) {
        this.nodes = nodes;
        this.writer = new NodeWriter(nodes);
        this.capacity = capacity;
    }

    /** The id of {@code node}, allocated if it has none yet; inside the load's write transaction. */
    NodeId idOf(Node node) {
        NodeId id = kept.get(node);
        if (id != null)
            return id;
        id = writer.allocate(node);
        if (id.isPtr() && kept.size() < capacity) // numbers and dates are their own ids
            kept.put(node, id);
        return id;
    }

    /**
     * Puts every remembered node into TDB2's node caches, then forgets them. Run in a read transaction
     * after the commit: TDB2 finds each node's id in its node index (no read of the node file) and
     * caches the node both ways, so the checks that follow decode these terms from memory.
     */
    void fillCaches() {
        kept.forEach((node, id) -> {
            nodes.getNodeIdForNode(node);
            // TDB2 keeps the two directions in two buffers, whose last thousand entries need not be
            // the same nodes: a node found by the first lookup can be missing from the other cache.
            nodes.getNodeForNodeId(id);
        });
        clear();
    }

    /** Forgets every remembered node. */
    void clear() {
        kept.clear();
    }
}
