package org.meridian.export.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.expr.NodeValue;
import org.meridian.export.ExportException;

/**
 * Runs the edge queries and gathers their rows into a network. Java knows only the variable
 * contract of {@link EdgeQuery}; which relations become edges is up to the queries. A row that
 * breaks the contract (an unbound end, an amount that is not a number) is reported, never dropped.
 */
final class NetworkBuilder {
    private final List<String> problems = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, String> labels = new TreeMap<>();
    private final Map<String, String> kinds = new TreeMap<>();

    /** Runs every query on {@code dataset} inside the caller's read transaction. */
    static Network build(DatasetGraph dataset, List<EdgeQuery> queries) throws ExportException {
        NetworkBuilder builder = new NetworkBuilder();
        for (EdgeQuery query : queries)
            builder.run(dataset, query);
        if (!builder.problems.isEmpty())
            throw new ExportException(String.join(System.lineSeparator(), builder.problems));
        return builder.network();
    }

    private void run(DatasetGraph dataset, EdgeQuery query) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(query.query()).build()) {
            long row = 0;
            for (var rows = exec.select(); rows.hasNext(); ) {
                row++;
                String problem = add(rows.next(), query.name());
                if (problem != null)
                    problems.add(query.name() + ": error: row " + row + ": " + problem);
            }
        }
    }

    private String add(Binding row, String queryName) {
        Node from = row.get(Var.alloc("from"));
        Node to = row.get(Var.alloc("to"));
        Node type = row.get(Var.alloc("type"));
        if (from == null || !from.isURI() || to == null || !to.isURI())
            return "?from and ?to must both be IRIs, got " + show(from) + " and " + show(to);
        if (type == null)
            return "?type is unbound";
        Node amount = row.get(Var.alloc("amount"));
        if (amount != null && !(amount.isLiteral() && NodeValue.makeNode(amount).isNumber()))
            return "?amount must be a number, got " + show(amount);
        Node directed = row.get(Var.alloc("directed"));
        if (directed != null && !(directed.isLiteral() && XSDDatatype.XSDboolean.equals(directed.getLiteralDatatype())))
            return "?directed must be true or false, got " + show(directed);
        node(from.getURI(), row.get(Var.alloc("fromLabel")), row.get(Var.alloc("fromKind")));
        node(to.getURI(), row.get(Var.alloc("toLabel")), row.get(Var.alloc("toKind")));
        edges.add(new Edge(from.getURI(), to.getURI(), text(type),
                directed == null || Boolean.parseBoolean(directed.getLiteralLexicalForm()),
                text(row.get(Var.alloc("start"))), text(row.get(Var.alloc("end"))), text(amount),
                text(row.get(Var.alloc("unit"))), text(row.get(Var.alloc("source"))),
                text(row.get(Var.alloc("relation"))), queryName));
        return null;
    }

    /** Several labels for one node (say, in two languages): keep the least, so output is stable. */
    private void node(String iri, Node label, Node kind) {
        labels.putIfAbsent(iri, "");
        kinds.putIfAbsent(iri, "");
        if (label != null)
            labels.merge(iri, text(label), NetworkBuilder::least);
        if (kind != null)
            kinds.merge(iri, text(kind), NetworkBuilder::least);
    }

    private static String least(String a, String b) {
        if (a.isEmpty())
            return b;
        return b.isEmpty() || a.compareTo(b) <= 0 ? a : b;
    }

    private Network network() {
        List<NetworkNode> nodes = new ArrayList<>();
        labels.forEach((iri, label) -> nodes.add(new NetworkNode(iri, label.isEmpty() ? iri : label, kinds.get(iri))));
        return new Network(nodes, edges.stream().distinct().sorted(Edge.ORDER).toList());
    }

    /** A term as text: an IRI as itself, a literal by its lexical form. */
    private static String text(Node node) {
        if (node == null)
            return "";
        if (node.isURI())
            return node.getURI();
        if (node.isLiteral())
            return node.getLiteralLexicalForm();
        return "_:" + node.getBlankNodeLabel();
    }

    private static String show(Node node) {
        return node == null ? "nothing" : node.toString();
    }
}
