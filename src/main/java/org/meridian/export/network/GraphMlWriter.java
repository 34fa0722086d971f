package org.meridian.export.network;

import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.meridian.export.ExportException;

/**
 * Writes a network as GraphML, which Gephi, Cytoscape and yEd open. Every attribute is declared
 * with a {@code <key>}; node ids are the nodes' IRIs and edges are directed unless a query said not.
 */
final class GraphMlWriter {
    private static final String NS = "http://graphml.graphdrawing.org/xmlns";

    /** A GraphML attribute: its name (which is also its key id), type and how to read it from a node or an edge. */
    private record Key<T>(String name, String type, Function<T, String> value) {}

    private static final List<Key<NetworkNode>> NODE_KEYS = List.of(
            new Key<>("label", "string", NetworkNode::label),
            new Key<>("kind", "string", NetworkNode::kind),
            new Key<>("iri", "string", NetworkNode::iri));
    private static final List<Key<Edge>> EDGE_KEYS = List.of(
            new Key<>("type", "string", Edge::type),
            new Key<>("start", "string", Edge::start),
            new Key<>("end", "string", Edge::end),
            new Key<>("amount", "double", Edge::amount),
            new Key<>("unit", "string", Edge::unit),
            new Key<>("source", "string", Edge::source),
            new Key<>("relation", "string", Edge::relation),
            new Key<>("query", "string", Edge::query));

    private GraphMlWriter() {}

    static void write(Network network, OutputStream out) throws ExportException {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            newline(xml, 0);
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NS);
            for (Key<NetworkNode> key : NODE_KEYS)
                declare(xml, key, "node");
            for (Key<Edge> key : EDGE_KEYS)
                declare(xml, key, "edge");
            newline(xml, 1);
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "meridian");
            xml.writeAttribute("edgedefault", "directed");
            for (NetworkNode node : network.nodes())
                element(xml, "node", attributes("id", node.iri()), NODE_KEYS, node);
            int n = 0;
            for (Edge edge : network.edges()) {
                Map<String, String> attributes = attributes("id", "e" + ++n);
                attributes.put("source", edge.from());
                attributes.put("target", edge.to());
                if (!edge.directed())
                    attributes.put("directed", "false");
                element(xml, "edge", attributes, EDGE_KEYS, edge);
            }
            newline(xml, 1);
            xml.writeEndElement();
            newline(xml, 0);
            xml.writeEndElement();
            newline(xml, -1);
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new ExportException("cannot write GraphML: " + e.getMessage());
        }
    }

    private static Map<String, String> attributes(String name, String value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(name, value);
        return attributes;
    }

    private static void declare(XMLStreamWriter xml, Key<?> key, String target) throws XMLStreamException {
        newline(xml, 1);
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", key.name());
        xml.writeAttribute("for", target);
        xml.writeAttribute("attr.name", key.name());
        xml.writeAttribute("attr.type", key.type());
    }

    private static <T> void element(XMLStreamWriter xml, String name, Map<String, String> attributes, List<Key<T>> keys,
                                    T item) throws XMLStreamException, ExportException {
        newline(xml, 2);
        xml.writeStartElement(name);
        for (var attribute : attributes.entrySet())
            xml.writeAttribute(attribute.getKey(), checked(attribute.getValue()));
        for (Key<T> key : keys) {
            String value = key.value().apply(item);
            if (value.isEmpty())
                continue;
            newline(xml, 3);
            xml.writeStartElement("data");
            xml.writeAttribute("key", key.name());
            xml.writeCharacters(checked(value));
            xml.writeEndElement();
        }
        newline(xml, 2);
        xml.writeEndElement();
    }

    /** XML 1.0 cannot carry most control characters; say so rather than write a file no tool opens. */
    private static String checked(String value) throws ExportException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF)
                throw new ExportException(String.format("GraphML cannot hold the character U+%04X in \"%s\"",
                        (int) c, value.replaceAll("\\p{Cntrl}", "?")));
        }
        return value;
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters(depth < 0 ? "\n" : "\n" + "  ".repeat(depth));
    }
}
