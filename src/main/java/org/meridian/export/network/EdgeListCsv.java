package org.meridian.export.network;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a network as one CSV row per edge. The first four columns are the ones Gephi's spreadsheet
 * import recognises (Source, Target, Type = Directed/Undirected, Label); the rest carry both ends'
 * labels and the edge's attributes. Every cell is made {@link SpreadsheetSafe}.
 */
final class EdgeListCsv {
    static final List<String> HEADER = List.of("Source", "Target", "Type", "Label", "source_label", "target_label",
            "start", "end", "amount", "unit", "cited_source", "relation", "query");

    private EdgeListCsv() {}

    static void write(Network network, OutputStream out) {
        Map<String, String> labels = new java.util.HashMap<>();
        network.nodes().forEach(n -> labels.put(n.iri(), n.label()));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
            csv.printRecord(HEADER);
            for (Edge edge : network.edges())
                csv.printRecord(List.of(edge.from(), edge.to(), edge.directed() ? "Directed" : "Undirected", edge.type(),
                        labels.get(edge.from()), labels.get(edge.to()), edge.start(), edge.end(), edge.amount(),
                        edge.unit(), edge.source(), edge.relation(), edge.query()).stream()
                        .map(SpreadsheetSafe::cell).toList());
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
