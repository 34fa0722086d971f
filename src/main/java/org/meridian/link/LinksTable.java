package org.meridian.link;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.meridian.check.Problem;
import org.meridian.check.Problems;

/** The curated links table ({@code data/links.csv}), to which accepted proposals are added. */
final class LinksTable {
    static final List<String> COLUMNS = List.of("entity", "scheme", "identifier", "evidence");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path file;
    private final String name;

    LinksTable(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    /** Checks that the table is there with the columns this command writes. */
    void check(Problems problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(name, 0, "the curated links table is missing");
            return;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.builder().setHeader().get().parse(in)) {
            if (!parser.getHeaderNames().equals(COLUMNS))
                problems.add(Problem.at(name, 1, "the header must be " + String.join(",", COLUMNS) + " to add rows to it"));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(name, 0, "cannot read the links table: " + e.getMessage());
        }
    }

    /** Adds the accepted proposals at the end, leaving every existing byte as it was. */
    void append(List<Proposal> accepted) throws IOException {
        byte[] existing = Files.readAllBytes(file);
        boolean endsWithNewline = existing.length == 0 || existing[existing.length - 1] == '\n';
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
             CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            if (!endsWithNewline)
                out.write("\n");
            for (Proposal row : accepted)
                printer.printRecord(row.entity(), row.scheme(), row.identifier(), row.evidence());
        }
    }
}
