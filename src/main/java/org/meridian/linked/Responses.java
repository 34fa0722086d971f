package org.meridian.linked;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/** Writing answers: negotiated RDF, a page, and the plain-text refusals (404, 406). */
final class Responses {
    private Responses() {}

    /** Chooses the form for a request, or answers 406 itself and returns empty. */
    static Optional<Negotiation.Choice> negotiate(Negotiation negotiation, HttpServletRequest request,
                                                  HttpServletResponse response) throws IOException {
        String format = request.getParameter("format");
        Optional<Negotiation.Choice> choice = negotiation.choose(format, request.getHeader("Accept"));
        if (choice.isEmpty()) {
            if (format == null)
                response.setHeader("Vary", "Accept");
            text(response, HttpServletResponse.SC_NOT_ACCEPTABLE, (format == null
                    ? "None of the types in the Accept header is available here."
                    : "There is no format '" + format + "' here.")
                    + "\nAvailable: " + String.join(", ", negotiation.mediaTypes())
                    + "\nOr add ?format=NAME with NAME one of " + String.join(", ", negotiation.names()) + ".\n");
        }
        return choice;
    }

    /** Starts a successful answer in the chosen form with the headers that go with it. */
    static void start(HttpServletResponse response, Negotiation.Choice choice) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(choice.form().contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (choice.byAccept())
            response.setHeader("Vary", "Accept");
    }

    /** A graph; in TriG or N-Quads its triples are in the default graph. */
    static void rdf(HttpServletResponse response, Negotiation.Choice choice, Graph graph) throws IOException {
        if (choice.form().keepsGraphs()) {
            DatasetGraph asDataset = DatasetGraphFactory.wrap(graph);
            rdf(response, choice, asDataset);
            return;
        }
        start(response, choice);
        try (OutputStream out = response.getOutputStream()) {
            RDFWriter.source(graph).lang(choice.form().lang()).output(out);
        }
    }

    static void rdf(HttpServletResponse response, Negotiation.Choice choice, DatasetGraph quads) throws IOException {
        start(response, choice);
        try (OutputStream out = response.getOutputStream()) {
            RDFWriter.source(quads).lang(choice.form().lang()).output(out);
        }
    }

    /** A page with no script of its own, which the Content-Security-Policy also forbids. */
    static void html(HttpServletResponse response, Negotiation.Choice choice, String page) throws IOException {
        start(response, choice);
        response.setHeader("Content-Security-Policy",
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'");
        try (OutputStream out = response.getOutputStream()) {
            out.write(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    static void text(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (OutputStream out = response.getOutputStream()) {
            out.write(message.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** This server's root URL as the client reached it, ending in "/". */
    static String root(HttpServletRequest request) {
        String url = request.getRequestURL().toString();
        return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + "/";
    }
}
