package org.meridian.serve.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.Project;
import org.meridian.serve.LiveBuild;
import org.meridian.serve.MeridianServer;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.TestProjects;

/** Answers from memory and HTTP revalidation, through a real server over a real build. */
class CachingFilterTest {
    @TempDir
    static Path temp;
    static DatasetGraph dataset;
    static FusekiServer server;
    static DatabaseStore.Build build;
    static String endpoint;
    static final HttpClient http = HttpClient.newHttpClient();
    static final String QUERY = "SELECT ?s ?o WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o } ORDER BY ?s";

    @BeforeAll
    static void start() {
        Path projectDir = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Loader.Result result = new Loader(new Project(projectDir, Project.DEFAULT_BASE), new DatabaseStore(temp.resolve("db"))).load(false);
        assertTrue(result.ok(), () -> result.problems().sorted().toString());
        build = result.build().orElseThrow();
        dataset = DatabaseStore.open(build);
        server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work"),
                builder -> builder.addFilter("/meridian/*", new CachingFilter(
                        new LiveBuild(new LiveBuild.Served(dataset, build.id(), build.created())), 1 << 20))).start();
        endpoint = "http://127.0.0.1:" + server.getPort() + "/meridian/sparql";
    }

    @AfterAll
    static void stop() {
        server.stop();
        TDBInternal.expel(dataset, true);
    }

    private static HttpResponse<String> get(String query, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv");
        for (int i = 0; i < headers.length; i += 2)
            request.header(headers[i], headers[i + 1]);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRepeatedQueryIsAnsweredFromMemoryWithTheSameBody() throws Exception {
        String query = QUERY + " LIMIT 5";
        HttpResponse<String> first = get(query);
        HttpResponse<String> second = get(query);
        assertEquals(200, first.statusCode());
        assertEquals("miss", first.headers().firstValue("X-Meridian-Cache").orElse(""));
        assertEquals("hit", second.headers().firstValue("X-Meridian-Cache").orElse(""));
        assertEquals(first.body(), second.body());
        assertTrue(second.body().startsWith("s,o"), second.body());
        assertEquals(first.headers().firstValue("Content-Type"), second.headers().firstValue("Content-Type"));
    }

    @Test
    void theTagNamesTheBuildAndARevalidationGets304() throws Exception {
        HttpResponse<String> first = get(QUERY);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.contains(build.id()), etag);
        assertTrue(first.headers().firstValue("Last-Modified").isPresent());
        assertEquals(304, get(QUERY, "If-None-Match", etag).statusCode());
        assertEquals(200, get(QUERY, "If-None-Match", "\"another-build-1\"").statusCode());
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, get(QUERY, "If-Modified-Since", lastModified).statusCode());
    }

    @Test
    void noCacheComputesAfreshAndAFormPostIsCachedToo() throws Exception {
        String query = QUERY + " LIMIT 2";
        get(query);
        assertEquals("miss", get(query, "Cache-Control", "no-cache").headers().firstValue("X-Meridian-Cache").orElse(""));
        HttpRequest post = HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(QUERY + " LIMIT 3", StandardCharsets.UTF_8))).build();
        HttpResponse<String> one = http.send(post, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> two = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals("hit", two.headers().firstValue("X-Meridian-Cache").orElse(""));
        assertEquals(one.body(), two.body());
    }

    @Test
    void aFailedQueryIsNotKept() throws Exception {
        HttpResponse<String> bad = get("SELECT nonsense");
        assertEquals(400, bad.statusCode());
        assertEquals("miss", get("SELECT nonsense").headers().firstValue("X-Meridian-Cache").orElse(""));
    }
}
