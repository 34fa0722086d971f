package org.meridian.check;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.util.FmtUtils;
import org.meridian.graph.Origins;

/**
 * Validates the built graph against the SHACL shapes of the ontology and reports each result at
 * the table line that produced its focus node, so a curator knows which row to fix.
 */
public final class ShapeCheck {
    private final Shapes shapes;
    private final PrefixMapping prefixes;
    private final String base;

    /**
     * @param shapesGraph the graph holding the shapes (the ontology graph)
     * @param prefixes    prefixes for showing terms briefly
     * @param base        the IRI base entities are minted under; messages show IRIs relative to it
     */
    public ShapeCheck(Graph shapesGraph, PrefixMapping prefixes, String base) {
        this.shapes = Shapes.parse(shapesGraph);
        this.prefixes = prefixes;
        this.base = base;
    }

    /** Checks {@code data}; every result becomes a problem located through {@code origins}. */
    public Problems check(Graph data, Origins origins) {
        Problems problems = new Problems();
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        for (ReportEntry entry : report.getEntries()) {
            Origins.Location where = origins.of(entry.focusNode());
            String file = where == null ? "(graph)" : where.file();
            long line = where == null ? 0 : where.line();
            problems.add(file, line, describe(entry));
        }
        return problems;
    }

    private String describe(ReportEntry entry) {
        StringBuilder text = new StringBuilder(show(entry.focusNode()));
        if (entry.resultPath() != null)
            text.append(' ').append(entry.resultPath().toString(new Prologue(prefixes)));
        text.append(": ").append(entry.message());
        if (entry.value() != null)
            text.append(" (value: ").append(show(entry.value())).append(')');
        return text.toString();
    }

    private String show(Node node) {
        if (node.isURI() && node.getURI().startsWith(base))
            return "<" + node.getURI().substring(base.length()) + ">";
        return FmtUtils.stringForNode(node, prefixes);
    }
}
