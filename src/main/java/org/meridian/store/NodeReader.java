package org.meridian.store;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableCache;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.store.nodetable.NodeTableWrapper;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TCompactProtocol;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TMemoryInputTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Turns node ids into terms as TDB2's node table does, but reads a term missing from TDB2's cache
 * with one read of its node file instead of one per field. TDB2 decodes a term straight from the
 * file, and its encoding asks for a byte or a few at a time, each a seek and a read (8 to 16 system
 * calls per term, under the node table's lock); a scan that meets a million terms not in the cache
 * spent a third of its time in them. This reads a block at the term's position through the same
 * file and decodes it in memory, with TDB2's own codec; it does not add what it reads to TDB2's cache.
 * A node table for reading only, by one thread, inside a read transaction.
 */
final class NodeReader extends NodeTableWrapper {
    private static final int FIRST_READ = 512;

    private final NodeTableCache cache;
    private final BinaryDataFile file;
    private final TMemoryInputTransport input;
    private final TProtocol protocol;
    private byte[] block = new byte[FIRST_READ];

    /** @param nodes a TDB2 node table: its cache, if any, is asked first, and its data file read directly */
    NodeReader(NodeTable nodes) {
        super(nodes);
        this.cache = layer(nodes, NodeTableCache.class);
        NodeTableTRDF data = layer(nodes, NodeTableTRDF.class);
        this.file = data == null ? null : data.getData();
        try {
            this.input = new TMemoryInputTransport(block);
        } catch (TTransportException e) {
            throw new TDBException("NodeReader", e);
        }
        this.protocol = new TCompactProtocol(input);
    }

    /** The layer of TDB2's stack of node tables (inline values, cache, file) that is a {@code kind}, or null. */
    static <T extends NodeTable> T layer(NodeTable nodes, Class<T> kind) {
        for (NodeTable table = nodes; table != null; table = table.wrapped() == table ? null : table.wrapped())
            if (kind.isInstance(table))
                return kind.cast(table);
        return null;
    }

    /** The term of {@code id}, as the node table gives it. */
    @Override
    public Node getNodeForNodeId(NodeId id) {
        if (file == null || !id.isPtr())
            return super.getNodeForNodeId(id); // numbers and dates are their own ids; nothing to read
        Node cached = cache == null ? null : cache.getNodeForNodeIdCache(id);
        return cached != null ? cached : read(id.getPtrLocation());
    }

    private Node read(long position) {
        while (true) {
            int length = file.read(position, block, 0, block.length);
            input.reset(block, 0, Math.max(length, 0));
            protocol.reset();
            try {
                RDF_Term term = new RDF_Term();
                term.read(protocol);
                return ThriftConvert.convert(term);
            } catch (TTransportException e) {
                if (length < block.length) // the file ended inside the term
                    throw new TDBException("NodeReader: no whole term at " + position, e);
                block = new byte[block.length * 4]; // a long literal: read again, more at once
            } catch (TException e) {
                throw new TDBException("NodeReader: cannot decode the term at " + position, e);
            }
        }
    }
}
