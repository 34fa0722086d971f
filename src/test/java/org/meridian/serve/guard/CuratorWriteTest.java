package org.meridian.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.ConnectionRecorder;
import org.meridian.serve.MeridianServer;

/** The optional curator write path: loopback only, Basic authentication, direct updates only, no LOAD. */
class CuratorWriteTest {
    private static final String PERSON = "http://example.org/ns#Person";

    @TempDir
    static Path temp;
    static RunningServer server;
    static FusekiServer writer;
    static String update;

    @BeforeAll
    static void start() {
        CuratorAccess access = new CuratorAccess("curator", "correct horse battery staple", 0);
        MeridianServer.Settings settings = new MeridianServer.Settings("127.0.0.1", 0, List.of(), Limits.defaults(),
                MeridianServer.Settings.DEFAULT_CORS_ORIGINS, Optional.of(access));
        server = new RunningServer(RunningServer.miniDataset(temp), settings, temp.resolve("work"));
        writer = CuratorServer.build(MeridianServer.DATASET, server.dataset, access, settings.limits()).start();
        update = "http://127.0.0.1:" + writer.getPort() + "/meridian/update";
    }

    @AfterAll
    static void stop() {
        writer.stop();
        server.close();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> write(String body, String contentType, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(update)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null)
            request.header("Authorization", authorization);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long persons() throws Exception {
        HttpResponse<String> answer = server.get(server.queryPath("SELECT (COUNT(*) AS ?n) { ?s a <" + PERSON + "> }"), "text/csv");
        return Long.parseLong(answer.body().split("\r\n")[1]);
    }

    @Test
    void onlyTheCuratorWithTheRightPasswordWrites() throws Exception {
        String insert = "INSERT DATA { GRAPH <https://meridian.example.org/graph/article> { <http://example.org/new> a <" + PERSON + "> } }";
        long before = persons();

        HttpResponse<String> anonymous = write(insert, "application/sparql-update", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"), anonymous.headers().toString());
        assertEquals(401, write(insert, "application/sparql-update", basic("curator", "wrong")).statusCode());
        assertEquals(401, write(insert, "application/sparql-update", basic("user1", "passwd1")).statusCode());
        assertEquals(before, persons());

        HttpResponse<String> right = write(insert, "application/sparql-update", basic("curator", "correct horse battery staple"));
        assertEquals(204, right.statusCode(), right.body());
        assertEquals(before + 1, persons(), "the public endpoint sees the curator's write");
    }

    @Test
    void formsAndLoadAreRefusedEvenToTheCurator() throws Exception {
        String auth = basic("curator", "correct horse battery staple");
        long before = persons();
        // A form is what a page on another site can make a logged-in browser send.
        HttpResponse<String> form = write("update=" + URLEncoder.encode("CLEAR ALL", StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", auth);
        assertEquals(415, form.statusCode(), form.body());
        assertEquals(before, persons());

        int connections;
        HttpResponse<String> load;
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            load = write("LOAD <" + recorder.url("/data.ttl") + ">", "application/sparql-update", auth);
            Thread.sleep(300);
            connections = recorder.connections();
        }
        assertEquals(400, load.statusCode(), load.body());
        assertTrue(load.body().contains("LOAD is not available"), load.body());
        assertEquals(0, connections);
        assertEquals(400, write("LOAD <file:///etc/passwd>", "application/sparql-update", auth).statusCode());
    }

    @Test
    void theWriterListensOnLoopbackOnlyAndThePublicServerStillCannotWrite() throws Exception {
        ServerConnector connector = (ServerConnector) writer.getJettyServer().getConnectors()[0];
        assertEquals("127.0.0.1", connector.getHost());
        // Reach the writer's port through every other address this machine has: all refused.
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces()))
            for (InetAddress address : Collections.list(nic.getInetAddresses()))
                if (address instanceof Inet4Address && !address.isLoopbackAddress())
                    assertThrows(ConnectException.class, () -> new Socket(address, writer.getPort()).close(),
                            "the writer answered on " + address);

        for (String path : List.of("/meridian/update", "/meridian", "/meridian/sparql")) {
            HttpResponse<String> answer = server.send(server.request(path).header("Content-Type", "application/sparql-update")
                    .header("Authorization", basic("curator", "correct horse battery staple"))
                    .POST(HttpRequest.BodyPublishers.ofString("CLEAR ALL")).build());
            assertTrue(answer.statusCode() >= 400 && answer.statusCode() < 500, path + " answered " + answer.statusCode());
        }
        assertTrue(persons() >= 2);
    }
}
