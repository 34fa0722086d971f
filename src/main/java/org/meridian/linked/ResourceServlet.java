package org.meridian.linked;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.meridian.serve.LiveBuild;

/**
 * Dereferences IRIs: a GET on the path of an IRI under the base ({@code /id/person/x} for
 * {@code BASE/id/person/x}) answers with what the database says about it, as an HTML page or as
 * RDF, by content negotiation. The host and port the server runs on play no part in the IRI.
 */
final class ResourceServlet extends HttpServlet {
    private final transient LiveBuild live;
    private final String base;
    private final transient Supplier<PrefixMapping> prefixes;
    private final transient PageQueries pages;
    private final boolean hashDocument;
    private final transient Negotiation negotiation = new Negotiation(Representation.RESOURCE_FORMS);

    /** @param hashDocument whether the paths served are documents of hash terms (the ontology) */
    ResourceServlet(LiveBuild live, String base, Supplier<PrefixMapping> prefixes, PageQueries pages, boolean hashDocument) {
        this.live = live;
        this.base = base;
        this.prefixes = prefixes;
        this.pages = pages;
        this.hashDocument = hashDocument;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // The raw path, still percent-encoded as the IRI is.
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String iri = base + path.substring(1);
        Optional<Negotiation.Choice> choice = Responses.negotiate(negotiation, request, response);
        if (choice.isEmpty())
            return;
        // Taken before the read, so the build read is this one or a newer one; see sources().
        String build = live.current().buildId();
        Optional<Answer> answer = live.read(dataset -> Txn.calculateRead(dataset,
                () -> answer(dataset, build, iri, choice.get().form())));
        if (answer.isEmpty()) {
            Responses.text(response, HttpServletResponse.SC_NOT_FOUND, "Nothing is known about <" + iri + ">.\n");
            return;
        }
        Answer found = answer.get();
        if (found.page() != null)
            Responses.html(response, choice.get(), found.page());
        else if (choice.get().form().keepsGraphs())
            Responses.rdf(response, choice.get(), found.description().quads());
        else
            Responses.rdf(response, choice.get(), withPrefixes(found));
    }

    /** A description, and its page when a page was asked for; everything read in one transaction. */
    private record Answer(ResourceDescription description, String page) {}

    private Optional<Answer> answer(DatasetGraph dataset, String build, String iri, Representation form) {
        Optional<ResourceDescription> description = ResourceDescription.of(dataset, iri, hashDocument);
        if (description.isEmpty() || form.lang() != null)
            return description.map(d -> new Answer(d, null));
        ResourceDescription found = description.get();
        NodeView view = new NodeView(dataset, base, prefixes.get());
        List<PageQueries.Evidence> evidence = pages.evidence(dataset, found.resource());
        return Optional.of(new Answer(found, new ResourcePage(found, view, sources(dataset, build), evidence).render()));
    }

    /**
     * The graphs' sources, from the per-build cache when {@code dataset} is surely build {@code build}:
     * the same build was current before and after the read began. A request that straddles a rebuild
     * computes its own rather than file one build's answer under the other's id.
     */
    private Map<Node, Node> sources(DatasetGraph dataset, String build) {
        if (build.equals(live.current().buildId()))
            return pages.sourcesByGraph(dataset, build);
        return pages.sourcesByGraph(dataset);
    }

    private Graph withPrefixes(Answer found) {
        Graph graph = found.description().triples();
        graph.getPrefixMapping().setNsPrefixes(prefixes.get());
        return graph;
    }
}
