package org.meridian.store;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.thrift.ThriftConvert;
import org.apache.jena.riot.thrift.wire.RDF_Term;
import org.apache.jena.tdb2.TDBException;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
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
 * from memory instead of with a system call per field. TDB2 decodes a term straight from the
 * file, and its encoding asks for a byte or a few at a time, each a seek and a read (8 to 16 system
 * calls per term, under the node table's lock); a scan that meets a million terms not in the cache
 * spent a third of its time in them. This copies a block at the term's position out of the node
 * file, mapped into memory ({@link #of}), and decodes it with TDB2's own codec; without the mapping
 * it reads the block through TDB2's file object, one seek and one read. It does not add what it
 * reads to TDB2's cache. A node table for reading only, by one thread, inside a read transaction.
 * <p>
 * The mapping covers the node file as it was when the reader was made, which TDB2 only ever
 * appends to; a term beyond it, as any term when the file is not where TDB2 puts it, is read
 * through the file object.
 */
final class NodeReader extends NodeTableWrapper {
    private static final int FIRST_READ = 512;

    private final NodeTableCache cache;
    private final BinaryDataFile file;
    private final TMemoryInputTransport input;
    private final TProtocol protocol;
    private final MappedFile mapped;
    private byte[] block = new byte[FIRST_READ];

    /** A reader of the quads' node table of {@code dataset}, with the table's node file mapped into memory. */
    static NodeReader of(DatasetGraphTDB dataset) {
        StoreParams params = dataset.getStoreParams();
        Path nodeFile = Path.of(dataset.getLocation().getDirectoryPath(), // named as TDB2's storage builder names it
                params.getNodeTableBaseName() + "-data." + Names.extObjNodeData);
        return new NodeReader(dataset.getQuadTable().getNodeTupleTable().getNodeTable(), nodeFile);
    }

    /**
     * @param nodes    a TDB2 node table: its cache, if any, is asked first, and its data file read directly
     * @param nodeFile the node table's data file, to map into memory; null to read it through TDB2's file object
     */
    NodeReader(NodeTable nodes, Path nodeFile) {
        super(nodes);
        this.cache = layer(nodes, NodeTableCache.class);
        NodeTableTRDF data = layer(nodes, NodeTableTRDF.class);
        this.file = data == null ? null : data.getData();
        this.mapped = file == null || nodeFile == null ? MappedFile.NONE : MappedFile.map(nodeFile, file.length());
        try {
            this.input = new TMemoryInputTransport(block);
        } catch (TTransportException e) {
            throw new TDBException("NodeReader", e);
        }
        this.protocol = new TCompactProtocol(input);
    }

    /** Whether terms are copied from the mapped node file rather than read through TDB2's file object. */
    boolean isMapped() {
        return mapped != MappedFile.NONE;
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
            int length = mapped.read(position, block);
            if (length < 0)
                length = file.read(position, block, 0, block.length);
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

    /**
     * The first {@code length} bytes of a node file, mapped read-only in segments of at most 1 GiB,
     * each reaching 1 MiB into the next, so a term that starts in one segment is whole in it.
     */
    private record MappedFile(MappedByteBuffer[] segments, long length) {
        static final MappedFile NONE = new MappedFile(new MappedByteBuffer[0], 0);
        private static final int SEGMENT_BITS = 30;
        private static final long OVERLAP = 1 << 20;

        /** The file mapped up to {@code length}, or {@link #NONE} when it is shorter than that (not the node table's file). */
        static MappedFile map(Path file, long length) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                if (length == 0 || channel.size() < length)
                    return NONE;
                MappedByteBuffer[] segments = new MappedByteBuffer[(int) ((length - 1) >> SEGMENT_BITS) + 1];
                for (int i = 0; i < segments.length; i++) {
                    long start = (long) i << SEGMENT_BITS;
                    segments[i] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(length - start, (1L << SEGMENT_BITS) + OVERLAP));
                }
                return new MappedFile(segments, length);
            } catch (IOException e) {
                return NONE; // no file where TDB2 keeps it: read through TDB2's file object
            }
        }

        /**
         * Copies up to {@code into.length} bytes from {@code position}, fewer only where the mapped file
         * ends; -1 when the bytes are not all mapped (beyond the mapping, or across a segment's end).
         */
        int read(long position, byte[] into) {
            if (position >= length)
                return -1;
            MappedByteBuffer segment = segments[(int) (position >> SEGMENT_BITS)];
            int offset = (int) (position & ((1L << SEGMENT_BITS) - 1));
            int count = Math.min(into.length, segment.limit() - offset);
            if (count < into.length && position + count < length)
                return -1;
            segment.get(offset, into, 0, count);
            return count;
        }
    }
}
