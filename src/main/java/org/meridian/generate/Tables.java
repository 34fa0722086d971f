package org.meridian.generate;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated project's tables, one writer per table of the template, counting the triples the
 * synthetic rows will yield so the generator knows how much of the scale is left for trade flows.
 */
final class Tables implements AutoCloseable {
    private final Map<String, TableWriter> writers = new LinkedHashMap<>();
    private final SourceTexts sources;
    private long triples;

    Tables(List<Path> templates, Path dataFolder, int sentencesPerSource) {
        for (Path template : templates) {
            String file = template.getFileName().toString();
            writers.put(file.substring(0, file.length() - ".csv".length()),
                    new TableWriter(template, dataFolder.resolve(file)));
        }
        sources = new SourceTexts(dataFolder.resolve("sources"), table("sources"), sentencesPerSource);
    }

    private TableWriter table(String name) {
        TableWriter writer = writers.get(name);
        if (writer == null)
            throw new IllegalStateException("the template project has no table data/" + name + ".csv");
        return writer;
    }

    /**
     * Writes a row whose evidence is {@code sentence}, citing the source that records it.
     * @param triples how many triples the row's mapping makes of it
     */
    void fact(String table, Map<String, String> cells, String sentence, int triples) {
        Map<String, String> row = new LinkedHashMap<>(cells);
        row.put("source", sources.cite(sentence));
        row.put("evidence", sentence);
        table(table).row(row);
        this.triples += triples;
    }

    /** A row that cites no source, such as a commodity of the generated vocabulary. */
    void count(int triples) {
        this.triples += triples;
    }

    /** The triples written so far, sources included. */
    long triples() {
        return triples + (long) sources.count() * Plan.SOURCE;
    }

    long rows() {
        return writers.values().stream().mapToLong(TableWriter::rows).sum();
    }

    @Override
    public void close() {
        sources.close();
        writers.values().forEach(TableWriter::close);
    }
}
