package org.meridian.export.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.export.ExportFixture;
import org.meridian.store.DatabaseStore;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The network export: GraphML and edge-list CSV from the fixture, checked against SPARQL counts of the data. */
class NetworkExportTest {
    static final String NS = "http://graphml.graphdrawing.org/xmlns";
    static final String MER = "PREFIX mer: <https://meridian.example.org/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
            + "PREFIX prov: <http://www.w3.org/ns/prov#> ";
    /**
     * The relations that should become edges, written straight against the model rather than through
     * queries/network/: memberships, agreement party pairs, trade flows, statements about actors.
     */
    static final String EDGES = MER + "SELECT DISTINCT ?r ?a ?b { "
            + "{ ?r a mer:Membership ; mer:member ?a ; mer:organisation ?b } UNION "
            + "{ ?r a mer:Agreement ; mer:party ?a , ?b FILTER(STR(?a) < STR(?b)) } UNION "
            + "{ ?r a mer:TradeFlow ; mer:exporter ?a ; mer:importer ?b } UNION "
            + "{ ?r a mer:Statement ; mer:speaker ?a ; mer:about ?b . ?b a ?c . ?c rdfs:subClassOf* prov:Agent } }";

    @TempDir
    static Path temp;
    static Path project;
    static String graphml;
    static String csv;
    static String alphaCsv;
    static DatasetGraph database;

    @BeforeAll
    static void export() {
        project = ExportFixture.project(temp.resolve("project"));
        graphml = ExportFixture.ok(project, "export", "--format", "graphml").out();
        csv = ExportFixture.ok(project, "export", "--format", "csv").out();
        alphaCsv = ExportFixture.ok(project, "export", "--format", "csv", "--graph", "graph/alpha").out();
        database = DatabaseStore.open(new DatabaseStore(project.resolve("var/db")).current().orElseThrow());
    }

    @AfterAll
    static void close() {
        TDBInternal.expel(database, true);
    }

    static long count(String query) {
        return Txn.calculateRead(database, () -> {
            try (QueryExec exec = QueryExec.dataset(database).query(query).build()) {
                return exec.select().stream().count();
            }
        });
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(Document doc, String name) {
        NodeList list = doc.getElementsByTagNameNS(NS, name);
        return java.util.stream.IntStream.range(0, list.getLength()).mapToObj(i -> (Element) list.item(i)).toList();
    }

    @Test
    void graphMlIsWellFormedAndItsCountsMatchSparql() throws Exception {
        Document doc = parse(graphml);
        assertEquals("graphml", doc.getDocumentElement().getLocalName());
        long edges = count(EDGES);
        long actors = count(MER + "SELECT DISTINCT ?x { { " + EDGES.substring(EDGES.indexOf("SELECT"))
                + " } VALUES ?end { \"a\" \"b\" } BIND(IF(?end = \"a\", ?a, ?b) AS ?x) }");
        assertEquals(8, edges, "the fixture's relations");
        assertEquals(5, actors, "the fixture's connected actors");
        assertEquals(edges, elements(doc, "edge").size());
        assertEquals(actors, elements(doc, "node").size());
    }

    @Test
    void everyGraphMlAttributeHasAKeyAndEveryEdgeJoinsDeclaredNodes() throws Exception {
        Document doc = parse(graphml);
        Set<String> nodeKeys = new HashSet<>();
        Set<String> edgeKeys = new HashSet<>();
        for (Element key : elements(doc, "key"))
            (key.getAttribute("for").equals("node") ? nodeKeys : edgeKeys).add(key.getAttribute("id"));
        Set<String> nodes = new HashSet<>();
        for (Element node : elements(doc, "node"))
            nodes.add(node.getAttribute("id"));
        for (Element data : elements(doc, "data")) {
            String owner = ((Element) data.getParentNode()).getLocalName();
            assertTrue((owner.equals("node") ? nodeKeys : edgeKeys).contains(data.getAttribute("key")),
                    owner + " uses undeclared key " + data.getAttribute("key"));
        }
        for (Element edge : elements(doc, "edge")) {
            assertTrue(nodes.contains(edge.getAttribute("source")), edge.getAttribute("source"));
            assertTrue(nodes.contains(edge.getAttribute("target")), edge.getAttribute("target"));
        }
        for (Element node : elements(doc, "node"))
            assertTrue(node.getElementsByTagNameNS(NS, "data").getLength() > 0, "every node carries its label");
    }

    @Test
    void graphMlCarriesLabelsAndAttributes() {
        // Compared line by line, without the indentation.
        String lines = graphml.replaceAll("\n\\s+", "\n");
        assertTrue(lines.contains(String.join("\n",
                "<node id=\"https://meridian.example.org/id/organisation/ruritania\">",
                "<data key=\"label\">Ruritania</data>",
                "<data key=\"kind\">state</data>")), graphml);
        assertTrue(lines.contains(String.join("\n",
                "<data key=\"type\">trade flow</data>",
                "<data key=\"start\">2023</data>",
                "<data key=\"amount\">240.5</data>",
                "<data key=\"unit\">USD billion</data>",
                "<data key=\"source\">https://meridian.example.org/id/source/beta</data>",
                "<data key=\"relation\">https://meridian.example.org/id/observation/r-f-2023</data>")), graphml);
        assertTrue(graphml.contains("target=\"https://meridian.example.org/id/organisation/ruritania\" directed=\"false\">"), graphml);
        assertTrue(graphml.contains("<data key=\"label\">Bo \"the Quoted\" Example</data>"), graphml);
    }

    static List<CSVRecord> records(String text) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
    }

    @Test
    void theEdgeListHasOneRowPerEdgeWithBothLabels() throws IOException {
        List<CSVRecord> rows = records(csv);
        assertEquals(count(EDGES), rows.size());
        assertTrue(csv.startsWith("Source,Target,Type,Label,source_label,target_label,start,end,amount,unit,cited_source,relation,query\r\n"));
        CSVRecord membership = rows.stream().filter(r -> r.get("relation").endsWith("membership/bo-acme")).findFirst().orElseThrow();
        assertEquals("Bo \"the Quoted\" Example", membership.get("source_label"));
        assertEquals("Directed", membership.get("Type"));
        assertEquals("membership", membership.get("Label"));
        assertEquals("2021-03-01", membership.get("start"));
        assertEquals("", membership.get("end"));
    }

    @Test
    void csvCellsCannotRunAsSpreadsheetFormulas() throws IOException {
        List<CSVRecord> rows = records(csv);
        CSVRecord flow = rows.stream().filter(r -> r.get("relation").endsWith("observation/f-r-2023")).findFirst().orElseThrow();
        assertEquals("'-Freedonia", flow.get("source_label"));
        assertEquals("-3.25", flow.get("amount"), "a negative number stays a number");
        CSVRecord member = rows.stream().filter(r -> r.get("relation").endsWith("membership/ada-acme")).findFirst().orElseThrow();
        assertEquals("'=HYPERLINK(evil)", member.get("target_label"));
        for (CSVRecord row : rows)
            for (String cell : row)
                assertTrue(cell.isEmpty() || "=+@\t\r".indexOf(cell.charAt(0)) < 0
                        || cell.startsWith("-") && cell.matches("-[0-9.]+"), cell);
    }

    @Test
    void aNamedGraphsNetworkHasOnlyItsRelations() throws IOException {
        List<CSVRecord> rows = records(alphaCsv);
        assertEquals(List.of("membership", "membership", "statement"), rows.stream().map(r -> r.get("Label")).toList());
        for (CSVRecord row : rows)
            assertEquals("https://meridian.example.org/id/source/alpha", row.get("cited_source"));
    }

    @Test
    void queriesThatBreakTheContractAreReportedWithTheirFile() throws IOException {
        Path other = ExportFixture.project(temp.resolve("broken"));
        Files.writeString(other.resolve("queries/network/zz-extra.rq"), "SELECT ?from ?to ?type ?weight { ?from ?type ?to } LIMIT 1");
        Files.writeString(other.resolve("queries/network/zz-amount.rq"),
                "SELECT ?from ?to ?type ?amount { ?from <https://meridian.example.org/ontology#member> ?to BIND(\"m\" AS ?type) BIND(\"lots\" AS ?amount) }");
        ExportFixture.Run run = ExportFixture.run(other, "export", "--format", "graphml");
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().contains("\nqueries/network/zz-extra.rq: error: ?weight is not part of the edge contract"),
                run.err());
        Files.delete(other.resolve("queries/network/zz-extra.rq"));
        ExportFixture.Run rows = ExportFixture.run(other, "export", "--format", "csv");
        assertEquals(1, rows.exit());
        assertTrue(rows.err().contains("queries/network/zz-amount.rq: error: row 1: ?amount must be a number, got \"lots\"\n"
                + "queries/network/zz-amount.rq: error: row 2: ?amount must be a number, got \"lots\""), rows.err());
    }

    @Test
    void theProjectsEdgeQueriesKeepTheContract() throws Exception {
        // The real queries parse and keep the variable contract (they find nothing in today's curated data).
        List<EdgeQuery> queries = EdgeQuery.load(new org.meridian.graph.Project(Path.of("."), org.meridian.graph.Project.DEFAULT_BASE));
        assertEquals(List.of("queries/network/agreements.rq", "queries/network/memberships.rq",
                "queries/network/statements.rq", "queries/network/trade-flows.rq"),
                queries.stream().map(EdgeQuery::name).toList());
    }
}
