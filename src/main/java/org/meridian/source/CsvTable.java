package org.meridian.source;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.meridian.check.Problem;
import org.meridian.check.Problems;

/**
 * Reads a curated table: RFC 4180 CSV in UTF-8 (a byte order mark is skipped; LF or CRLF line
 * ends) whose first record names the columns. Rows stream; anything malformed becomes a problem
 * at the line its record starts on, and reading goes on where it can. Cells are stripped of
 * surrounding whitespace, and a cell that is then empty is absent from its row. A cell may hold
 * at most {@link #MAX_CELL_LENGTH} characters and no control characters other than tab and line ends.
 */
public final class CsvTable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    /** The most characters a cell may hold; longer texts belong in files (see fn:text). */
    public static final int MAX_CELL_LENGTH = 10_000;

    private final Path path;
    private final String displayName;

    /** @param displayName how messages name the file, usually its path relative to the project */
    public CsvTable(Path path, String displayName) {
        this.path = path;
        this.displayName = displayName;
    }

    /**
     * Reads the table. {@code onHeader} sees the column names first and returns where the rows
     * go, or null to skip them (when the header is unusable it has recorded why).
     */
    public void read(Problems problems, Function<List<String>, Consumer<Row>> onHeader) {
        try {
            long badLine = Utf8Check.firstInvalidLine(path);
            if (badLine > 0) {
                problems.add(Problem.at(displayName, badLine, "the file is not valid UTF-8")
                        .withRule("csv.encoding").withHint("save the table as UTF-8"));
                return;
            }
            try (CSVParser parser = open()) {
                readRecords(parser, problems, onHeader);
            }
        } catch (IOException e) {
            problems.add("csv.unreadable", displayName, 0, "cannot read the file: " + e.getMessage());
        }
    }

    private void readRecords(CSVParser parser, Problems problems, Function<List<String>, Consumer<Row>> onHeader) {
        Iterator<CSVRecord> records = parser.iterator();
        long nextLine = 1;
        List<String> names = null;
        Consumer<Row> rows = null;
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext())
                    break;
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.add("csv.syntax", displayName, nextLine, describe(e));
                return;
            }
            long line = nextLine;
            nextLine = parser.getCurrentLineNumber() + 1;
            if (names == null) {
                names = header(record, problems);
                rows = names == null ? null : onHeader.apply(names);
                if (rows == null)
                    return;
            } else if (record.size() != names.size()) {
                problems.add("csv.ragged-row", displayName, line, "row has " + record.size() + " fields, header has " + names.size());
            } else {
                Map<String, String> cells = cells(names, record, line, problems);
                if (cells != null)
                    rows.accept(new Row(record.getRecordNumber() - 1, line, cells));
            }
        }
        if (names == null)
            problems.add("csv.empty-file", displayName, 0, "the file is empty; a table needs at least a header row");
    }

    private List<String> header(CSVRecord record, Problems problems) {
        List<String> names = record.stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                problems.add("csv.unnamed-column", displayName, 1, "column " + (i + 1) + " has no name");
                ok = false;
            } else if (!seen.add(names.get(i))) {
                problems.add(Problem.at(displayName, 1, "the column name '" + names.get(i) + "' appears twice")
                        .withRule("csv.duplicate-column").withCell(names.get(i), null));
                ok = false;
            }
        }
        return ok ? names : null;
    }

    /** @return the row's non-empty cells, or null if a cell breaks a limit (problems say which) */
    private Map<String, String> cells(List<String> names, CSVRecord record, long line, Problems problems) {
        Map<String, String> cells = new LinkedHashMap<>();
        boolean sound = true;
        for (int i = 0; i < names.size(); i++) {
            String value = record.get(i).strip();
            String column = names.get(i);
            if (value.length() > MAX_CELL_LENGTH) {
                problems.add(Problem.at(displayName, line, "the cell in column '" + column + "' has " + value.length()
                        + " characters; the limit is " + MAX_CELL_LENGTH).withRule("csv.cell-too-long").withCell(column, null)
                        .withHint("keep long texts in a file under data/sources/ and name the file in the table"));
                sound = false;
            } else if (controlCharacter(value) >= 0) {
                problems.add(Problem.at(displayName, line, String.format("the cell in column '%s' holds the control character U+%04X",
                        column, controlCharacter(value))).withRule("csv.control-character").withCell(column, value));
                sound = false;
            } else if (!value.isEmpty()) {
                cells.put(column, value);
            }
        }
        return sound ? cells : null;
    }

    /** @return the first character that no RDF syntax can carry in every format (XML forbids them), or -1 */
    private static int controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F || c == 0xFFFE || c == 0xFFFF)
                return c;
        }
        return -1;
    }

    private CSVParser open() throws IOException {
        Reader reader = skipByteOrderMark(Files.newBufferedReader(path, StandardCharsets.UTF_8));
        return CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get();
    }

    private static Reader skipByteOrderMark(Reader reader) throws IOException {
        PushbackReader pushback = new PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != BYTE_ORDER_MARK)
            pushback.unread(first);
        return pushback;
    }

    private static String describe(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished"))
            return "unterminated quoted field (a \" opens a value that never closes)";
        return message;
    }
}
