package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.serve.MeridianServer;
import org.meridian.store.DatabaseStore;

/**
 * The same exports over HTTP: the Graph Store Protocol's read side gives what {@code export}
 * gives, and the SPARQL endpoint's content negotiation gives what {@code query --format} gives.
 */
class ExportsOverHttpTest {
    static final String BASE = "https://meridian.example.org/";
    static final List<String> GRAPHS = List.of("alpha", "beta", "ontology");
    static final String SELECT = "SELECT ?name ?kind { ?x a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?name . "
            + "?c <http://www.w3.org/2000/01/rdf-schema#label> ?kind FILTER(?c != <http://www.w3.org/2002/07/owl#Class>) } ORDER BY ?name ?kind";
    static final String ASK = "ASK { ?s ?p \"Ada Example\"@en }";
    static final String CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s a <https://meridian.example.org/ontology#Person> ; ?p ?o }";
    static final String CONSTRUCT_QUADS = "CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s a <https://meridian.example.org/ontology#State> ; ?p ?o } }";
    static final String DESCRIBE = "DESCRIBE <https://meridian.example.org/id/organisation/ruritania>";
    static final Map<String, Lang> RESULTS = Map.of("csv", ResultSetLang.RS_CSV, "tsv", ResultSetLang.RS_TSV,
            "json", ResultSetLang.RS_JSON, "xml", ResultSetLang.RS_XML);

    @TempDir
    static Path temp;
    static Path project;
    static final Map<String, String> cli = new HashMap<>();
    static DatasetGraph dataset;
    static FusekiServer server;
    static String root;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void exportThenServe() {
        project = ExportFixture.project(temp.resolve("project"));
        // The command line first: it opens and closes the database, which the server then holds.
        for (String graph : GRAPHS)
            for (RdfFormat format : RdfFormat.values())
                cli.put(graph + " " + format.id(),
                        ExportFixture.ok(project, "export", "--graph", "graph/" + graph, "--format", format.id()).out());
        cli.put("all nquads", ExportFixture.ok(project, "export", "--format", "nquads").out());
        cli.put("all turtle", ExportFixture.ok(project, "export", "--format", "turtle").out());
        for (String format : RESULTS.keySet()) {
            cli.put("select " + format, ExportFixture.ok(project, "query", "--query", SELECT, "--format", format).out());
            cli.put("ask " + format, ExportFixture.ok(project, "query", "--query", ASK, "--format", format).out());
        }
        for (RdfFormat format : RdfFormat.values()) {
            cli.put("construct " + format.id(), ExportFixture.ok(project, "query", "--query", CONSTRUCT, "--format", format.id()).out());
            cli.put("describe " + format.id(), ExportFixture.ok(project, "query", "--query", DESCRIBE, "--format", format.id()).out());
        }
        for (RdfFormat format : List.of(RdfFormat.TRIG, RdfFormat.NQUADS))
            cli.put("quads " + format.id(), ExportFixture.ok(project, "query", "--query", CONSTRUCT_QUADS, "--format", format.id()).out());

        dataset = DatabaseStore.open(new DatabaseStore(project.resolve("var/db")).current().orElseThrow());
        server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work"),
                MeridianServer.jsonLdContext(JsonLdContext.file(new org.meridian.graph.Project(project, BASE)))).start();
        root = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        TDBInternal.expel(dataset, true);
    }

    static HttpResponse<String> get(String path, String accept) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(root + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + " " + accept + ": " + response.body());
        return response;
    }

    static String sparql(String query, String accept) throws Exception {
        return get("/meridian/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), accept).body();
    }

    @Test
    void eachNamedGraphOverTheGraphStoreIsWhatExportGivesInEveryFormat() throws Exception {
        // A graph over the Graph Store is a graph: the protocol offers the triple formats and JSON-LD for it.
        List<RdfFormat> formats = List.of(RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.RDFXML, RdfFormat.JSONLD);
        for (String graph : GRAPHS)
            for (RdfFormat format : formats) {
                HttpResponse<String> response = get("/meridian/data?graph=" + BASE + "graph/" + graph, format.mediaType());
                String what = graph + " as " + format.mediaType();
                assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(format.mediaType()), what);
                DatasetGraph served = Rdf.read(response.body(), format.lang());
                DatasetGraph exported = Rdf.read(cli.get(graph + " " + format.id()), format.lang());
                // Over the Graph Store a graph is sent as triples; export keeps the graph name in quad formats.
                var exportedGraph = format.quads() ? exported.getGraph(NodeFactory.createURI(BASE + "graph/" + graph))
                        : exported.getDefaultGraph();
                Rdf.assertIsomorphic(exportedGraph, served.getDefaultGraph(), what);
            }
    }

    @Test
    void theWholeDatasetOverTheGraphStoreIsWhatExportGives() throws Exception {
        DatasetGraph exported = Rdf.read(cli.get("all nquads"), Lang.NQUADS);
        for (Lang lang : List.of(Lang.NQUADS, Lang.TRIG))
            Rdf.assertSameDataset(exported, Rdf.read(get("/meridian/data", lang.getHeaderString()).body(), lang), lang.getName());
        // The default graph is the one queries see, the union of the named graphs, by either name.
        DatasetGraph union = Rdf.read(get("/meridian/data?graph=union", "text/turtle").body(), Lang.TURTLE);
        Rdf.assertIsomorphic(Rdf.read(cli.get("all turtle"), Lang.TURTLE).getDefaultGraph(), union.getDefaultGraph(), "union");
        DatasetGraph defaultGraph = Rdf.read(get("/meridian/data?default", "text/turtle").body(), Lang.TURTLE);
        Rdf.assertIsomorphic(union.getDefaultGraph(), defaultGraph.getDefaultGraph(), "?default");
    }

    @Test
    void graphStoreWritesAreRefusedAndChangeNothing() throws Exception {
        String alpha = BASE + "graph/alpha";
        long before = Txn.calculateRead(dataset, () -> dataset.getGraph(NodeFactory.createURI(alpha)).size());
        String body = "<http://example.org/x> <http://example.org/p> 1 .";
        for (HttpRequest write : List.of(
                HttpRequest.newBuilder(URI.create(root + "/meridian/data?graph=" + alpha)).header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian/data?graph=" + alpha)).header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian/data?graph=" + alpha)).DELETE().build())) {
            int status = HttpClient.newHttpClient().send(write, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(status >= 400 && status < 500, write.method() + " answered " + status);
        }
        long after = Txn.calculateRead(dataset, () -> dataset.getGraph(NodeFactory.createURI(alpha)).size());
        assertEquals(before, after);
        assertTrue(before > 20, "alpha has " + before + " triples");
    }

    @Test
    void theJsonLdContextIsServedAtAStableAddress() throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(root + "/context.jsonld")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        assertArrayEquals(Files.readAllBytes(project.resolve("ontology/context.jsonld")), response.body());
    }

    static List<List<String>> rows(String text, Lang lang) {
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), lang);
        List<List<String>> rows = new ArrayList<>();
        rows.add(results.getResultVars());
        results.forEachRemaining(row -> {
            List<String> values = new ArrayList<>();
            results.getResultVars().forEach(v -> values.add(String.valueOf(row.get(v))));
            rows.add(values);
        });
        return rows;
    }

    @Test
    void selectAndAskOverHttpAnswerAsTheCommandLineDoes() throws Exception {
        Map<String, String> accept = Map.of("csv", "text/csv", "tsv", "text/tab-separated-values",
                "json", "application/sparql-results+json", "xml", "application/sparql-results+xml");
        for (String format : RESULTS.keySet()) {
            String served = sparql(SELECT, accept.get(format));
            if (format.equals("csv") || format.equals("tsv"))
                assertEquals(cli.get("select " + format), served, format);
            List<List<String>> rows = rows(served, RESULTS.get(format));
            assertEquals(rows(cli.get("select " + format), RESULTS.get(format)), rows, format);
            assertTrue(rows.size() > 5, "the fixture has named, typed actors: " + rows);
            Lang lang = RESULTS.get(format);
            if (lang != ResultSetLang.RS_CSV && lang != ResultSetLang.RS_TSV) {
                boolean answer = ResultSetMgr.readBoolean(new ByteArrayInputStream(sparql(ASK, accept.get(format)).getBytes(StandardCharsets.UTF_8)), lang);
                assertTrue(answer);
                assertEquals(answer, ResultSetMgr.readBoolean(new ByteArrayInputStream(cli.get("ask " + format).getBytes(StandardCharsets.UTF_8)), lang));
            }
        }
    }

    @Test
    void constructAndDescribeOverHttpAnswerAsTheCommandLineDoesInEveryFormat() throws Exception {
        for (RdfFormat format : RdfFormat.values()) {
            for (String kind : List.of("construct", "describe")) {
                String served = sparql(kind.equals("construct") ? CONSTRUCT : DESCRIBE, format.mediaType());
                var fromHttp = Rdf.read(served, format.lang()).getDefaultGraph();
                var fromCli = Rdf.read(cli.get(kind + " " + format.id()), format.lang()).getDefaultGraph();
                assertTrue(fromCli.size() > 0, kind + " " + format.id());
                Rdf.assertIsomorphic(fromCli, fromHttp, kind + " as " + format.mediaType());
            }
        }
        for (RdfFormat format : List.of(RdfFormat.TRIG, RdfFormat.NQUADS)) {
            DatasetGraph fromCli = Rdf.read(cli.get("quads " + format.id()), format.lang());
            assertEquals(List.of(BASE + "graph/alpha", BASE + "graph/beta"), List.copyOf(Rdf.graphNames(fromCli)));
            // GRAPH in a CONSTRUCT template is Jena's extension: the command line takes it, the public
            // endpoint takes standard SPARQL 1.1 only (some extensions outrun every timeout).
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(root + "/meridian/sparql?query="
                    + URLEncoder.encode(CONSTRUCT_QUADS, StandardCharsets.UTF_8))).header("Accept", format.mediaType()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("standard SPARQL 1.1 only"), refused.body());
        }
    }
}
