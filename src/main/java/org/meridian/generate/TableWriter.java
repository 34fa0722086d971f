package org.meridian.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;

/**
 * One curated table of the generated project: the template project's table copied as it is
 * (header and curated rows), then synthetic rows appended in the header's column order. A cell
 * the generator gives for a column the header lacks is a bug in the generator and fails loudly.
 */
final class TableWriter implements AutoCloseable {
    private final String name;
    private final List<String> header;
    private final CSVPrinter printer;
    private long rows;

    TableWriter(Path template, Path target) {
        this.name = target.getFileName().toString();
        try {
            this.header = readHeader(template);
            BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
            String curated = Files.readString(template, StandardCharsets.UTF_8);
            out.write(curated);
            if (!curated.isEmpty() && !curated.endsWith("\n"))
                out.write("\r\n");
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readHeader(Path template) throws IOException {
        try (Reader in = Files.newBufferedReader(template, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSVFormat.RFC4180).get()) {
            var records = parser.iterator();
            if (!records.hasNext())
                throw new IllegalStateException(template + " has no header row");
            List<String> names = new ArrayList<>();
            records.next().forEach(cell -> names.add(cell.strip().replace("\uFEFF", "")));
            return names;
        }
    }

    /** Appends a row; columns not named are left empty. */
    void row(Map<String, String> cells) {
        for (String column : cells.keySet())
            if (!header.contains(column))
                throw new IllegalStateException(name + " has no column '" + column + "': the generator is out of date");
        List<String> values = new ArrayList<>(header.size());
        for (String column : header)
            values.add(cells.getOrDefault(column, ""));
        try {
            printer.printRecord(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
