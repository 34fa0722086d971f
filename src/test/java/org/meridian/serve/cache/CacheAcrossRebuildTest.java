package org.meridian.serve.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problems;
import org.meridian.graph.Project;
import org.meridian.serve.MeridianServer;
import org.meridian.serve.Rebuilder;
import org.meridian.serve.Service;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.TestProjects;

/**
 * The answer cache never outlives the build it answered from: after a rebuild the same query is
 * answered afresh from the new build, under a new tag, and a cached answer keeps its result headers.
 */
class CacheAcrossRebuildTest {
    private static final String NAMES = "SELECT ?name { ?p a <http://example.org/ns#Person> ;"
            + " <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name";

    @TempDir
    Path temp;

    @Test
    void aRebuildEmptiesTheCacheAndChangesTheTag() throws Exception {
        Path projectDir = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Project project = new Project(projectDir, Project.DEFAULT_BASE);
        DatabaseStore store = new DatabaseStore(temp.resolve("db"));
        Loader.Result result = new Loader(project, store).load(false);
        Service service = Service.create(project, store, result.build().orElseThrow(),
                new MeridianServer.Settings("127.0.0.1", 0), 1 << 20,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new Problems());
        service.server().start();
        try {
            String url = "http://127.0.0.1:" + service.server().getPort() + "/meridian/sparql?query="
                    + URLEncoder.encode(NAMES, StandardCharsets.UTF_8);
            HttpResponse<String> first = get(url);
            HttpResponse<String> cached = get(url);
            assertEquals("hit", cached.headers().firstValue("X-Meridian-Cache").orElse(""));
            assertEquals(first.body(), cached.body());
            assertEquals(first.headers().firstValue("Meridian-Result-Limit"), cached.headers().firstValue("Meridian-Result-Limit"));
            assertTrue(cached.headers().firstValue("Meridian-Result-Limit").isPresent(), "the row cap's header is missing");

            Files.writeString(projectDir.resolve("data/people.csv"), "lavrov,Sergei Lavrov,article\n", StandardOpenOption.APPEND);
            assertEquals(Rebuilder.Outcome.REPLACED, service.rebuilder().request().get(60, TimeUnit.SECONDS));

            HttpResponse<String> after = get(url);
            assertEquals("miss", after.headers().firstValue("X-Meridian-Cache").orElse(""));
            assertTrue(after.body().contains("Sergei Lavrov"), after.body());
            assertNotEquals(first.headers().firstValue("ETag"), after.headers().firstValue("ETag"));
            HttpResponse<String> revalidated = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/csv").header("If-None-Match", first.headers().firstValue("ETag").orElseThrow())
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, revalidated.statusCode(), "an old build's tag must not revalidate");
        } finally {
            service.stop();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response;
    }
}
