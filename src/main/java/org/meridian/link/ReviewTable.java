package org.meridian.link;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.meridian.check.Problem;
import org.meridian.check.Problems;

/**
 * The review table ({@code review/links.csv}): links the link command proposed, each waiting for
 * a curator to write {@code accept} or {@code reject} in its decision column. Rejected rows stay
 * in it for good, which is how the command remembers never to propose them again.
 */
final class ReviewTable {
    static final List<String> COLUMNS = List.of("entity", "label", "scheme", "identifier", "score", "evidence", "decision");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private final Path file;
    private final String name;

    /** @param name how messages name the file */
    ReviewTable(Path file, String name) {
        this.file = file;
        this.name = name;
    }

    String name() {
        return name;
    }

    /** The rows; none when the table does not exist yet. Problems name their line. */
    List<Proposal> read(Problems problems) {
        List<Proposal> rows = new ArrayList<>();
        if (!Files.isRegularFile(file))
            return rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            if (!parser.getHeaderNames().equals(COLUMNS)) {
                problems.add(Problem.at(name, 1, "the header must be " + String.join(",", COLUMNS))
                        .withHint("the link command writes this table; restore its header"));
                return rows;
            }
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != COLUMNS.size()) {
                    problems.add(name, line, "the row has " + record.size() + " fields; the header has " + COLUMNS.size());
                    continue;
                }
                String decision = record.get("decision").strip();
                if (!decision.isEmpty() && !decision.equals(Proposal.ACCEPT) && !decision.equals(Proposal.REJECT))
                    problems.add(Problem.at(name, line, "the decision must be accept, reject or empty, not '" + decision + "'"));
                rows.add(new Proposal(record.get("entity").strip(), record.get("label"), record.get("scheme").strip(),
                        record.get("identifier").strip(), record.get("score"), record.get("evidence").strip(), decision, line));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            problems.add(name, 0, "cannot read the review table: " + e.getMessage());
        }
        return rows;
    }

    /** Replaces the table with {@code rows}. */
    void write(List<Proposal> rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(COLUMNS);
            for (Proposal row : rows)
                printer.printRecord(row.entity(), row.label(), row.scheme(), row.identifier(), row.score(), row.evidence(),
                        row.decision());
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
