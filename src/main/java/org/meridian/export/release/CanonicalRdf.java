package org.meridian.export.release;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The dataset as canonical N-Quads: blank nodes labelled by {@link BlankNodeLabels}, quads in the
 * order of {@link SortedQuads}. The same data always gives the same bytes. Other syntaxes of a
 * release are written by reading this form back, so they inherit its order.
 */
public final class CanonicalRdf {
    private CanonicalRdf() {}

    /** Writes {@code dataset} (inside the caller's read transaction) as canonical N-Quads. */
    public static void writeNQuads(DatasetGraph dataset, OutputStream out) {
        try (SortedQuads sorted = sort(dataset)) {
            for (var entries = sorted.entries(); entries.hasNext(); ) {
                try {
                    out.write(entries.next().line().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** The dataset's quads with canonical blank node labels, sorted; the caller closes the result. */
    public static SortedQuads sort(DatasetGraph dataset) {
        BlankNodeLabels labels = new BlankNodeLabels(dataset);
        SortedQuads sorted = new SortedQuads();
        dataset.find().forEachRemaining(quad -> sorted.add(labels.relabel(quad)));
        return sorted;
    }

    /**
     * Streams an N-Quads file (gzip if its name ends in {@code .gz}) to {@code sink} in file order,
     * keeping its blank node labels so the output's are as stable as the input's.
     */
    public static void read(Path nquads, StreamRDF sink) {
        try (InputStream file = Files.newInputStream(nquads);
             InputStream in = nquads.getFileName().toString().endsWith(".gz")
                     ? new GZIPInputStream(file, 1 << 16) : new BufferedInputStream(file, 1 << 16)) {
            read(in, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #read(Path, StreamRDF)}, from a stream of plain N-Quads. */
    public static void read(InputStream nquads, StreamRDF sink) {
        // Errors become exceptions with their position, for the caller to report; nothing is logged.
        RDFParser.source(nquads).lang(Lang.NQUADS).labelToNode(LabelToNode.createUseLabelEncoded())
                .errorHandler(ErrorHandlerFactory.errorHandlerExceptionOnError())
                .parse(sink);
    }
}
