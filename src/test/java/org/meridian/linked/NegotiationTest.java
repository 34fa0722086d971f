package org.meridian.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which form a request gets, for the Accept headers real clients send. */
class NegotiationTest {
    private final Negotiation negotiation = new Negotiation(Representation.RESOURCE_FORMS);

    private String chosen(String format, String accept) {
        return negotiation.choose(format, accept).map(c -> c.form().name()).orElse("406");
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8 | html",
            "text/turtle | turtle",
            "application/ld+json | jsonld",
            "application/n-triples | ntriples",
            "application/rdf+xml | rdfxml",
            "application/trig | trig",
            "application/n-quads | nquads",
            "*/* | turtle",
            "text/* | turtle",
            "application/rdf+xml;q=0.5, text/turtle;q=0.9 | turtle",
            "text/turtle;q=0.2, application/ld+json | jsonld",
            "text/turtle;q=0, */*;q=0.1 | html",
            "image/png | 406",
            "application/pdf, image/* | 406",
            "*/*;q=0 | 406",
            "text/html;q=0 | 406"})
    void acceptHeadersChooseTheBestOffer(String accept, String expected) {
        assertEquals(expected, chosen(null, accept));
    }

    @Test
    void noAcceptHeaderGetsTheFirstOfferAndStillVaries() {
        Optional<Negotiation.Choice> choice = negotiation.choose(null, null);
        assertEquals("turtle", choice.orElseThrow().form().name());
        assertTrue(choice.get().byAccept());
    }

    @ParameterizedTest(name = "?format={0} -> {1}")
    @CsvSource({"html,html", "turtle,turtle", "ttl,turtle", "jsonld,jsonld", "json-ld,jsonld", "nt,ntriples",
            "ntriples,ntriples", "rdfxml,rdfxml", "rdf/xml,rdfxml", "application/ld+json,jsonld", "TURTLE,turtle",
            "pdf,406", "csv,406"})
    void theFormatParameterOverridesAccept(String format, String expected) {
        assertEquals(expected, chosen(format, "text/html"));
    }

    @Test
    void aFormatParameterMakesTheAnswerIndependentOfAccept() {
        assertFalse(negotiation.choose("turtle", "text/html").orElseThrow().byAccept());
    }
}
