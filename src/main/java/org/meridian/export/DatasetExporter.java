package org.meridian.export;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFWriterRegistry;
import org.apache.jena.riot.system.PrefixMapFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.Context;

/**
 * Writes the database, or one named graph of it, in an RDF format. Quads go straight from the
 * store's indexes to a streaming writer where the format has one, so memory does not grow with
 * the data; JSON-LD and RDF/XML must hold the graph. Triple formats of the whole dataset write the
 * union of the named graphs: the default graph that queries see.
 */
public final class DatasetExporter {
    private final Map<String, String> namespaces;
    private final Optional<JsonLdContext> context;

    /** Exports with the context's namespaces as prefixes, and (for JSON-LD) the context itself. */
    public DatasetExporter(Optional<JsonLdContext> context) {
        this.namespaces = JsonLdContext.namespaces(context);
        this.context = context;
    }

    /**
     * Writes inside the caller's read transaction.
     * @param graph a named graph, or empty for the whole dataset
     */
    public void write(DatasetGraph dataset, Optional<Node> graph, RdfFormat format, OutputStream out) throws ExportException {
        if (graph.isPresent() && !dataset.containsGraph(graph.get()))
            throw new ExportException("no named graph <" + graph.get().getURI() + "> in the database"
                    + System.lineSeparator() + "hint: meridian query --query 'SELECT DISTINCT ?g { GRAPH ?g {} }' lists them");
        try {
            if (format == RdfFormat.RDFXML)
                writeRdfXml(graph.map(dataset::getGraph).orElseGet(dataset::getUnionGraph), out);
            else if (format.quads())
                stream(quads(dataset, graph), sink(format, out));
            else
                stream(triples(dataset, graph), sink(format, out));
        } catch (JenaException e) {
            throw new ExportException(e.getMessage() != null && e.getMessage().contains(": error: ")
                    ? e.getMessage() : "cannot write " + format.id() + ": " + e.getMessage());
        }
    }

    private static Iterator<Quad> quads(DatasetGraph dataset, Optional<Node> graph) {
        return dataset.find(graph.orElse(Node.ANY), Node.ANY, Node.ANY, Node.ANY);
    }

    private static Iterator<Triple> triples(DatasetGraph dataset, Optional<Node> graph) {
        return graph.isPresent() ? dataset.getGraph(graph.get()).find() : UnionTriples.of(dataset);
    }

    /** A writer that sends each quad or triple on as it comes, or (JSON-LD) at the end. */
    private StreamRDF sink(RdfFormat format, OutputStream out) {
        if (format == RdfFormat.JSONLD)
            return new JsonLdWriter(out, context);
        RDFFormat streaming = format.streaming().orElseThrow(() -> new IllegalArgumentException(format + " does not stream"));
        return StreamRDFWriter.getWriterStream(out, streaming, null);
    }

    private <T> void stream(Iterator<T> items, StreamRDF sink) {
        sink.start();
        namespaces.forEach(sink::prefix);
        items.forEachRemaining(item -> {
            if (item instanceof Quad quad)
                sink.quad(quad);
            else
                sink.triple((Triple) item);
        });
        sink.finish();
    }

    private void writeRdfXml(Graph graph, OutputStream out) {
        // The plain form writes one description per triple group without analysing the graph's shape.
        RDFWriterRegistry.getWriterGraphFactory(RDFFormat.RDFXML_PLAIN)
                .create(RDFFormat.RDFXML_PLAIN)
                .write(out, graph, PrefixMapFactory.create(namespaces), null, Context.emptyContext());
    }
}
