package org.meridian.serve.conformance;

import java.util.Map;

/**
 * One test of the W3C SPARQL 1.1 Protocol test suite, re-expressed: the request (method, the
 * path and query string after the endpoint, headers, body) and what the manifest expects.
 *
 * @param id       the test's local name in the manifest
 * @param name     its mf:name
 * @param kind     how it applies to a read-only endpoint
 * @param expect   the expected status class (2 or 4) and, for successes, the result format
 */
record ProtocolCase(String id, String name, Kind kind, String method, String query, Map<String, String> headers,
                    byte[] body, Expect expect) {
    /** How a test applies to Meridian's read-only public endpoint. */
    enum Kind {
        /** A query test: must pass as written. */
        QUERY,
        /** A request the protocol says must fail: must fail here too. */
        NEGATIVE,
        /** An update the manifest expects to succeed: refused by policy, so must get 4xx here. */
        UPDATE_REFUSED_BY_POLICY
    }

    /** The expected outcome. */
    enum Expect {
        BOOLEAN_TRUE, BOOLEAN, TABULAR, RDF, CLIENT_ERROR
    }
}
