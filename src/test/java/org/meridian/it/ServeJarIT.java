package org.meridian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.TestProjects;

/**
 * The packaged jar, run as users run it: a separate JVM that builds the database, starts the
 * server and prints its addresses, then answers a query. Proves the shaded jar found every Jena
 * part through its merged service files.
 */
class ServeJarIT {

    @TempDir
    Path temp;

    @Test
    void theJarBuildsServesAndAnswers() throws Exception {
        Path jar = Path.of("target/meridian.jar");
        assertTrue(Files.isRegularFile(jar), "package the jar first (mvn verify does)");
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "serve",
                "--project", project.toString(), "--port", "0")
                .redirectError(temp.resolve("stderr.txt").toFile())
                .start();
        try {
            String endpoint = CompletableFuture.supplyAsync(() -> TestProjects.endpointOf(process)).get(120, TimeUnit.SECONDS);
            String query = "SELECT (COUNT(*) AS ?n) { ?s a <http://example.org/ns#Person> }";
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                            .header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("n\r\n2\r\n", response.body());
            // The linked-data pages need resources and a library of their own: both made it into the jar.
            String root = endpoint.substring(0, endpoint.length() - "meridian/sparql".length());
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root + "id/person/putin"))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("<h1>Vladimir Putin</h1>"), page.body());
            HttpResponse<String> description = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root
                    + ".well-known/void")).header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, description.statusCode(), description.body());
            assertTrue(description.body().contains("void:triples"), description.body());
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(Files.readString(temp.resolve("stderr.txt")).contains("building the database"));
    }
}
