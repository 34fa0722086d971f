package org.meridian.linked;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers a GET on the SPARQL endpoint that carries no query with the endpoint's SPARQL 1.1
 * Service Description, as that specification asks (section 2); every other request goes on to
 * Fuseki. Stock Fuseki answers such a GET with an error.
 */
final class ServiceDescriptionFilter implements Filter {
    private final DatasetDescription description;
    private final Negotiation negotiation = new Negotiation(Representation.RDF_FORMS);

    ServiceDescriptionFilter(DatasetDescription description) {
        this.description = description;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (!read || request.getParameter("query") != null) {
            chain.doFilter(req, res);
            return;
        }
        Optional<Negotiation.Choice> choice = Responses.negotiate(negotiation, request, response);
        if (choice.isPresent())
            Responses.rdf(response, choice.get(), description.describe(Responses.root(request)));
    }
}
