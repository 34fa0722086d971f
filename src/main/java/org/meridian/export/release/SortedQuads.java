package org.meridian.export.release;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.apache.jena.atlas.data.BagFactory;
import org.apache.jena.atlas.data.SerializationFactory;
import org.apache.jena.atlas.data.SortedDataBag;
import org.apache.jena.atlas.data.ThresholdPolicyFactory;
import org.apache.jena.atlas.lib.Sink;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

/**
 * Quads in one stable order: by named graph, then by their N-Quads text (subject, predicate,
 * object). Sorting spills to temporary files past a fixed number of quads, so memory stays flat
 * however large the dataset. Each entry is the graph's N-Triples form, a space, and the quad's
 * N-Quads line; a graph's quads are therefore contiguous.
 */
public final class SortedQuads implements AutoCloseable {
    private static final long IN_MEMORY = 100_000;

    private final SortedDataBag<String> bag = BagFactory.newSortedBag(
            ThresholdPolicyFactory.count(IN_MEMORY), new LinesSerialization(), String::compareTo);

    public void add(Quad quad) {
        String graph = quad.isDefaultGraph() ? "" : NodeFmtLib.strNT(quad.getGraph());
        bag.add(graph + " " + NodeFmtLib.strNQ(quad));
    }

    /** The entries in order; read them once, then close this. */
    public Iterator<Entry> entries() {
        Iterator<String> keys = bag.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return keys.hasNext();
            }

            @Override
            public Entry next() {
                String key = keys.next();
                int space = key.indexOf(' ');
                return new Entry(key.substring(0, space), key.substring(space + 1));
            }
        };
    }

    @Override
    public void close() {
        bag.close();
    }

    /** One quad: its graph in N-Triples form ("" for the default graph) and its N-Quads line. */
    public record Entry(String graph, String line) {
        /** The line without its graph: the triple as N-Triples. */
        public String triple() {
            return graph.isEmpty() ? line : line.substring(0, line.length() - graph.length() - 3) + " .";
        }
    }

    /** Spill files hold one entry per line; N-Quads lines never contain a raw line break. */
    private static final class LinesSerialization implements SerializationFactory<String> {
        @Override
        public Sink<String> createSerializer(OutputStream out) {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return new Sink<>() {
                @Override
                public void send(String item) {
                    try {
                        writer.write(item);
                        writer.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void flush() {
                    try {
                        writer.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public void close() {
                    try {
                        writer.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
        }

        @Override
        public Iterator<String> createDeserializer(InputStream in) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Iterator<>() {
                private String next = read();

                private String read() {
                    try {
                        return reader.readLine();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public String next() {
                    if (next == null)
                        throw new NoSuchElementException();
                    String current = next;
                    next = read();
                    return current;
                }
            };
        }
    }
}
