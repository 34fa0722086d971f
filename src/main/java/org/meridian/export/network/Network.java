package org.meridian.export.network;

import java.util.List;

/** The nodes and the edges between them, both in a stable order. */
public record Network(List<NetworkNode> nodes, List<Edge> edges) {}
