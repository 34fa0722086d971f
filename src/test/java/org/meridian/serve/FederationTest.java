package org.meridian.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.Project;
import org.meridian.testing.ConnectionRecorder;
import org.meridian.testing.LinkedFixture;
import org.meridian.testing.ServedProject;

/**
 * SERVICE with an allow-list: our server (real TDB2, real Fuseki) federates with a second local
 * Fuseki on another loopback port serving a Wikidata-shaped extract, joining through the curated
 * sameAs links; any other endpoint, and any SERVICE ?var, is refused with 422 before a connection
 * is made, which a recording listener proves.
 */
class FederationTest {
    static final String PREFIXES = """
            PREFIX mer:  <https://meridian.example.org/ontology#>
            PREFIX owl:  <http://www.w3.org/2002/07/owl#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX wdt:  <http://www.wikidata.org/prop/direct/>
            """;

    @TempDir
    static Path temp;
    static FusekiServer wikidata;
    static String wikidataEndpoint;
    static ServedProject served;
    static ServedProject closed;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        DatasetGraph extract = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(extract, "src/test/resources/wikidata/extract.ttl");
        wikidata = FusekiServer.create().loopback(true).port(0).add("/wikidata", extract, false).build().start();
        wikidataEndpoint = "http://127.0.0.1:" + wikidata.getPort() + "/wikidata/sparql";
        served = ServedProject.start(LinkedFixture.copy(temp.resolve("project")), Project.DEFAULT_BASE,
                temp.resolve("db"), List.of(wikidataEndpoint));
        closed = ServedProject.start(LinkedFixture.copy(temp.resolve("closed")), Project.DEFAULT_BASE,
                temp.resolve("closed-db"), List.of());
    }

    @AfterAll
    static void stop() {
        if (served != null)
            served.close();
        if (closed != null)
            closed.close();
        if (wikidata != null)
            wikidata.stop();
    }

    static HttpResponse<String> query(ServedProject server, String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.root() + "meridian/sparql?query="
                        + URLEncoder.encode(PREFIXES + query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static List<String> rows(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<String> rows = new ArrayList<>();
        results.forEachRemaining(row -> {
            List<String> cells = new ArrayList<>();
            results.getResultVars().forEach(v -> cells.add(row.get(v).asLiteral().getLexicalForm()));
            rows.add(String.join(" | ", cells));
        });
        return rows;
    }

    @Test
    void anAllowedEndpointIsJoinedThroughTheSameAsLinks() throws Exception {
        String query = """
                SELECT ?state ?capital WHERE {
                  ?s a mer:State ; rdfs:label ?stateLabel ; owl:sameAs ?item .
                  SERVICE <%s> { ?item wdt:P36 ?c . ?c rdfs:label ?capitalLabel }
                  BIND(STR(?stateLabel) AS ?state) BIND(STR(?capitalLabel) AS ?capital)
                } ORDER BY ?state""".formatted(wikidataEndpoint);
        assertEquals(List.of("China | Beijing", "Russia | Moscow"), rows(query(served, query)));
    }

    @Test
    void anyOtherEndpointIsRefusedWithoutAConnection() throws Exception {
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            for (String endpoint : List.of(recorder.url("/sparql"), recorder.url("/wikidata/sparql"))) {
                HttpResponse<String> response = query(served, "SELECT * { SERVICE <" + endpoint + "> { ?s ?p ?o } }");
                assertEquals(422, response.statusCode(), response.body());
                assertTrue(response.body().contains("only federates with <" + wikidataEndpoint + ">"), response.body());
                HttpResponse<String> silent = query(served, "SELECT * { SERVICE SILENT <" + endpoint + "> { ?s ?p ?o } }");
                assertEquals(422, silent.statusCode(), silent.body());
            }
            // The allow-list is exact: the listed endpoint with another path or a trailing slash is another endpoint.
            assertEquals(422, query(served, "SELECT * { SERVICE <" + wikidataEndpoint + "/> { ?s ?p ?o } }").statusCode());
            assertEquals(0, recorder.connections());
        }
    }

    @Test
    void serviceWithAVariableIsRefusedWhateverItIsBoundTo() throws Exception {
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            for (String endpoint : List.of(wikidataEndpoint, recorder.url("/sparql"))) {
                HttpResponse<String> response = query(served,
                        "SELECT * { VALUES ?e { <" + endpoint + "> } SERVICE ?e { ?s ?p ?o } }");
                assertEquals(422, response.statusCode(), response.body());
                assertTrue(response.body().contains("SERVICE ?e is refused"), response.body());
            }
            assertEquals(0, recorder.connections());
        }
    }

    @Test
    void withoutAnAllowListServiceIsOffAndConnectsNowhere() throws Exception {
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            for (String endpoint : List.of(recorder.url("/sparql"), wikidataEndpoint)) {
                HttpResponse<String> response = query(closed, "SELECT * { SERVICE <" + endpoint + "> { ?s ?p ?o } }");
                assertEquals(422, response.statusCode(), response.body());
                assertTrue(response.body().contains("SERVICE is off on this endpoint"), response.body());
            }
            assertEquals(0, recorder.connections());
        }
    }

    @Test
    void theServiceDescriptionSaysFederationIsOn() throws Exception {
        HttpResponse<String> description = http.send(HttpRequest.newBuilder(URI.create(served.root() + "meridian/sparql"))
                .header("Accept", "application/n-triples").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(description.body().contains("<http://www.w3.org/ns/sparql-service-description#BasicFederatedQuery>"),
                description.body());
    }
}
