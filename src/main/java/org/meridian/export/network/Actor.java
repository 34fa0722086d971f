package org.meridian.export.network;

/** A node of the network: an actor's IRI, its label (the IRI when it has none) and its kind (may be empty). */
public record Actor(String iri, String label, String kind) {}
