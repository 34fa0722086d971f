package org.meridian.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.query.QueryCatalog;

/** The ready-made queries page escapes curated text and serves each query's text. */
class QueryListPageTest {
    @TempDir
    Path temp;

    @Test
    void titlesAndDescriptionsAreEscapedAndQueriesServed() throws Exception {
        Path queries = Files.createDirectories(temp.resolve("queries"));
        String text = "# title: <script>alert(1)</script>\n# description: \"quoted\" & <b>bold</b>\n"
                + "#   continued here\nSELECT * { ?s ?p ?o } LIMIT 1\n";
        Files.writeString(queries.resolve("evil.rq"), text);
        FusekiServer server = MeridianServer.build(DatasetGraphFactory.createTxnMem(),
                new MeridianServer.Settings("127.0.0.1", 0), temp, QueryCatalog.read(queries)).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String root = "http://127.0.0.1:" + server.getPort();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(root + "/queries")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertFalse(page.body().contains("<script>alert"), page.body());
            assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
            assertTrue(page.body().contains("&quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; continued here"), page.body());
            assertTrue(page.body().contains("href=\"/#/dataset/meridian/query?query=%23%20title"), page.body());

            HttpResponse<String> rq = http.send(HttpRequest.newBuilder(URI.create(root + "/queries/evil.rq")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, rq.statusCode());
            assertEquals(text, rq.body());
            assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(root + "/queries/none.rq")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        } finally {
            server.stop();
        }
    }
}
