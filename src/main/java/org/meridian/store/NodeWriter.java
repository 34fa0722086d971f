package org.meridian.store;

import java.io.ByteArrayOutputStream;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.index.Index;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.TRDF;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.lib.NodeLib;
import org.apache.jena.tdb2.store.Hash;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdFactory;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.thrift.TException;
import org.apache.thrift.protocol.TProtocol;
import org.apache.thrift.transport.TIOStreamTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * Gives nodes their ids as TDB2's node table does, but writes each new term to the node file in one
 * write. TDB2 encodes a new term straight into its node file, a field or a few bytes at a time, and
 * the file's write buffer asks the file for its length before each of those writes: one system call
 * ({@code fstat}) per piece, about seven per term, a quarter of a 10M load's storing thread. This
 * encodes the term in memory with TDB2's own codec and hands the file all of it at once; the id is,
 * as in TDB2, where the term starts in the file, and the node index (hash to id) is TDB2's own.
 * It does not go through TDB2's node cache, which a load in one write transaction barely fills
 * (see {@link FirstNodeIds}). For one thread, inside a write transaction.
 */
final class NodeWriter {
    private final NodeTableTRDF table;
    private final Index index;
    private final BinaryDataFile file;
    private final ByteArrayOutputStream encoded = new ByteArrayOutputStream(512);
    private final TProtocol protocol;

    /** @param nodes a TDB2 node table, whose node index and node file this writes to */
    NodeWriter(NodeTable nodes) {
        this.table = NodeReader.layer(nodes, NodeTableTRDF.class);
        if (table == null)
            throw new IllegalArgumentException("not a TDB2 node table: " + nodes);
        this.index = table.getIndex();
        this.file = table.getData();
        try {
            this.protocol = TRDF.protocol(new TIOStreamTransport(encoded));
        } catch (TTransportException e) {
            throw new TDBException("NodeWriter", e);
        }
    }

    /** The id of {@code node}, written to the node table if it has none yet. */
    NodeId allocate(Node node) {
        NodeId inline = NodeId.inline(node); // numbers and dates are their own ids
        if (inline != null)
            return inline;
        Hash hash = new Hash(index.getRecordFactory().keyLength());
        NodeLib.setHash(hash, node);
        Record record = index.getRecordFactory().create(hash.getBytes());
        synchronized (table) { // TDB2's own lock on the node table, which its readers take
            Record found = index.find(record);
            if (found != null)
                return NodeIdFactory.get(found.getValue(), 0);
            NodeId id = NodeIdFactory.createPtr(write(node));
            NodeIdFactory.set(id, record.getValue(), 0);
            if (!index.insert(record))
                throw new TDBException("NodeWriter: the node index already holds " + node);
            return id;
        }
    }

    /** Appends the term to the node file; returns where it starts. */
    private long write(Node node) {
        encoded.reset();
        try {
            ThriftConvert.convert(node, true).write(protocol);
        } catch (TException e) {
            throw new TDBException("NodeWriter: cannot encode " + node, e);
        }
        return file.write(encoded.toByteArray(), 0, encoded.size());
    }
}
