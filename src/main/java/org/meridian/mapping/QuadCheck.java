package org.meridian.mapping;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.util.FmtUtils;
import org.meridian.check.Problem;
import org.meridian.source.Row;

/**
 * What can be wrong with a quad a row produced, that RDF itself forbids: a literal subject, an
 * invalid or relative IRI, an ill-typed literal. Jena would store some of these without complaint.
 */
final class QuadCheck {
    /** IRIs already found valid: most rows repeat a few (classes, properties, graphs). */
    private final Set<String> validIris = new HashSet<>();

    /** @return the problem with {@code quad}, located at the row, or null if it is sound */
    Problem problem(Quad quad, String tableName, Row row) {
        if (!quad.getGraph().isURI())
            return at(tableName, row, "row.bad-graph", "the mapping put a triple in a graph named by "
                    + FmtUtils.stringForNode(quad.getGraph()));
        if (quad.getSubject().isLiteral())
            return at(tableName, row, "row.literal-subject", "the mapping made a literal the subject of a triple: "
                    + FmtUtils.stringForNode(quad.getSubject()));
        if (!quad.getPredicate().isURI())
            return at(tableName, row, "row.bad-predicate", "the mapping made a non-IRI a predicate: "
                    + FmtUtils.stringForNode(quad.getPredicate()));
        for (Node node : new Node[] {quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject()}) {
            Problem problem = node.isURI() ? invalidIri(node.getURI(), tableName, row)
                    : node.isLiteral() ? illTyped(node, tableName, row) : null;
            if (problem != null)
                return problem;
        }
        return null;
    }

    private Problem invalidIri(String iri, String tableName, Row row) {
        if (validIris.contains(iri))
            return null;
        try {
            if (IRIx.create(iri).isReference()) {
                if (validIris.size() >= 100_000)
                    validIris.clear(); // a bound, so a table of distinct IRIs cannot fill the heap
                validIris.add(iri);
                return null;
            }
            return at(tableName, row, "row.invalid-iri", "not an absolute IRI: <" + iri + ">").withValue(iri);
        } catch (IRIException e) {
            return at(tableName, row, "row.invalid-iri", "not a valid IRI: <" + iri + ">: " + e.getMessage()).withValue(iri);
        }
    }

    private static Problem illTyped(Node literal, String tableName, Row row) {
        RDFDatatype type = literal.getLiteralDatatype();
        String lexical = literal.getLiteralLexicalForm();
        if (!(type instanceof XSDDatatype xsd) || xsd.isValid(lexical))
            return null;
        Problem problem = at(tableName, row, "row.ill-typed",
                "'" + lexical + "' is not a valid " + PrefixMapping.Standard.shortForm(type.getURI()));
        String column = row.cells().entrySet().stream().filter(c -> c.getValue().equals(lexical))
                .map(c -> c.getKey()).findFirst().orElse(null);
        return problem.withCell(column, lexical);
    }

    private static Problem at(String tableName, Row row, String rule, String message) {
        return Problem.at(tableName, row.line(), message).withRule(rule);
    }
}
