package org.meridian.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the project's JSON-LD context at a stable address, so documents can refer to it by URL.
 * The file is read once, when the server is built: the context then matches the served data.
 */
public final class JsonLdContextServlet extends HttpServlet {
    /** Where the context is served. */
    public static final String PATH = "/context.jsonld";

    private final byte[] context;

    public JsonLdContextServlet(Path file) {
        try {
            this.context = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JSON-LD context " + file, e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/ld+json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(context.length);
        // JSON-LD processors in browsers fetch contexts from other origins.
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getOutputStream().write(context);
    }
}
