package org.meridian.serve.guard;

import java.io.IOException;
import java.net.Socket;
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
import org.meridian.graph.Project;
import org.meridian.serve.MeridianServer;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.TestProjects;

/** A real Meridian server on a free port over a real TDB2 database, and a real HTTP client. */
final class RunningServer implements AutoCloseable {
    final DatasetGraph dataset;
    final FusekiServer server;
    final String root;
    final HttpClient http = HttpClient.newHttpClient();

    RunningServer(DatasetGraph dataset, MeridianServer.Settings settings, Path workArea) {
        this.dataset = dataset;
        this.server = MeridianServer.build(dataset, settings, workArea).start();
        this.root = "http://127.0.0.1:" + server.getPort();
    }

    /** The mini project fixture, loaded into a TDB2 build under {@code temp}. */
    static DatasetGraph miniDataset(Path temp) {
        Path projectDir = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Loader.Result result = new Loader(new Project(projectDir, Project.DEFAULT_BASE), new DatabaseStore(temp.resolve("db")))
                .load(false);
        if (!result.ok())
            throw new IllegalStateException(result.problems().sorted().toString());
        return DatabaseStore.open(result.build().orElseThrow());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(root + path));
    }

    String queryPath(String query) {
        return "/meridian/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        // A fresh client per request: Jetty may close a connection after refusing a request
        // whose body it did not read, and a pooled connection would then fail the next one.
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return send(request(path).header("Accept", accept).build());
    }

    /**
     * Sends {@code requestLine} as written, byte for byte, for requests the JDK client refuses
     * to build (malformed escapes), and returns the whole response: status line, head and body.
     */
    String raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        server.stop();
        TDBInternal.expel(dataset, true);
    }
}
