package org.meridian.export.network;

import java.util.List;

/** The actors and the edges between them, both in a stable order. */
public record Network(List<Actor> actors, List<Edge> edges) {}
