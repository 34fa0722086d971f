package org.meridian.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * The RDF syntaxes Meridian writes, by the short names the command line uses. Quad formats keep
 * each triple's named graph; triple formats write one graph.
 */
public enum RdfFormat {
    TURTLE("turtle", Lang.TURTLE, RDFFormat.TURTLE_BLOCKS, "ttl"),
    NTRIPLES("ntriples", Lang.NTRIPLES, RDFFormat.NTRIPLES, "nt"),
    NQUADS("nquads", Lang.NQUADS, RDFFormat.NQUADS, "nq"),
    TRIG("trig", Lang.TRIG, RDFFormat.TRIG_BLOCKS, "trig"),
    // JSON-LD compaction and RDF/XML's grouping need the whole graph: no streaming writer.
    JSONLD("jsonld", Lang.JSONLD, null, "jsonld"),
    RDFXML("rdfxml", Lang.RDFXML, null, "rdf");

    private final String id;
    private final Lang lang;
    private final RDFFormat streaming;
    private final String extension;

    RdfFormat(String id, Lang lang, RDFFormat streaming, String extension) {
        this.id = id;
        this.lang = lang;
        this.streaming = streaming;
        this.extension = extension;
    }

    /** The name on the command line, e.g. {@code nquads}. */
    public String id() {
        return id;
    }

    public Lang lang() {
        return lang;
    }

    /** The writer that streams, or empty when the format must see the whole graph first. */
    public Optional<RDFFormat> streaming() {
        return Optional.ofNullable(streaming);
    }

    /** Whether the syntax can say which named graph a triple is in. */
    public boolean quads() {
        return this == NQUADS || this == TRIG || this == JSONLD;
    }

    public String extension() {
        return extension;
    }

    /** The IANA media type, as served in {@code Content-Type}. */
    public String mediaType() {
        return lang.getHeaderString();
    }

    public static Optional<RdfFormat> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(RdfFormat::id).toList();
    }
}
