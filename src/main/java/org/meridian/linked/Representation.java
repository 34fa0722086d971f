package org.meridian.linked;

import java.util.List;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * A form a resource can be served in: a readable HTML page, or an RDF syntax Jena writes.
 * @param name      the short name that {@code ?format=} accepts
 * @param mediaType the media type it is served as
 * @param lang      the RDF syntax, or null for the HTML page
 */
public record Representation(String name, String mediaType, Lang lang) {
    public static final Representation HTML = new Representation("html", "text/html", null);

    /** Every form an entity or term is served in; the order breaks ties in negotiation. */
    public static final List<Representation> RESOURCE_FORMS = List.of(
            rdf("turtle", Lang.TURTLE), HTML, rdf("jsonld", Lang.JSONLD), rdf("ntriples", Lang.NTRIPLES),
            rdf("rdfxml", Lang.RDFXML), rdf("trig", Lang.TRIG), rdf("nquads", Lang.NQUADS));

    /** The RDF forms only, for documents that have no page of their own (VoID, service description). */
    public static final List<Representation> RDF_FORMS = RESOURCE_FORMS.stream().filter(r -> r.lang() != null).toList();

    private static Representation rdf(String name, Lang lang) {
        return new Representation(name, lang.getContentType().getContentTypeStr(), lang);
    }

    /** Whether the syntax keeps named graphs (TriG, N-Quads). */
    public boolean keepsGraphs() {
        return lang != null && RDFLanguages.isQuads(lang);
    }

    /** The Content-Type header: text formats say their charset, which is always UTF-8 here. */
    public String contentType() {
        return mediaType + "; charset=utf-8";
    }

    /** Whether {@code label} names this form: its short name, one of Jena's names for the syntax, or its media type. */
    boolean isNamed(String label) {
        if (label.equalsIgnoreCase(name) || label.equalsIgnoreCase(mediaType))
            return true;
        return lang != null && lang.equals(RDFLanguages.shortnameToLang(label));
    }
}
