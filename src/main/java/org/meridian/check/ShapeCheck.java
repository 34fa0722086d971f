package org.meridian.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.TargetType;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;

/**
 * Validates the built dataset against the SHACL shapes of the ontology and reports each result at
 * the table line that produced its focus node, so a curator knows which row to fix.
 * <p>
 * Sources may disagree: one calls an expo the ninth, another the eighth. So shapes see the union of
 * all graphs, except {@code sh:maxCount}, which holds within each source's graph: one source gives
 * at most one edition, two sources may give two.
 */
public final class ShapeCheck {
    private final Shapes shapes;
    private final List<PerGraphMaxCount.Limit> maxCounts = new ArrayList<>();
    private final SparqlConstraints sparqlConstraints;
    private final PrefixMapping prefixes;
    private final String base;

    /**
     * @param shapesGraph the graph holding the shapes (the ontology graph)
     * @param prefixes    prefixes for showing terms briefly
     * @param base        the IRI base entities are minted under; messages show IRIs relative to it
     */
    public ShapeCheck(Graph shapesGraph, PrefixMapping prefixes, String base) {
        Graph copy = withoutMaxCounts(shapesGraph);
        this.sparqlConstraints = new SparqlConstraints(copy); // takes its constraints out of the copy
        this.shapes = Shapes.parse(copy);
        this.prefixes = prefixes;
        this.base = base;
    }

    private Graph withoutMaxCounts(Graph shapesGraph) {
        Graph copy = GraphFactory.createDefaultGraph();
        shapesGraph.find().forEachRemaining(copy::add);
        for (Triple limit : G.find(shapesGraph, null, SHACL.maxCount, null).toList()) {
            Node property = limit.getSubject();
            Node path = G.getZeroOrOneSP(shapesGraph, property, SHACL.path);
            Node message = G.getZeroOrOneSP(shapesGraph, property, SHACL.message);
            for (Node shape : G.find(shapesGraph, null, SHACL.property, property).mapWith(Triple::getSubject).toList())
                for (Node targetClass : G.listSP(shapesGraph, shape, SHACL.targetClass))
                    if (path != null && path.isURI())
                        maxCounts.add(new PerGraphMaxCount.Limit(targetClass, path, maxOf(limit.getObject()),
                                message == null ? "too many values" : message.getLiteralLexicalForm()));
            copy.delete(limit);
        }
        return copy;
    }

    /**
     * Checks {@code dataset} (inside the caller's transaction); every result becomes a problem about
     * its focus node, for {@link Problems#locate} to place. The same as {@link #checkNodes} and
     * {@link #checkQueries} together.
     */
    public Problems check(DatasetGraph dataset) {
        Problems problems = checkNodes(dataset);
        problems.addAll(checkQueries(dataset));
        return problems;
    }

    /**
     * Every shape except the {@code sh:sparql} constraints of shapes that target classes: the node walk,
     * with the per-graph counts. Safe to run beside {@link #checkQueries} on another thread, each in its
     * own read transaction.
     */
    public Problems checkNodes(DatasetGraph dataset) {
        Problems problems = new Problems();
        CachingGraph data = new CachingGraph(dataset.getUnionGraph());
        PerGraphMaxCount maxCounts = new PerGraphMaxCount(this.maxCounts);
        for (ReportEntry entry : validate(dataset, data, maxCounts).getEntries())
            problems.add(entry.focusNode(), unplaced(describe(entry))
                    .withRule("shacl:" + entry.sourceConstraintComponent().getLocalName())
                    .withValue(entry.value() == null ? entry.focusNode().toString() : entry.value().toString()));
        for (PerGraphMaxCount.Excess excess : maxCounts.excesses())
            problems.add(excess.node(), unplaced(show(excess.node()) + " " + show(excess.limit().path()) + ": "
                    + excess.limit().message() + " (one source gives " + excess.values() + " values)")
                    .withRule("shacl:MaxCountConstraintComponent").withValue(excess.node().toString()));
        return problems;
    }

    /** The {@code sh:sparql} constraints of shapes that target classes, each as one query over all instances. */
    public Problems checkQueries(DatasetGraph dataset) {
        Problems problems = new Problems();
        for (SparqlConstraints.Violation violation : sparqlConstraints.check(dataset))
            problems.add(violation.focus(), unplaced(show(violation.focus()) + ": " + violation.message()
                    + " (value: " + show(violation.value()) + ")")
                    .withRule("shacl:SPARQLConstraintComponent").withValue(violation.value().toString()));
        return problems;
    }

    /**
     * SHACL validation by Jena, driven node by node: shapes that target classes are checked on each
     * instance in one walk, while its triples are at hand, which also counts its values per graph.
     * Jena's own order (shape by shape, each over the set of all its focus nodes) would read a node
     * once per shape and hold every focus node. Shapes with other targets are checked Jena's way.
     */
    private ValidationReport validate(DatasetGraph dataset, CachingGraph data, PerGraphMaxCount maxCounts) {
        ValidationContext context = ValidationContext.create(shapes, data);
        List<Shape> byClass = new ArrayList<>();
        List<Node> classes = new ArrayList<>();
        for (Shape shape : shapes.getTargetShapes()) {
            if (!targetsOnlyClasses(shape)) {
                for (Node focus : VLib.focusNodes(data, shape))
                    VLib.validateShape(context, data, shape, focus);
                continue;
            }
            byClass.add(shape);
            shape.getTargets().forEach(target -> classes.add(target.getObject()));
        }
        classes.addAll(maxCounts.targetClasses());
        Map<Node, Set<Node>> superclasses = new HashMap<>();
        new InstanceWalk(data, classes).walk(dataset, (node, quads) -> {
            data.remember(node, quads.stream().map(Quad::asTriple).distinct().toList());
            // A class target holds for instances of the class and of its subclasses (G.isOfType).
            Set<Node> kinds = new HashSet<>();
            for (Quad quad : quads)
                if (quad.getPredicate().equals(RDF.Nodes.type))
                    kinds.addAll(superclasses.computeIfAbsent(quad.getObject(), type -> Set.copyOf(G.listSuperClasses(data, type))));
            for (Shape shape : byClass)
                if (shape.getTargets().stream().anyMatch(target -> kinds.contains(target.getObject())))
                    VLib.validateShape(context, data, shape, node);
            maxCounts.count(node, kinds, quads);
        });
        return context.generateReport();
    }

    /** The shapes Jena checks, and its report of them as this class obtains it (for comparing the two). */
    Shapes shapes() {
        return shapes;
    }

    ValidationReport validate(DatasetGraph dataset) {
        return validate(dataset, new CachingGraph(dataset.getUnionGraph()), new PerGraphMaxCount(maxCounts));
    }

    private static boolean targetsOnlyClasses(Shape shape) {
        return shape.getTargets().stream().allMatch(target -> target.getTargetType() == TargetType.targetClass
                || target.getTargetType() == TargetType.implicitClass);
    }

    /** sh:maxCount's value; a limit that is not a whole number counts as none. */
    private static int maxOf(Node max) {
        try {
            return Integer.parseInt(max.getLiteralLexicalForm());
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** A problem about a node, reported against the graph as a whole unless a table line describes the node. */
    private static Problem unplaced(String message) {
        return Problem.at("(graph)", 0, message);
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

    /** A term by its prefixed name if it has one, an entity by its IRI relative to the base. */
    private String show(Node node) {
        if (node.isURI() && prefixes.shortForm(node.getURI()).equals(node.getURI()) && node.getURI().startsWith(base))
            return "<" + node.getURI().substring(base.length()) + ">";
        return FmtUtils.stringForNode(node, prefixes);
    }
}
