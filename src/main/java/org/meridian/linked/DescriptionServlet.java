package org.meridian.linked;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Serves the dataset's VoID description (with the service description) at {@code /.well-known/void}. */
final class DescriptionServlet extends HttpServlet {
    private final transient DatasetDescription description;
    private final transient Negotiation negotiation = new Negotiation(Representation.RDF_FORMS);

    DescriptionServlet(DatasetDescription description) {
        this.description = description;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Negotiation.Choice> choice = Responses.negotiate(negotiation, request, response);
        if (choice.isPresent())
            Responses.rdf(response, choice.get(), description.describe(Responses.root(request)));
    }
}
