package org.meridian.serve.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

import org.apache.jena.atlas.web.ContentType;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.serve.MeridianServer;

/**
 * Runs the W3C SPARQL 1.1 Protocol tests against Meridian's public endpoint over HTTP, one
 * JUnit test each, and writes a pass/fail report to {@code target/conformance/}. Query tests
 * must pass as the manifest says; update tests, which expect success, must be refused (4xx),
 * because the public endpoint has no update service by design.
 */
class SparqlProtocolConformanceTest {
    private static final String KASEI = "http://kasei.us/2009/09/sparql/data/";
    private static final Path REPORT = Path.of("target/conformance");
    private static final Map<String, String[]> RESULTS = new ConcurrentSkipListMap<>();

    @TempDir
    static Path temp;
    static DatasetGraph dataset;
    static FusekiServer server;
    static String endpoint;

    /** The manifest's data files, as the queries need them: each graph names its document a foaf:Document. */
    @BeforeAll
    static void start() {
        dataset = TDB2Factory.connectDataset(temp.resolve("db").toString()).asDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dataset, () -> {
            for (String name : List.of("data1.rdf", "data2.rdf", "data3.rdf"))
                dataset.add(NodeFactory.createURI(KASEI + name), NodeFactory.createURI(KASEI + name), RDF.type.asNode(),
                        NodeFactory.createURI("http://xmlns.com/foaf/0.1/Document"));
        });
        server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work")).start();
        endpoint = "http://127.0.0.1:" + server.getPort() + "/" + MeridianServer.DATASET + "/sparql";
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop();
        TDBInternal.expel(dataset, true);
        writeReport();
    }

    @TestFactory
    Stream<DynamicTest> w3cSparql11ProtocolTests() {
        return ProtocolManifest.cases().stream().map(c -> DynamicTest.dynamicTest(c.id() + ": " + c.name(), () -> {
            HttpResponse<byte[]> response = send(c);
            String verdict = verdict(c, response);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String known = ProtocolManifest.KNOWN_DEVIATIONS.get(c.id());
            RESULTS.put(c.id(), new String[] {c.kind().name(), c.expect().name(), response.statusCode() + " " + type,
                    verdict.isEmpty() ? "PASS" : "FAIL: " + verdict + (known == null ? "" : " (known: " + known + ")")});
            if (known != null) {
                assertTrue(!verdict.isEmpty(), c.id() + " now passes: remove it from the known deviations");
                return;
            }
            assertTrue(verdict.isEmpty(), c.id() + ": " + verdict + " (status " + response.statusCode() + ", " + type + ", body "
                    + new String(response.body(), StandardCharsets.UTF_8) + ")");
        }));
    }

    private static HttpResponse<byte[]> send(ProtocolCase c) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + (c.query() == null ? "" : "?" + c.query())));
        c.headers().forEach(request::header);
        request.method(c.method(), c.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(c.body()));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Empty when the response is what the manifest expects; otherwise what is wrong. */
    private static String verdict(ProtocolCase c, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (c.expect() == ProtocolCase.Expect.CLIENT_ERROR)
            return status >= 400 && status < 500 ? "" : "expected 4xx";
        if (status < 200 || status >= 400)
            return "expected 2xx or 3xx";
        ContentType type = ContentType.create(response.headers().firstValue("Content-Type").orElse("application/octet-stream"));
        Lang lang = RDFLanguages.contentTypeToLang(type.getContentTypeStr());
        ByteArrayInputStream body = new ByteArrayInputStream(response.body());
        try {
            switch (c.expect()) {
                case BOOLEAN_TRUE, BOOLEAN -> {
                    if (lang != ResultSetLang.RS_XML && lang != ResultSetLang.RS_JSON)
                        return "not a boolean results type: " + type;
                    boolean answer = ResultSetMgr.readBoolean(body, lang);
                    return c.expect() == ProtocolCase.Expect.BOOLEAN_TRUE && !answer ? "answered false" : "";
                }
                case TABULAR -> {
                    if (lang == null || !RowSetReaderRegistry.isRegistered(lang))
                        return "not a tabular results type: " + type;
                    ResultsReader.create().lang(lang).read(body).getResultVars();
                    return "";
                }
                case RDF -> {
                    if (lang == null || !RDFLanguages.isTriples(lang))
                        return "not an RDF type: " + type;
                    RDFParser.source(body).lang(lang).parse(GraphFactory.createDefaultGraph());
                    return "";
                }
                default -> throw new IllegalStateException(c.expect().name());
            }
        } catch (RuntimeException e) {
            return "the body does not parse as " + type + ": " + e.getMessage();
        }
    }

    private static void writeReport() throws IOException {
        try {
            Files.createDirectories(REPORT);
            StringBuilder csv = new StringBuilder("test,applies as,expected,observed,result\n");
            StringBuilder md = new StringBuilder("# W3C SPARQL 1.1 Protocol tests against Meridian's public endpoint\n\n"
                    + "Source: " + ProtocolManifest.MANIFEST + " (" + RESULTS.size() + " tests run). Update tests expect"
                    + " success in the manifest; the public endpoint is read-only by design, so for them a 4xx passes.\n\n"
                    + "| test | applies as | expected | observed | result |\n|---|---|---|---|---|\n");
            long passed = 0;
            for (Map.Entry<String, String[]> e : RESULTS.entrySet()) {
                String[] r = e.getValue();
                passed += r[3].equals("PASS") ? 1 : 0;
                csv.append(String.join(",", e.getKey(), r[0], r[1], '"' + r[2].replace("\"", "'") + '"', '"' + r[3].replace("\"", "'") + '"')).append('\n');
                md.append("| ").append(e.getKey()).append(" | ").append(r[0]).append(" | ").append(r[1]).append(" | ")
                        .append(r[2]).append(" | ").append(r[3].replace("|", "\\|")).append(" |\n");
            }
            md.append("\n").append(passed).append(" of ").append(RESULTS.size()).append(" passed (")
                    .append(RESULTS.size() - 1).append(" from the manifest plus one variant).\n");
            Files.writeString(REPORT.resolve("sparql11-protocol.csv"), csv);
            Files.writeString(REPORT.resolve("sparql11-protocol.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
