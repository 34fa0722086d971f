package org.meridian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonString;
import org.apache.jena.atlas.json.JsonValue;

/**
 * A real headless Chromium, driven over the Chrome DevTools Protocol with the JDK's own HTTP and
 * WebSocket clients: enough to open a page, run script in it, wait for it and take a screenshot.
 */
public final class Browser implements AutoCloseable {
    /** Where Debian's chromium package puts the browser. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();

    private Browser(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM);
    }

    /**
     * Skips the calling test class when Chromium is missing, except where the environment sets
     * MERIDIAN_REQUIRE_BROWSER=1 (CI does): there a missing browser fails.
     */
    public static void requireOrSkip() {
        boolean required = "1".equals(System.getenv("MERIDIAN_REQUIRE_BROWSER"));
        Assertions.assertTrue(installed() || !required, "Chromium is required here but missing: apt-get install chromium");
        Assumptions.assumeTrue(installed(), "Chromium is not installed (apt-get install chromium); browser tests skipped");
    }

    /** Starts Chromium headless with a fresh profile and attaches to its first page. */
    public static Browser start() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("meridian-chromium");
        Process process = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        int port = debuggingPort(profile.resolve("DevToolsActivePort"), process);
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String pageSocket = null;
        for (JsonValue target : JSON.parseAny(targets).getAsArray())
            if (target.getAsObject().get("type").getAsString().value().equals("page"))
                pageSocket = target.getAsObject().get("webSocketDebuggerUrl").getAsString().value();
        if (pageSocket == null)
            throw new IOException("Chromium opened no page: " + targets);
        Browser[] self = new Browser[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    self[0].receive(message.toString());
                    message.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        self[0] = new Browser(process, profile, socket);
        return self[0];
    }

    private static int debuggingPort(Path file, Process process) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank())
                    return Integer.parseInt(lines.get(0).strip());
            }
            if (!process.isAlive())
                throw new IOException("Chromium exited with " + process.exitValue());
            Thread.sleep(50);
        }
        throw new IOException("Chromium did not open its debugging port within 30 s");
    }

    private void receive(String text) {
        JsonObject message = JSON.parse(text);
        if (message.hasKey("id")) {
            CompletableFuture<JsonObject> reply = pending.remove(message.get("id").getAsNumber().value().intValue());
            if (reply != null)
                reply.complete(message);
        }
    }

    private JsonObject call(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject request = new JsonObject();
        request.put("id", id);
        request.put("method", method);
        request.put("params", params);
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(request.toString(), true).join();
        try {
            JsonObject answer = reply.get(30, TimeUnit.SECONDS);
            if (answer.hasKey("error"))
                throw new IllegalStateException(method + " failed: " + answer.get("error"));
            return answer.get("result").getAsObject();
        } catch (Exception e) {
            throw new IllegalStateException(method + " got no answer", e);
        }
    }

    /** Opens {@code url} in the page. */
    public void open(String url) {
        JsonObject params = new JsonObject();
        params.put("url", url);
        call("Page.navigate", params);
    }

    /** Evaluates a script expression in the page; its value comes back as text (null if undefined). */
    public String evaluate(String expression) {
        JsonObject params = new JsonObject();
        params.put("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.hasKey("exceptionDetails"))
            throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
        JsonValue value = result.get("result").getAsObject().get("value");
        if (value == null || value.isNull())
            return null;
        return value.isString() ? value.getAsString().value() : value.toString();
    }

    /**
     * Waits until {@code expression} is truthy in the page.
     * @return true if it became so before the timeout
     */
    public boolean waitFor(String expression, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            // While a page loads its document may be half there, or the page may be replaced under
            // the call ("Inspected target navigated"): either way the check counts as false.
            try {
                if ("true".equals(evaluate("(() => { try { return Boolean(" + expression + "); } catch (e) { return false; } })()")))
                    return true;
            } catch (IllegalStateException navigating) {
                // try again
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** On the Fuseki UI's query page: waits until the query editor and its run button are there. */
    public boolean waitForQueryEditor() throws InterruptedException {
        return waitFor("document.querySelector('.CodeMirror') && document.querySelector('.yasqe_queryButton')",
                Duration.ofSeconds(30));
    }

    /** On the Fuseki UI's query page: runs the query in the editor and waits until the results show {@code text}. */
    public boolean runQueryUntilResultsShow(String text) throws InterruptedException {
        evaluate("document.querySelector('.yasqe_queryButton').click()");
        return waitFor("document.querySelector('.yasr') && document.querySelector('.yasr').innerText.includes('"
                + text.replace("'", "\\'") + "')", Duration.ofSeconds(30));
    }

    /** On the Fuseki UI's query page: the text the results pane shows. */
    public String results() {
        return evaluate("document.querySelector('.yasr') ? document.querySelector('.yasr').innerText : ''");
    }

    /** Saves a PNG of what the page shows. */
    public void screenshot(Path file) throws IOException {
        JsonObject params = new JsonObject();
        params.put("format", "png");
        String data = ((JsonString) call("Page.captureScreenshot", params).get("data")).value();
        Files.write(file, Base64.getDecoder().decode(data));
    }

    @Override
    public void close() {
        socket.abort();
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(profile);
    }

    /** Best effort: a helper process may still be writing into the profile as it dies. */
    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left for the system's temporary-file cleanup.
        }
    }
}
