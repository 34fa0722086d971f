package org.meridian.linked;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDFS;

/**
 * How a page names and links the nodes it shows: by their rdfs:label (English first), else by a
 * prefixed name, else by the IRI; IRIs under the base link to this server, so a reader can follow
 * them wherever it runs. Reads the dataset, so it is used inside a read transaction.
 */
final class NodeView {
    private final DatasetGraph dataset;
    private final String base;
    private final PrefixMapping prefixes;
    private final Map<Node, String> labels = new HashMap<>();

    NodeView(DatasetGraph dataset, String base, PrefixMapping prefixes) {
        this.dataset = dataset;
        this.base = base;
        this.prefixes = prefixes;
    }

    /** What a reader sees for the node. */
    String name(Node node) {
        if (node.isURI())
            return labels.computeIfAbsent(node, this::labelOrShortName);
        if (node.isLiteral())
            return node.getLiteralLexicalForm();
        return "(unnamed node)";
    }

    /** The IRI written briefly: relative to the base, or as a prefixed name. */
    String shortName(Node node) {
        String iri = node.getURI();
        if (iri.startsWith(base))
            return iri.substring(base.length());
        String prefixed = prefixes.qnameFor(iri);
        return prefixed != null ? prefixed : iri;
    }

    /**
     * Where a link to the node goes: a path on this server for IRIs under the base, the IRI
     * itself for other web IRIs, and nowhere (null) for anything else, such as {@code javascript:}.
     */
    String href(Node node) {
        if (!node.isURI())
            return null;
        String iri = node.getURI();
        if (iri.startsWith(base))
            return "/" + iri.substring(base.length());
        return iri.startsWith("http://") || iri.startsWith("https://") ? iri : null;
    }

    /** A literal's language or datatype, shown small beside it; empty for plain strings. */
    String annotation(Node literal) {
        if (!literal.getLiteralLanguage().isEmpty())
            return "@" + literal.getLiteralLanguage();
        String type = literal.getLiteralDatatypeURI();
        if (type == null || type.equals("http://www.w3.org/2001/XMLSchema#string")
                || type.equals("http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"))
            return "";
        String prefixed = prefixes.qnameFor(type);
        return prefixed != null ? prefixed : type;
    }

    private String labelOrShortName(Node node) {
        String english = null;
        String plain = null;
        String any = null;
        Iterator<Quad> found = dataset.find(Node.ANY, node, RDFS.Nodes.label, Node.ANY);
        while (found.hasNext()) {
            Node label = found.next().getObject();
            if (!label.isLiteral())
                continue;
            String language = label.getLiteralLanguage();
            String text = label.getLiteralLexicalForm();
            if (language.equalsIgnoreCase("en") || language.toLowerCase().startsWith("en-"))
                english = english == null ? text : english;
            else if (language.isEmpty())
                plain = plain == null ? text : plain;
            else
                any = any == null ? text : any;
        }
        if (english != null)
            return english;
        if (plain != null)
            return plain;
        return any != null ? any : shortName(node);
    }
}
