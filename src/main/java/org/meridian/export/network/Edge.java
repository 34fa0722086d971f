package org.meridian.export.network;

import java.util.Comparator;

/**
 * One edge of the network: a relation between two nodes, with the attributes graph tools show.
 * Optional attributes are empty strings when the query left them unbound.
 */
public record Edge(String from, String to, String type, boolean directed, String start, String end,
                   String amount, String unit, String source, String relation, String query) {
    /** A total order, so the same data always gives the same file. */
    static final Comparator<Edge> ORDER = Comparator.comparing(Edge::type)
            .thenComparing(Edge::from).thenComparing(Edge::to)
            .thenComparing(Edge::start).thenComparing(Edge::end)
            .thenComparing(Edge::relation).thenComparing(Edge::source)
            .thenComparing(Edge::amount).thenComparing(Edge::unit)
            .thenComparing(Edge::directed).thenComparing(Edge::query);
}
