package org.meridian.export;

import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shared.JenaException;
import org.apache.jena.sparql.core.Quad;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.JsonLdVersion;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.serialization.QuadsToJsonld;
import com.apicatalog.rdf.api.RdfConsumerException;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes the quads it is sent as JSON-LD, compacted with the project's context so the output reads
 * like the vocabulary rather than as expanded IRIs. JSON-LD compaction needs the whole document,
 * so this collects everything and writes on {@link #finish()}. Nothing is ever fetched: a context
 * that refers to a remote one is an error, not a download.
 */
public final class JsonLdWriter extends StreamRDFBase {
    /** Refuses every load, so no {@code @context} or {@code @import} URL is ever dereferenced. */
    public static final DocumentLoader NO_FETCHING = (uri, options) -> {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
                "Meridian does not fetch remote JSON-LD documents: " + uri);
    };

    private final OutputStream out;
    private final Optional<JsonLdContext> context;
    private final QuadsToJsonld collector = JsonLd.fromRdf().mode(JsonLdVersion.V1_1).ordered(true);

    public JsonLdWriter(OutputStream out, Optional<JsonLdContext> context) {
        this.out = out;
        this.context = context;
    }

    @Override
    public void triple(Triple triple) {
        add(null, triple.getSubject(), triple.getPredicate(), triple.getObject());
    }

    @Override
    public void quad(Quad quad) {
        Node graph = quad.isDefaultGraph() ? null : quad.getGraph();
        add(graph, quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    private void add(Node graph, Node subject, Node predicate, Node object) {
        String g = graph == null ? null : resource(graph);
        try {
            if (object.isLiteral()) {
                String lang = object.getLiteralLanguage().isEmpty() ? null : object.getLiteralLanguage();
                String direction = object.getLiteralBaseDirection() == null ? null : object.getLiteralBaseDirection().toString();
                collector.quad(resource(subject), resource(predicate), object.getLiteralLexicalForm(),
                        object.getLiteralDatatypeURI(), lang, direction, g);
            } else {
                collector.quad(resource(subject), resource(predicate), resource(object), null, null, null, g);
            }
        } catch (RdfConsumerException e) {
            throw new JenaException("cannot express a quad in JSON-LD: " + e.getMessage(), e);
        }
    }

    private static String resource(Node node) {
        if (node.isBlank())
            return "_:" + node.getBlankNodeLabel();
        if (node.isURI())
            return node.getURI();
        throw new JenaException("JSON-LD has no form for the term " + node);
    }

    @Override
    public void finish() {
        try {
            JsonArray expanded = collector.toJsonLd();
            JsonStructure document = context.isPresent()
                    ? compact(expanded, context.get())
                    : Json.createObjectBuilder().add("@graph", expanded).build();
            JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out);
            writer.write(document);
            out.write('\n');
            out.flush();
        } catch (JsonLdError e) {
            String where = context.map(c -> c.displayName() + ": error: ").orElse("");
            throw new JenaException(where + "JSON-LD compaction failed: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonStructure compact(JsonArray expanded, JsonLdContext context) throws JsonLdError {
        JsonLdOptions options = new JsonLdOptions(NO_FETCHING);
        options.setOrdered(true);
        JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(context.document()))
                .options(options)
                .get();
        // Readers expect the context first; the compaction algorithm appends it.
        JsonObjectBuilder ordered = Json.createObjectBuilder();
        if (compacted.containsKey("@context"))
            ordered.add("@context", compacted.get("@context"));
        compacted.forEach((key, value) -> {
            if (!key.equals("@context"))
                ordered.add(key, value);
        });
        return ordered.build();
    }
}
