package org.meridian.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.ConnectionRecorder;
import org.meridian.serve.MeridianServer;

/**
 * The public endpoint's defaults, each checked over HTTP against a real server: read-only,
 * admin area closed, no scripting, SERVICE and LOAD fetch nothing, row cap with its signal,
 * size limits, read-only CORS, no JSONP, no stack traces, nosniff.
 */
class PublicEndpointTest {
    private static final String PERSON = "http://example.org/ns#Person";

    @TempDir
    static Path temp;
    static RunningServer server;
    /** The same dataset served with a row limit of 1 and one allowed origin. */
    static FusekiServer strict;
    static String strictRoot;

    @BeforeAll
    static void start() {
        server = new RunningServer(RunningServer.miniDataset(temp), new MeridianServer.Settings("127.0.0.1", 0),
                temp.resolve("work"));
        Limits oneRow = new Limits(Limits.DEFAULT_QUERY_TIMEOUT, 1, Limits.DEFAULT_MAX_BODY_BYTES, Limits.DEFAULT_MAX_HEADER_BYTES);
        strict = MeridianServer.build(server.dataset, new MeridianServer.Settings("127.0.0.1", 0, List.of(), oneRow,
                List.of("https://app.example.org"), Optional.empty()), temp.resolve("work2")).start();
        strictRoot = "http://127.0.0.1:" + strict.getPort();
    }

    @AfterAll
    static void stop() {
        strict.stop();
        server.close();
    }

    private static long personCount() throws Exception {
        HttpResponse<String> response = server.get(server.queryPath(
                "SELECT (COUNT(*) AS ?n) { ?s a <" + PERSON + "> }"), "text/csv");
        assertEquals(200, response.statusCode(), response.body());
        return Long.parseLong(response.body().split("\r\n")[1]);
    }

    private static HttpRequest.Builder post(String path, String contentType, String body) {
        return server.request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Listens on a free local port and counts the connections made to it while {@code action} runs. */
    private static int connectionsDuring(Function<Integer, Void> action) throws Exception {
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            action.apply(recorder.port());
            Thread.sleep(300);
            return recorder.connections();
        }
    }

    private static void assertClientError(HttpResponse<String> response, String what) {
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                what + " answered " + response.statusCode() + ": " + response.body());
    }

    @Test
    void updatesGraphStoreWritesAndLoadAreRefusedAndFetchNothing() throws Exception {
        long before = personCount();
        String insert = "INSERT DATA { <http://example.org/x> a <" + PERSON + "> }";
        List<HttpResponse<String>> answers = new ArrayList<>();
        int connections = connectionsDuring(port -> {
            String load = "LOAD <http://127.0.0.1:" + port + "/data.ttl>";
            List<HttpRequest> writes = new ArrayList<>();
            for (String update : List.of(insert, load, "DROP ALL", "CLEAR DEFAULT")) {
                for (String path : List.of("/meridian", "/meridian/update", "/meridian/sparql", "/meridian/query", "/meridian/get"))
                    writes.add(post(path, "application/sparql-update", update).build());
                writes.add(post("/meridian", "application/x-www-form-urlencoded",
                        "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8)).build());
                writes.add(post("/meridian/sparql", "application/x-www-form-urlencoded",
                        "update=" + URLEncoder.encode(update, StandardCharsets.UTF_8)).build());
            }
            String turtle = "<http://example.org/x> a <" + PERSON + "> .";
            for (String target : List.of("/meridian?default", "/meridian/data?default", "/meridian/get?default",
                    "/meridian/get?graph=https://meridian.example.org/graph/article", "/meridian?graph=http://example.org/g")) {
                writes.add(server.request(target).header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString(turtle)).build());
                writes.add(server.request(target).header("Content-Type", "text/turtle").POST(HttpRequest.BodyPublishers.ofString(turtle)).build());
                writes.add(server.request(target).header("Content-Type", "text/turtle").method("PATCH", HttpRequest.BodyPublishers.ofString(turtle)).build());
                writes.add(server.request(target).DELETE().build());
            }
            for (HttpRequest write : writes) {
                try {
                    answers.add(server.send(write));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
        for (HttpResponse<String> answer : answers)
            assertClientError(answer, answer.request().method() + " " + answer.request().uri());
        assertEquals(0, connections, "LOAD made the server connect out");
        assertEquals(before, personCount());
        assertEquals(2, before);
    }

    @Test
    void theAdminAreaOffersOnlyReadOnlyStatusEvenToTheSampleUser() throws Exception {
        String sampleUser = "Basic " + Base64.getEncoder().encodeToString("user1:passwd1".getBytes(StandardCharsets.UTF_8));
        for (String path : List.of("/$/datasets", "/$/datasets/meridian", "/$/backup/meridian", "/$/backups/list",
                "/$/compact/meridian", "/$/tasks", "/$/metrics", "/$/logs", "/$/reload", "/$/sleep",
                "/$/validate/data", "/$/validate/query", "/$/server/shutdown")) {
            for (String method : List.of("GET", "POST", "DELETE")) {
                HttpResponse<String> answer = server.send(server.request(path).header("Authorization", sampleUser)
                        .method(method, HttpRequest.BodyPublishers.noBody()).build());
                assertEquals(404, answer.statusCode(), method + " " + path + ": " + answer.body());
            }
        }
        assertEquals(404, server.send(server.request("/$/server").POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode());
        for (String path : List.of("/$/ping", "/$/server", "/$/stats", "/$/stats/meridian"))
            assertEquals(200, server.get(path, "*/*").statusCode(), path);
        // No shiro.ini with its sample user is written anywhere the server looks.
        assertFalse(Files.exists(temp.resolve("work/shiro.ini")));
    }

    @Test
    void scriptingFunctionsAreRefusedEvenWhenTheJvmAllowsScripting() throws Exception {
        String before = System.getProperty(ARQ.systemPropertyScripting);
        System.setProperty(ARQ.systemPropertyScripting, "true");
        ARQ.getContext().set(ARQ.symCustomFunctionScriptAllowList, "f");
        try {
            for (String query : List.of(
                    "SELECT (<http://jena.apache.org/ARQ/jsFunction#f>(1) AS ?x) {}",
                    "SELECT * { ?s ?p ?o FILTER(<http://jena.apache.org/ARQ/jsFunction#f>(?o)) }",
                    "ASK { FILTER NOT EXISTS { BIND(<http://jena.apache.org/ARQ/jsFunction#f>() AS ?x) } }",
                    "SELECT (<java:org.apache.jena.sparql.function.library.sha1sum>(\"x\") AS ?h) {}",
                    "SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }")) {
                HttpResponse<String> answer = server.get(server.queryPath(query), "application/sparql-results+json");
                assertEquals(400, answer.statusCode(), query + ": " + answer.body());
                assertTrue(answer.body().contains("are not available here"), answer.body());
            }
        } finally {
            ARQ.getContext().remove(ARQ.symCustomFunctionScriptAllowList);
            if (before == null)
                System.clearProperty(ARQ.systemPropertyScripting);
            else
                System.setProperty(ARQ.systemPropertyScripting, before);
        }
    }

    @Test
    void serviceByVariableOrSilentFetchesNothing() throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        int connections = connectionsDuring(port -> {
            String target = "http://127.0.0.1:" + port + "/sparql";
            for (String query : List.of("SELECT * { SERVICE <" + target + "> { ?s ?p ?o } }",
                    "SELECT * { VALUES ?x { <" + target + "> } SERVICE ?x { ?s ?p ?o } }",
                    "SELECT * { SERVICE SILENT <" + target + "> { ?s ?p ?o } }")) {
                try {
                    answers.add(server.get(server.queryPath(query), "application/sparql-results+json"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        });
        assertEquals(0, connections);
        assertClientError(answers.get(0), "SERVICE");
        assertClientError(answers.get(1), "SERVICE ?x");
        // The allow-list refuses even SILENT calls outright: a refusal is not an empty answer.
        assertClientError(answers.get(2), "SERVICE SILENT");
    }

    @Test
    void onlyStandardSparqlIsAccepted() throws Exception {
        // Counting paths ({n,m}) are a Jena extension that runs on past any timeout.
        HttpResponse<String> answer = server.get(server.queryPath(
                "SELECT * { ?s <http://example.org/p>{1,9} ?o }"), "application/sparql-results+json");
        assertEquals(400, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("standard SPARQL 1.1 only"), answer.body());
    }

    @Test
    void answersAreCutAtTheRowLimitAndSayTheyAre() throws Exception {
        String persons = "SELECT ?p { ?p a <" + PERSON + "> }";
        HttpResponse<String> cut = HttpClientHolder.get(strictRoot + server.queryPath(persons), "application/sparql-results+json");
        assertEquals(200, cut.statusCode(), cut.body());
        assertEquals("true", cut.headers().firstValue(GuardedQueryService.TRUNCATED).orElse(null));
        assertEquals("1", cut.headers().firstValue(GuardedQueryService.LIMIT).orElse(null));
        ResultSet rows = ResultSetMgr.read(new ByteArrayInputStream(cut.body().getBytes(StandardCharsets.UTF_8)), ResultSetLang.RS_JSON);
        int count = 0;
        for (; rows.hasNext(); rows.next())
            count++;
        assertEquals(1, count, "a valid JSON document with exactly the limit's rows");

        HttpResponse<String> whole = HttpClientHolder.get(strictRoot + server.queryPath(persons + " LIMIT 1"), "text/csv");
        assertEquals(200, whole.statusCode());
        assertTrue(whole.headers().firstValue(GuardedQueryService.TRUNCATED).isEmpty(), "nothing was cut");

        HttpResponse<String> construct = HttpClientHolder.get(strictRoot + server.queryPath(
                "CONSTRUCT { ?p a <" + PERSON + "> } WHERE { ?p a <" + PERSON + "> }"), "application/n-triples");
        assertEquals("true", construct.headers().firstValue(GuardedQueryService.TRUNCATED).orElse(null));
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(construct.body(), Lang.NTRIPLES).parse(graph);
        assertEquals(1, graph.size());

        HttpResponse<String> describe = HttpClientHolder.get(strictRoot + server.queryPath(
                "DESCRIBE ?p WHERE { ?p a <" + PERSON + "> }"), "application/n-triples");
        assertEquals("true", describe.headers().firstValue(GuardedQueryService.TRUNCATED).orElse(null));
    }

    @Test
    void oversizedBodiesUrlsAndHeadersAreRefused() throws Exception {
        String big = "ASK {} #" + "x".repeat((int) Limits.DEFAULT_MAX_BODY_BYTES);
        assertEquals(413, refusedUpload(post("/meridian/sparql", "application/sparql-query", big).build()));
        assertEquals(413, refusedUpload(post("/meridian/sparql", "application/x-www-form-urlencoded",
                "query=" + URLEncoder.encode(big, StandardCharsets.UTF_8)).build()));
        // Without Content-Length (chunked), the limit holds while reading.
        HttpRequest chunked = server.request("/meridian/sparql").header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(big))).build();
        assertEquals(413, refusedUpload(chunked));
        assertEquals(414, server.get(server.queryPath("ASK {} #" + "x".repeat(Limits.DEFAULT_MAX_HEADER_BYTES)), "*/*").statusCode());
        assertEquals(431, server.send(server.request("/$/ping").header("X-Filler", "x".repeat(Limits.DEFAULT_MAX_HEADER_BYTES)).build()).statusCode());
        // A query of ordinary size still works.
        assertEquals(200, server.send(post("/meridian/sparql", "application/sparql-query", "ASK {}").build()).statusCode());
    }

    /**
     * The status of an upload the server refuses before reading all of it. Jetty answers and closes
     * while the client may still be sending, and TCP can then reset the connection before the
     * client reads the answer: a race of the transport, not a server fault, so the upload is tried
     * again (a few times) when no answer arrived. Any answer that does arrive is returned as it is.
     */
    private int refusedUpload(HttpRequest request) throws Exception {
        IOException lost = null;
        for (int attempt = 0; attempt < 5; attempt++)
            try {
                return server.send(request).statusCode();
            } catch (IOException e) {
                lost = e;
            }
        throw lost;
    }

    @Test
    void corsAllowsReadsOnlyAndNeverCredentials() throws Exception {
        String evil = "https://evil.example";
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            HttpResponse<String> preflight = server.send(server.request("/meridian/sparql").header("Origin", evil)
                    .header("Access-Control-Request-Method", method).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
            String allowed = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
            assertFalse(allowed.contains(method), method + " advertised: " + allowed);
        }
        HttpResponse<String> preflight = server.send(server.request("/meridian/sparql").header("Origin", evil)
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        String methods = preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("");
        assertTrue(methods.contains("POST") && methods.contains("GET"), methods);
        for (String write : List.of("PUT", "DELETE", "PATCH"))
            assertFalse(methods.contains(write), methods);
        assertNull(preflight.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));

        HttpResponse<String> read = server.send(server.request(server.queryPath("ASK {}")).header("Origin", evil)
                .header("Authorization", "Basic dTpw").build());
        assertEquals(200, read.statusCode());
        assertTrue(read.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertNull(read.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));
        assertTrue(read.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains(GuardedQueryService.TRUNCATED));

        // With an explicit list, other origins get no CORS headers at all.
        HttpResponse<String> listed = HttpClientHolder.send(HttpRequest.newBuilder(java.net.URI.create(strictRoot + server.queryPath("ASK {}")))
                .header("Origin", evil).build());
        assertTrue(listed.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> allowed = HttpClientHolder.send(HttpRequest.newBuilder(java.net.URI.create(strictRoot + server.queryPath("ASK {}")))
                .header("Origin", "https://app.example.org").build());
        assertEquals("https://app.example.org", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void jsonpAndStylesheetParametersAreRefused() throws Exception {
        HttpResponse<String> jsonp = server.get(server.queryPath("SELECT * { ?s ?p ?o } LIMIT 1")
                + "&callback=" + URLEncoder.encode("alert(document.domain)//", StandardCharsets.UTF_8), "application/sparql-results+json");
        assertEquals(400, jsonp.statusCode(), jsonp.body());
        assertFalse(jsonp.body().contains("alert("), jsonp.body());
        HttpResponse<String> form = server.send(post("/meridian/sparql", "application/x-www-form-urlencoded",
                "query=ASK%20%7B%7D&callback=f").header("Accept", "application/sparql-results+json").build());
        assertEquals(400, form.statusCode(), form.body());
        HttpResponse<String> xslt = server.get(server.queryPath("ASK {}") + "&stylesheet=http://evil.example/x.xsl",
                "application/sparql-results+xml");
        assertEquals(400, xslt.statusCode(), xslt.body());
    }

    @Test
    void errorsNeverShowAStackTraceAndEveryAnswerSaysNosniff() throws Exception {
        List<HttpRequest> requests = List.of(
                server.request(server.queryPath("SELECT * {")).build(),
                server.request(server.queryPath("SELECT * { ?s ?p ?o FILTER(<urn:no-such-function>(?o)) }")).build(),
                server.request("/meridian/sparql?query=ASK%7B%7D&timeout=abc").build(),
                server.request("/meridian/sparql?query=ASK%7B%7D&default-graph-uri=%00").build(),
                server.request("/meridian/sparql").header("Content-Type", "application/sparql-query; charset=UTF-16")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'A'})).build(),
                server.request("/meridian/sparql").header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("ASK {}")).build(),
                server.request("/meridian/get?graph=urn:none").header("Accept", "application/x-unknown").build(),
                server.request("/no/such/path").build(),
                server.request("/meridian/sparql").method("TRACE", HttpRequest.BodyPublishers.noBody()).build(),
                server.request("/").build(),
                server.request(server.queryPath("ASK {}")).build());
        for (HttpRequest request : requests) {
            HttpResponse<String> answer = server.send(request);
            String body = answer.body();
            for (String trace : List.of("\tat ", "at org.", "at java.", ".java:", "Caused by"))
                assertFalse(body.contains(trace), request.uri() + " answered " + answer.statusCode() + " with a stack trace: " + body);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null),
                    request.method() + " " + request.uri() + " answered " + answer.statusCode() + " without nosniff");
        }
        for (String line : List.of("GET /meridian/sparql?query=%zz HTTP/1.1", "GET /meridian/get?graph=%%% HTTP/1.1",
                "GET /%24/datasets HTTP/1.1", "GET /meridian/../../etc/passwd HTTP/1.1", "BREW /meridian/sparql HTTP/1.1")) {
            String answer = server.raw(line);
            assertTrue(answer.startsWith("HTTP/1.1 4"), line + " answered " + answer);
            for (String trace : List.of("\tat ", "at org.", "at java.", ".java:", "Caused by"))
                assertFalse(answer.contains(trace), line + " answered with a stack trace: " + answer);
        }
    }

    /** Requests to the second server, which {@link RunningServer} does not wrap. */
    private static final class HttpClientHolder {
        static HttpResponse<String> get(String url, String accept) throws Exception {
            return send(HttpRequest.newBuilder(java.net.URI.create(url)).header("Accept", accept).timeout(Duration.ofSeconds(30)).build());
        }

        static HttpResponse<String> send(HttpRequest request) throws Exception {
            return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

}
