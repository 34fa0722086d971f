package org.meridian.export.network;

/** A node of the network: its IRI, its label (the IRI when it has none) and its kind (may be empty). */
public record NetworkNode(String iri, String label, String kind) {}
