package org.meridian.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.meridian.graph.Project;
import org.meridian.testing.LinkedFixture;
import org.meridian.testing.ServedProject;

/**
 * Entity IRIs and ontology terms dereferenced over real HTTP from a real Fuseki over a real TDB2
 * build of the linked-data fixture: every RDF form parses with Jena's strict parser and says what
 * the database says; HTML for browsers; 404 and 406; and the dataset's VoID and service
 * description, whose counts are checked against the data itself.
 */
class LinkedDataServerTest {
    static final String BASE = Project.DEFAULT_BASE;
    static final String MER = "https://meridian.example.org/ontology#";
    static final Node PUTIN = NodeFactory.createURI(BASE + "id/person/vladimir-putin");
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    @TempDir
    static Path temp;
    static ServedProject served;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        served = ServedProject.start(LinkedFixture.copy(temp.resolve("project")), BASE, temp.resolve("db"), List.of());
    }

    @AfterAll
    static void stop() {
        if (served != null)
            served.close();
    }

    static HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(served.root() + path));
        if (accept != null)
            request.header("Accept", accept);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Parses a body strictly in the syntax its Content-Type names. */
    static DatasetGraph parse(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        Lang lang = RDFLanguages.contentTypeToLang(contentType.split(";")[0].strip());
        DatasetGraph parsed = DatasetGraphFactory.createGeneral();
        RDFParser.fromString(response.body(), lang).errorHandler(ErrorHandlerFactory.errorHandlerStrict).parse(parsed);
        return parsed;
    }

    /** Jetty writes "type;charset=utf-8" for some types and "type; charset=utf-8" for others: compare the parts. */
    static void assertContentType(String expected, HttpResponse<String> response) {
        String header = response.headers().firstValue("Content-Type").orElseThrow();
        String[] parts = header.split(";");
        assertEquals(expected, parts[0].strip(), header);
        assertEquals(2, parts.length, header);
        assertEquals("charset=utf-8", parts[1].strip().toLowerCase(), header);
    }

    static Graph union(DatasetGraph dataset) {
        Graph all = GraphFactory.createDefaultGraph();
        dataset.find().forEachRemaining(q -> all.add(q.asTriple()));
        return all;
    }

    static Node iri(String iri) {
        return NodeFactory.createURI(iri);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
            "application/trig", "application/n-quads"})
    void anEntityIriAnswersEachRdfTypeAndItParses(String type) throws Exception {
        HttpResponse<String> response = get("id/person/vladimir-putin", type);
        assertEquals(200, response.statusCode(), response.body());
        assertContentType(type, response);
        assertEquals("Accept", response.headers().firstValue("Vary").orElseThrow());
        Graph graph = union(parse(response));
        assertTrue(graph.contains(PUTIN, RDFS.label.asNode(), NodeFactory.createLiteralLang("Vladimir Putin", "en")), response.body());
        assertTrue(graph.contains(PUTIN, OWL.sameAs.asNode(), iri("http://www.wikidata.org/entity/Q7747")), response.body());
        // The other direction: the membership that names him.
        assertTrue(graph.contains(iri(BASE + "id/membership/putin-russia"), iri(MER + "member"), PUTIN), response.body());
        // Nothing about other people.
        assertFalse(graph.contains(iri(BASE + "id/person/sergei-lavrov"), Node.ANY, Node.ANY));
    }

    @Test
    void theQuadFormsKeepTheNamedGraphOfEachStatement() throws Exception {
        DatasetGraph quads = parse(get("id/person/vladimir-putin", "application/n-quads"));
        assertTrue(quads.contains(iri(BASE + "graph/visit"), PUTIN, RDFS.label.asNode(), Node.ANY));
        assertTrue(quads.contains(iri(BASE + "graph/briefing"), iri(BASE + "id/membership/putin-russia"), iri(MER + "member"), PUTIN));
        assertTrue(quads.contains(iri(BASE + "graph/table/links"), PUTIN, OWL.sameAs.asNode(), Node.ANY));
    }

    @Test
    void turtleUsesThePrefixesTheOntologyDeclares() throws Exception {
        // The server reads them from ontology/ at the first description that needs them, not at start-up.
        String turtle = get("id/person/vladimir-putin", "text/turtle").body();
        assertTrue(turtle.matches("(?s).*(PREFIX|@prefix) +mer: +<" + MER.replace(".", "\\.") + ">.*"), turtle);
        assertTrue(turtle.contains("mer:Person"), turtle);
    }

    @Test
    void browsersGetThePageAndFormatOverridesAccept() throws Exception {
        HttpResponse<String> page = get("id/person/vladimir-putin",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(200, page.statusCode());
        assertContentType("text/html", page);
        assertEquals("Accept", page.headers().firstValue("Vary").orElseThrow());
        assertTrue(page.body().contains("<h1>Vladimir Putin</h1>"), page.body());

        HttpResponse<String> turtle = get("id/person/vladimir-putin?format=turtle", "text/html");
        assertContentType("text/turtle", turtle);
        // Vary may name Origin (CORS), never Accept: the format is fixed by the URL.
        assertTrue(turtle.headers().allValues("Vary").stream().noneMatch(v -> v.contains("Accept")),
                "?format= does not vary with Accept");
        assertTrue(union(parse(turtle)).contains(PUTIN, RDFS.label.asNode(), Node.ANY));
    }

    @Test
    void unknownIrisAre404AndUnsupportedTypes406() throws Exception {
        HttpResponse<String> missing = get("id/person/nobody", "text/turtle");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains(BASE + "id/person/nobody"), missing.body());

        HttpResponse<String> png = get("id/person/vladimir-putin", "image/png");
        assertEquals(406, png.statusCode());
        assertEquals("Accept", png.headers().firstValue("Vary").orElseThrow());
        assertTrue(png.body().contains("text/turtle") && png.body().contains("?format="), png.body());
        assertEquals(406, get("id/person/vladimir-putin?format=pdf", null).statusCode());
        assertEquals(405, http.send(HttpRequest.newBuilder(URI.create(served.root() + "id/person/vladimir-putin"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void linkRecordsDereferenceWithTheirEvidence() throws Exception {
        Graph graph = union(parse(get("id/link/person/vladimir-putin/wikidata", "text/turtle")));
        assertTrue(graph.contains(Node.ANY, iri(MER + "evidence"), NodeFactory.createLiteralString("test evidence for Putin's QID")));
    }

    @Test
    void theOntologyDocumentAnswersForItsHashTerms() throws Exception {
        HttpResponse<String> turtle = get("ontology", "text/turtle");
        assertEquals(200, turtle.statusCode(), turtle.body());
        Graph graph = union(parse(turtle));
        assertTrue(graph.contains(iri(MER + "Person"), RDFS.label.asNode(), Node.ANY));
        assertTrue(graph.contains(iri(MER + "Link"), RDFS.label.asNode(), Node.ANY), "the link terms too");
        HttpResponse<String> page = get("ontology", "text/html");
        assertTrue(page.body().contains("id=\"Person\""), "a browser following .../ontology#Person lands on it");
    }

    @Test
    void theIriDoesNotDependOnTheHostAndTheBaseIsConfigurable() throws Exception {
        String otherBase = "https://kg.example.net/meridian/";
        try (ServedProject other = ServedProject.start(LinkedFixture.copy(temp.resolve("other")), otherBase,
                temp.resolve("other-db"), List.of())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(other.root() + "id/person/vladimir-putin")).header("Accept", "text/turtle").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            Graph graph = union(parse(response));
            assertTrue(graph.contains(iri(otherBase + "id/person/vladimir-putin"), RDFS.label.asNode(), Node.ANY), response.body());
            assertFalse(response.body().contains("127.0.0.1"), "no IRI names the host it was served from");
        }
    }

    // ---- VoID and the service description

    static long count(String query) throws Exception {
        HttpResponse<String> response = get("meridian/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8),
                "application/sparql-results+json");
        assertEquals(200, response.statusCode(), response.body());
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        return results.next().getLiteral("n").getLong();
    }

    static long number(Graph graph, Node subject, String property) {
        List<Node> values = graph.find(subject, iri(property), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertEquals(1, values.size(), subject + " " + property + ": " + values);
        return ((Number) values.get(0).getLiteralValue()).longValue();
    }

    static Node one(Graph graph, Node subject, String property, Node object) {
        List<Node> found = subject == null
                ? graph.find(Node.ANY, iri(property), object).mapWith(t -> t.getSubject()).toList()
                : graph.find(subject, iri(property), Node.ANY).mapWith(t -> t.getObject()).toList();
        assertEquals(1, found.size(), property + ": " + found);
        return found.get(0);
    }

    @Test
    void theVoidCountsMatchTheData() throws Exception {
        HttpResponse<String> response = get(".well-known/void", "text/turtle");
        assertEquals(200, response.statusCode(), response.body());
        Graph voidGraph = union(parse(response));
        Node dataset = iri(BASE + ".well-known/void#meridian");

        assertEquals(count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }"),
                number(voidGraph, dataset, VOID + "triples"));
        assertEquals(count("SELECT (COUNT(DISTINCT ?s) AS ?n) { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?s), '" + BASE + "id/')) }"),
                number(voidGraph, dataset, VOID + "entities"));
        assertEquals(count("SELECT (COUNT(DISTINCT ?c) AS ?n) { GRAPH ?g { ?s a ?c } }"), number(voidGraph, dataset, VOID + "classes"));
        assertEquals(count("SELECT (COUNT(DISTINCT ?p) AS ?n) { GRAPH ?g { ?s ?p ?o } }"), number(voidGraph, dataset, VOID + "properties"));
        assertEquals(served.root() + "meridian/sparql", one(voidGraph, dataset, VOID + "sparqlEndpoint", null).getURI());
        assertEquals(served.root() + "dumps/meridian.nq.gz", one(voidGraph, dataset, VOID + "dataDump", null).getURI());
        assertFalse(voidGraph.find(dataset, iri(VOID + "exampleResource"), Node.ANY).toList().isEmpty());
        assertTrue(voidGraph.contains(dataset, iri(VOID + "vocabulary"), iri("https://meridian.example.org/ontology")));

        // One linkset per external target, counted from the fixture's links table: 3 Wikidata, 1 GeoNames.
        Node wikidata = one(voidGraph, null, VOID + "objectsTarget", iri(MER + "wikidata"));
        assertEquals(3, number(voidGraph, wikidata, VOID + "triples"));
        assertEquals(OWL.sameAs.asNode(), one(voidGraph, wikidata, VOID + "linkPredicate", null));
        Node geonames = one(voidGraph, null, VOID + "objectsTarget", iri(MER + "geonames"));
        assertEquals(1, number(voidGraph, geonames, VOID + "triples"));

        // Every named graph, with its size.
        Set<String> graphs = new TreeSet<>();
        for (Node named : voidGraph.find(dataset, iri(SD + "namedGraph"), Node.ANY).mapWith(t -> t.getObject()).toList()) {
            Node name = one(voidGraph, named, SD + "name", null);
            graphs.add(name.getURI());
            Node subset = one(voidGraph, named, SD + "graph", null);
            assertEquals(count("SELECT (COUNT(*) AS ?n) { GRAPH <" + name.getURI() + "> { ?s ?p ?o } }"),
                    number(voidGraph, subset, VOID + "triples"), name.getURI());
        }
        assertEquals(Set.of(BASE + "graph/ontology", BASE + "graph/visit", BASE + "graph/briefing", BASE + "graph/table/links"), graphs);
    }

    @ParameterizedTest(name = "VoID as {0}")
    @ValueSource(strings = {"text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
            "application/trig", "application/n-quads"})
    void theVoidParsesInEveryForm(String type) throws Exception {
        HttpResponse<String> response = get(".well-known/void", type);
        assertEquals(200, response.statusCode());
        assertTrue(union(parse(response)).contains(iri(BASE + ".well-known/void#meridian"), iri(VOID + "triples"), Node.ANY));
    }

    @Test
    void theEndpointDescribesItselfWhenGotWithoutAQuery() throws Exception {
        HttpResponse<String> response = get("meridian/sparql", "text/turtle");
        assertEquals(200, response.statusCode(), response.body());
        Graph description = union(parse(response));
        Node endpoint = iri(served.root() + "meridian/sparql");
        assertTrue(description.contains(endpoint, iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), iri(SD + "Service")));
        assertTrue(description.contains(endpoint, iri(SD + "endpoint"), endpoint));
        assertTrue(description.contains(endpoint, iri(SD + "supportedLanguage"), iri(SD + "SPARQL11Query")));
        assertTrue(description.contains(endpoint, iri(SD + "feature"), iri(SD + "UnionDefaultGraph")));
        assertFalse(description.contains(endpoint, iri(SD + "feature"), iri(SD + "BasicFederatedQuery")), "SERVICE is off");
        Node dataset = one(description, endpoint, SD + "defaultDataset", null);
        assertEquals(4, description.find(dataset, iri(SD + "namedGraph"), Node.ANY).toList().size());
        // The endpoint still answers queries.
        assertEquals(1, count("SELECT (COUNT(*) AS ?n) { ?s <" + OWL.sameAs.getURI() + "> <http://www.wikidata.org/entity/Q7747> }"));
        assertNull(get("meridian/sparql", "image/png").headers().firstValue("Content-Type").filter(t -> t.startsWith("text/turtle")).orElse(null));
    }
}
