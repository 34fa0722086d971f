package org.meridian.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;

/**
 * The {@code sh:sparql} constraints of shapes that target classes, taken out of SHACL's hands to
 * run once per constraint over all the class's instances instead of once per instance (a query
 * set up per node was a third of SHACL's time on a large build). Each solution is reported as
 * SHACL would: the focus node, the message, and {@code ?value} or else the focus node as the value.
 */
final class SparqlConstraints {
    private static final Var THIS = Var.alloc("this");
    private static final Var VALUE = Var.alloc("value");
    private static final Var CLASS = Var.alloc("meridianTargetClass");

    /** One constraint on the instances of a class. */
    record Constraint(Node targetClass, Query query, String message) {}

    /** A solution: the focus node, the message and the value to report. */
    record Violation(Node focus, String message, Node value) {}

    private final List<Constraint> constraints = new ArrayList<>();

    /**
     * Takes the constraints it can run this way out of {@code shapes} (a copy the caller owns):
     * those of shapes whose only targets are {@code sh:targetClass}.
     */
    SparqlConstraints(Graph shapes) {
        for (Triple link : G.find(shapes, null, SHACL.sparql, null).toList()) {
            Node shape = link.getSubject();
            Node constraint = link.getObject();
            List<Node> classes = G.listSP(shapes, shape, SHACL.targetClass);
            Node select = G.getZeroOrOneSP(shapes, constraint, SHACL.select);
            if (classes.isEmpty() || select == null || hasOtherTargets(shapes, shape)
                    || G.hasProperty(shapes, constraint, SHACL.deactivated))
                continue;
            Node message = G.getZeroOrOneSP(shapes, constraint, SHACL.message);
            String text = prefixes(shapes, constraint) + select.getLiteralLexicalForm();
            for (Node targetClass : classes)
                constraints.add(new Constraint(targetClass, QueryFactory.create(text),
                        message == null ? "the SPARQL constraint is violated" : message.getLiteralLexicalForm()));
            shapes.delete(link);
        }
    }

    private static boolean hasOtherTargets(Graph shapes, Node shape) {
        return G.hasProperty(shapes, shape, SHACL.targetNode) || G.hasProperty(shapes, shape, SHACL.targetSubjectsOf)
                || G.hasProperty(shapes, shape, SHACL.targetObjectsOf) || G.hasProperty(shapes, shape, SHACL.target);
    }

    private static String prefixes(Graph shapes, Node constraint) {
        StringBuilder text = new StringBuilder();
        for (Node from : G.listSP(shapes, constraint, SHACL.prefixes))
            for (Node declaration : G.listSP(shapes, from, SHACL.declare)) {
                Node prefix = G.getZeroOrOneSP(shapes, declaration, SHACL.prefix);
                Node namespace = G.getZeroOrOneSP(shapes, declaration, SHACL.namespace);
                if (prefix != null && namespace != null)
                    text.append("PREFIX ").append(prefix.getLiteralLexicalForm()).append(": <")
                            .append(namespace.getLiteralLexicalForm()).append(">\n");
            }
        return text.toString();
    }

    /**
     * The query joined to the instances of {@code classes}: the classes are listed rather than reached
     * by {@code rdf:type/rdfs:subClassOf*}, and the typing is one more triple pattern, so the store
     * matches the whole query on its indexes, node ids throughout. (A subquery of DISTINCT instances
     * made the store turn each of them back into its id, one index lookup per instance.) The
     * constraint's own pattern joins the same group, not a group inside it: SHACL binds
     * {@code $this} before the constraint runs, so its filters must see {@code $this} bound, and
     * a filter in an inner group sees only that group (a constraint of filters alone found nothing).
     */
    private static Query forInstancesOf(Query constraint, List<Node> classes) {
        ElementTriplesBlock typing = new ElementTriplesBlock();
        typing.addTriple(Triple.create(THIS, RDF.Nodes.type, CLASS));
        ElementGroup group = new ElementGroup();
        group.addElement(new ElementData(List.of(CLASS), classes.stream().map(c -> BindingFactory.binding(CLASS, c)).toList()));
        group.addElement(typing);
        Query query = constraint.cloneQuery();
        if (query.getQueryPattern() instanceof ElementGroup own)
            own.getElements().forEach(group::addElement);
        else
            group.addElement(query.getQueryPattern());
        query.setQueryPattern(group);
        return query;
    }

    /**
     * Runs every constraint over the union of the dataset's graphs (inside the caller's transaction).
     * An instance of two of the classes is matched twice; each violation is reported once.
     */
    List<Violation> check(DatasetGraph dataset) {
        Set<Violation> found = new LinkedHashSet<>();
        for (Constraint constraint : constraints) {
            Query query = forInstancesOf(constraint.query(), G.listSubClasses(dataset.getUnionGraph(), constraint.targetClass()));
            try (QueryExec exec = UnionView.query(dataset).query(query).build()) {
                exec.select().forEachRemaining(row -> found.add(violation(constraint, row)));
            }
        }
        return List.copyOf(found);
    }

    private static Violation violation(Constraint constraint, Binding row) {
        Node focus = row.get(THIS);
        Node value = row.get(VALUE);
        return new Violation(focus, constraint.message(), value != null ? value : focus);
    }
}
