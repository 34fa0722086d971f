package org.meridian.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.ConnectionRecorder;
import org.meridian.graph.Project;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.TestProjects;

/** A real Fuseki on a free port over a real TDB2 build, spoken to over HTTP. */
class ServerTest {
    @TempDir
    static Path temp;
    static DatasetGraph dataset;
    static FusekiServer server;
    static String root;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        Path projectDir = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        DatabaseStore store = new DatabaseStore(temp.resolve("db"));
        Loader.Result result = new Loader(new Project(projectDir, Project.DEFAULT_BASE), store).load(false);
        assertTrue(result.ok(), () -> result.problems().sorted().toString());
        dataset = DatabaseStore.open(result.build().orElseThrow());
        server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work")).start();
        root = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        server.stop();
        TDBInternal.expel(dataset, true);
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(root + path)).build());
    }

    private static List<String> select(String query) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(root + "/meridian/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build());
        assertEquals(200, response.statusCode(), response.body());
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<String> values = new ArrayList<>();
        String var = results.getResultVars().get(0);
        results.forEachRemaining(row -> {
            var node = row.get(var);
            values.add(node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString());
        });
        return values;
    }

    private static long personCount() throws IOException, InterruptedException {
        List<String> n = select("SELECT (COUNT(*) AS ?n) { ?s a <http://example.org/ns#Person> }");
        return Long.parseLong(n.get(0));
    }

    @Test
    void selectOverHttpAnswersFromTheDatabase() throws Exception {
        assertEquals(List.of("Vladimir Putin", "Xi Jinping"),
                select("SELECT ?name { ?p a <http://example.org/ns#Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name"));
    }

    @Test
    void namedGraphsAreQueryableAndTheDefaultGraphIsTheirUnion() throws Exception {
        assertEquals(List.of("https://meridian.example.org/graph/article"),
                select("SELECT DISTINCT ?g { GRAPH ?g { ?s a <http://example.org/ns#Person> } }"));
    }

    @Test
    void updatesAndGraphStoreWritesAreRefusedAndChangeNothing() throws Exception {
        long before = personCount();
        String insert = "INSERT DATA { <http://example.org/x> a <http://example.org/ns#Person> }";
        List<HttpRequest> writes = List.of(
                HttpRequest.newBuilder(URI.create(root + "/meridian/update"))
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(insert)).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian"))
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(insert)).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian/sparql"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("update=" + URLEncoder.encode(insert, StandardCharsets.UTF_8))).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian/data?default"))
                        .header("Content-Type", "text/turtle")
                        .PUT(HttpRequest.BodyPublishers.ofString("<http://example.org/x> a <http://example.org/ns#Person> .")).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian?graph=http://example.org/g"))
                        .header("Content-Type", "text/turtle")
                        .POST(HttpRequest.BodyPublishers.ofString("<http://example.org/x> a <http://example.org/ns#Person> .")).build(),
                HttpRequest.newBuilder(URI.create(root + "/meridian/get?graph=https://meridian.example.org/graph/article"))
                        .DELETE().build());
        for (HttpRequest write : writes) {
            // A fresh client each time: Jetty may close a connection after refusing a request
            // whose body it did not read, and a pooled connection would then fail the next one.
            int status = HttpClient.newHttpClient().send(write, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertTrue(status >= 400 && status < 500, write.method() + " " + write.uri() + " answered " + status);
        }
        assertEquals(before, personCount());
        assertEquals(2, before);
    }

    @Test
    void theUiAndTheStatusItNeedsAreServed() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Apache Jena Fuseki UI</title>"), page.body());

        HttpResponse<String> status = get("/$/server");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"ds.name\" : \"/meridian\""), status.body());
        assertEquals(200, get("/$/ping").statusCode());
    }

    @Test
    void theAdminAreaIsAbsent() throws Exception {
        assertEquals(404, get("/$/datasets").statusCode());
        for (String action : List.of("/$/datasets?dbName=x&dbType=mem", "/$/backup/meridian", "/$/compact/meridian",
                "/$/validate/data", "/$/validate/query")) {
            int status = send(HttpRequest.newBuilder(URI.create(root + action))
                    .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
            assertTrue(status == 404 || status == 405, action + " answered " + status);
        }
    }

    @Test
    void serviceIsRefusedWithoutConnectingAnywhere() throws Exception {
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            String query = "SELECT * { SERVICE <" + recorder.url("/sparql") + "> { ?s ?p ?o } }";
            HttpResponse<String> response = get("/meridian/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, response.statusCode() + " " + response.body());
            Thread.sleep(300);
            assertEquals(0, recorder.connections());
        }
    }
}
