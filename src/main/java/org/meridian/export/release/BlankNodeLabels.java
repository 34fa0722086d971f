package org.meridian.export.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Gives every blank node a label that depends only on what surrounds it, so the same data gets the
 * same labels in every build and a change relabels only the blank nodes it touches. The label is a
 * hash of the node's description: its outgoing quads (nested blank nodes by their own description)
 * and its incoming ones (a blank-node parent by its description and its own context). This covers
 * the trees and lists that Turtle's {@code [ ]} and {@code ( )} make; blank nodes that stay
 * indistinguishable (same content, same context) are numbered in the order the store lists them.
 */
public final class BlankNodeLabels {
    private static final String CYCLE = "_:cycle";

    private final DatasetGraph dataset;
    private final Map<Node, String> down = new HashMap<>();
    private final Map<Node, String> up = new HashMap<>();
    private final Map<Node, Node> labels = new HashMap<>();

    /** Labels every blank node of {@code dataset}, inside the caller's read transaction. */
    public BlankNodeLabels(DatasetGraph dataset) {
        this.dataset = dataset;
        Map<Node, String> hashes = new LinkedHashMap<>();
        dataset.find().forEachRemaining(quad -> {
            for (Node node : List.of(quad.getSubject(), quad.getObject()))
                if (node.isBlank() && !hashes.containsKey(node))
                    hashes.put(node, hash(downward(node, new HashSet<>()) + "\n" + upward(node, new HashSet<>())));
        });
        Map<String, Integer> seen = new HashMap<>();
        hashes.forEach((node, hash) -> {
            int n = seen.merge(hash, 1, Integer::sum);
            labels.put(node, NodeFactory.createBlankNode("c" + hash + (n == 1 ? "" : "n" + n)));
        });
    }

    /** The quad with its blank nodes relabelled. */
    public Quad relabel(Quad quad) {
        return Quad.create(quad.getGraph(), relabel(quad.getSubject()), quad.getPredicate(), relabel(quad.getObject()));
    }

    private Node relabel(Node node) {
        return node.isBlank() ? labels.getOrDefault(node, node) : node;
    }

    /** The hash of what hangs below {@code node}; {@code path} holds the blank nodes above it, to stop at cycles. */
    private String downward(Node node, Set<Node> path) {
        String known = down.get(node);
        if (known != null)
            return known;
        path.add(node);
        boolean cyclic = false;
        List<String> lines = new ArrayList<>();
        for (var it = dataset.find(Node.ANY, node, Node.ANY, Node.ANY); it.hasNext(); ) {
            Quad quad = it.next();
            Node object = quad.getObject();
            String term;
            if (!object.isBlank())
                term = NodeFmtLib.strNT(object);
            else if (path.contains(object)) {
                term = CYCLE;
                cyclic = true;
            } else
                term = "[" + downward(object, path) + "]";
            lines.add(NodeFmtLib.strNT(quad.getGraph()) + " " + NodeFmtLib.strNT(quad.getPredicate()) + " " + term);
        }
        path.remove(node);
        String hash = hash(lines);
        // A hash that met a cycle depends on where the walk began; only path-free ones are reusable.
        if (!cyclic)
            down.put(node, hash);
        return hash;
    }

    /** The hash of where {@code node} hangs: its parents, and for blank parents their own place, upwards. */
    private String upward(Node node, Set<Node> path) {
        String known = up.get(node);
        if (known != null)
            return known;
        path.add(node);
        boolean cyclic = false;
        List<String> lines = new ArrayList<>();
        for (var it = dataset.find(Node.ANY, Node.ANY, Node.ANY, node); it.hasNext(); ) {
            Quad quad = it.next();
            Node subject = quad.getSubject();
            String term;
            if (!subject.isBlank())
                term = NodeFmtLib.strNT(subject);
            else if (path.contains(subject)) {
                term = CYCLE;
                cyclic = true;
            } else
                term = "[" + downward(subject, new HashSet<>()) + "^" + upward(subject, path) + "]";
            lines.add(NodeFmtLib.strNT(quad.getGraph()) + " " + term + " " + NodeFmtLib.strNT(quad.getPredicate()));
        }
        path.remove(node);
        String hash = hash(lines);
        if (!cyclic)
            up.put(node, hash);
        return hash;
    }

    private static String hash(List<String> lines) {
        lines.sort(null);
        return hash(String.join("\n", lines));
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
