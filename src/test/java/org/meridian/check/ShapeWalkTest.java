package org.meridian.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.Lang;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.GraphBuilder;
import org.meridian.graph.Project;
import org.meridian.testing.TestProjects;

/**
 * ShapeCheck drives Jena's SHACL node by node, in one walk over the instances of the target classes,
 * instead of letting Jena go shape by shape. These tests compare its report with Jena's own whole-graph
 * validation of the same shapes, on the real project in TDB2 broken in one way per kind of constraint.
 */
class ShapeWalkTest {
    private static final String MER = "https://meridian.example.org/ontology#";
    private static final String VOC = "https://meridian.example.org/vocab/";

    @TempDir
    Path temp;

    @Test
    void theWalkReportsWhatJenaReportsOnTheBrokenProject() {
        Project project = new Project(TestProjects.copyOwnProject(temp.resolve("p")), Project.DEFAULT_BASE);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db")));
        Txn.executeWrite(dataset, () -> {
            new GraphBuilder(project).build(dataset::add);
            breakOneOfEachKind(dataset);
        });
        Txn.executeRead(dataset, () -> {
            ShapeCheck check = new ShapeCheck(dataset.getGraph(project.ontologyGraph()), PrefixMapping.Standard, project.base());
            Set<String> jena = entries(ShaclValidator.get().validate(check.shapes(), dataset.getUnionGraph()));
            Set<String> walk = entries(check.validate(dataset));
            assertEquals(jena, walk);
            Set<String> components = jena.stream().map(e -> e.substring(0, e.indexOf(' '))).collect(Collectors.toSet());
            assertEquals(Set.of("MinCountConstraintComponent", "ClassConstraintComponent", "DatatypeConstraintComponent",
                    "InConstraintComponent", "NodeConstraintComponent", "OrConstraintComponent",
                    "MinInclusiveConstraintComponent"), components, "each break must show in the report:\n" + jena);
        });
    }

    /** One violation of each kind of constraint the shapes use, on nodes picked from the data. */
    private static void breakOneOfEachKind(DatasetGraph dataset) {
        Node graph = any(dataset, "SELECT ?x { ?x a mer:Source }");
        Node person = any(dataset, "SELECT ?x { ?x a mer:Person ; rdfs:label ?l }");
        // minCount, on a node typed twice, in two graphs, by a class and its superclass: reported once
        dataset.deleteAny(Node.ANY, person, NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label"), Node.ANY);
        dataset.add(NodeFactory.createURI("urn:x-test:second-graph"), person, RDF.Nodes.type, mer("Actor"));
        // sh:class: a country that is a company, not a state
        Node company = any(dataset, "SELECT ?x { ?x a mer:Company }");
        dataset.add(graph, person, mer("country"), company);
        // sh:datatype
        dataset.add(graph, person, mer("age"), NodeFactory.createLiteralString("old"));
        // sh:in
        Node membership = any(dataset, "SELECT ?x { ?x a mer:Membership }");
        dataset.deleteAny(Node.ANY, membership, mer("status"), Node.ANY);
        dataset.add(graph, membership, mer("status"), NodeFactory.createURI(VOC + "time-status/someday"));
        // sh:node, and sh:hasValue inside it: a subject that is no commodity
        Node agreement = any(dataset, "SELECT ?x { ?x a/rdfs:subClassOf* mer:Agreement }");
        dataset.add(graph, agreement, mer("subject"), NodeFactory.createURI(VOC + "speech/direct"));
        // sh:minInclusive
        dataset.add(graph, agreement, mer("volume"), NodeFactory.createLiteralDT("-5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
        // sh:or of classes on a property: a speaker that is a city
        Node statement = any(dataset, "SELECT ?x { ?x a mer:Statement }");
        Node city = any(dataset, "SELECT ?x { ?x a mer:City }");
        dataset.deleteAny(Node.ANY, statement, mer("speaker"), Node.ANY);
        dataset.add(graph, statement, mer("speaker"), city);
        // sh:or of property shapes on the node: a trade flow with neither exporter nor partner
        Node flow = any(dataset, "SELECT ?x { ?x a mer:TradeFlow }");
        dataset.deleteAny(Node.ANY, flow, mer("exporter"), Node.ANY);
        dataset.deleteAny(Node.ANY, flow, mer("partner"), Node.ANY);
    }

    @Test
    void sparqlConstraintsReachInstancesOfSubclassesOnceInTdb2() {
        Project project = new Project(TestProjects.copyOwnProject(temp.resolve("p")), Project.DEFAULT_BASE);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db")));
        Node declaration = NodeFactory.createURI(project.base() + "id/agreement/no-limits-partnership");
        Txn.executeWrite(dataset, () -> {
            new GraphBuilder(project).build(dataset::add);
            Node graph = any(dataset, "SELECT ?x { ?x a mer:Source }");
            dataset.add(graph, declaration, RDF.Nodes.type, mer("Agreement")); // a second typing, by its superclass
            dataset.add(graph, declaration, mer("volume"), NodeFactory.createLiteralDT("5", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal));
        });
        Txn.executeRead(dataset, () -> {
            ShapeCheck check = new ShapeCheck(dataset.getGraph(project.ontologyGraph()), PrefixMapping.Standard, project.base());
            List<String> found = check.check(dataset).sorted().stream()
                    .map(p -> p.rule() + " " + p.value()).toList();
            assertEquals(List.of("shacl:SPARQLConstraintComponent " + declaration.getURI()), found);
        });
    }

    @Test
    void sparqlConstraintsReportWhatJenaReports() throws IOException {
        Path copy = TestProjects.copyOwnProject(temp.resolve("p"));
        Path flows = copy.resolve("data/trade-flows.csv");
        String table = Files.readString(flows);
        // A constraint of filters alone (no amount, no qualifier): SHACL binds $this before the filters see it.
        table = table.replace("russia-china-trade-2020,trade-value,russia,china,,,all-goods,2020,108000000000,USD,",
                "russia-china-trade-2020,trade-value,russia,china,,,all-goods,2020,,USD,");
        table = table.replace(",2023,240000000000,USD,", ",2023,240000000000,,");
        Files.writeString(flows, table);
        Project project = new Project(copy, Project.DEFAULT_BASE);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db")));
        Node noAmount = NodeFactory.createURI(project.base() + "id/trade-flow/russia-china-trade-2020");
        Node noCurrency = NodeFactory.createURI(project.base() + "id/trade-flow/russia-china-trade-2023");
        Txn.executeWrite(dataset, () -> new GraphBuilder(project).build(dataset::add));
        Txn.executeRead(dataset, () -> {
            Graph shapes = dataset.getGraph(project.ontologyGraph());
            Set<String> jena = new TreeSet<>();
            for (ReportEntry e : ShaclValidator.get().validate(shapes, dataset.getUnionGraph()).getEntries())
                if (e.sourceConstraintComponent().getLocalName().equals("SPARQLConstraintComponent"))
                    jena.add(e.focusNode() + " " + e.message());
            Set<String> ours = new TreeSet<>();
            for (Problem p : new ShapeCheck(shapes, PrefixMapping.Standard, project.base()).check(dataset).sorted())
                if (p.rule().equals("shacl:SPARQLConstraintComponent"))
                    ours.add(p.value() + " " + p.message().replaceFirst("^\\S+: ", "").replaceFirst(" \\(value: .*\\)$", ""));
            assertEquals(Set.of(noAmount + " a trade flow needs an amount, or a qualifier that gives its direction",
                    noCurrency + " a trade value needs its currency; other amounts need a unit"), jena);
            assertEquals(jena, ours);
        });
    }

    @Test
    void shapesThatTargetNodesOrPropertiesAreCheckedToo() {
        Graph shapes = turtle("""
                @prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/ns#> .
                ex:One a sh:NodeShape ; sh:targetNode ex:a ;
                    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "a needs a name" ] .
                ex:Users a sh:NodeShape ; sh:targetSubjectsOf ex:uses ;
                    sh:property [ sh:path ex:uses ; sh:class ex:Tool ; sh:message "only tools are used" ] .
                ex:Things a sh:NodeShape ; sh:targetClass ex:Thing ;
                    sh:property [ sh:path ex:name ; sh:maxCount 1 ; sh:minCount 1 ; sh:message "a thing has a name" ] .
                """);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db")));
        Txn.executeWrite(dataset, () -> turtle("""
                @prefix ex: <http://example.org/ns#> .
                ex:a ex:uses ex:b . ex:c ex:uses ex:d . ex:d a ex:Tool . ex:e a ex:Thing .
                """).find().forEachRemaining(t -> dataset.add(NodeFactory.createURI("urn:x-test:g"), t.getSubject(), t.getPredicate(), t.getObject())));
        Txn.executeRead(dataset, () -> {
            ShapeCheck check = new ShapeCheck(shapes, PrefixMapping.Standard, "http://example.org/");
            Set<String> walk = entries(check.validate(dataset));
            assertEquals(entries(ShaclValidator.get().validate(check.shapes(), dataset.getUnionGraph())), walk);
            assertEquals(3, walk.size(), walk.toString());
        });
    }

    private static Node mer(String name) {
        return NodeFactory.createURI(MER + name);
    }

    private static Node any(DatasetGraph dataset, String select) {
        String query = "PREFIX mer: <" + MER + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " + select + " ORDER BY ?x LIMIT 1";
        List<Node> found = QueryExec.dataset(dataset).query(query)
                .set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true).select().stream()
                .map(b -> b.get("x")).toList();
        assertTrue(!found.isEmpty(), "the project has no node for " + select);
        return found.get(0);
    }

    private static Graph turtle(String text) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(graph);
        return graph;
    }

    /** Each entry as one line: component, focus, path, value, message, shape (blank nodes as they are). */
    private static Set<String> entries(ValidationReport report) {
        Set<String> lines = new TreeSet<>();
        for (ReportEntry e : report.getEntries())
            lines.add(e.sourceConstraintComponent().getLocalName() + " " + e.focusNode() + " " + e.resultPath() + " "
                    + e.value() + " " + e.message() + " " + e.source());
        assertEquals(report.getEntries().size(), lines.size(), "no entry is reported twice");
        return lines;
    }
}
