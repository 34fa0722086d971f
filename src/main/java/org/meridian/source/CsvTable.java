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
import org.meridian.check.Problems;

/**
 * Reads a curated table: RFC 4180 CSV in UTF-8 (a byte order mark is skipped; LF or CRLF line
 * ends) whose first record names the columns. Rows stream; anything malformed becomes a problem
 * at the line its record starts on, and reading goes on where it can. Cells are stripped of
 * surrounding whitespace, and a cell that is then empty is absent from its row.
 */
public final class CsvTable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

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
                problems.add(displayName, badLine, "the file is not valid UTF-8");
                return;
            }
            try (CSVParser parser = open()) {
                readRecords(parser, problems, onHeader);
            }
        } catch (IOException e) {
            problems.add(displayName, 0, "cannot read the file: " + e.getMessage());
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
                problems.add(displayName, nextLine, describe(e));
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
                problems.add(displayName, line, "row has " + record.size() + " fields, header has " + names.size());
            } else {
                rows.accept(new Row(record.getRecordNumber() - 1, line, cells(names, record)));
            }
        }
        if (names == null)
            problems.add(displayName, 0, "the file is empty; a table needs at least a header row");
    }

    private List<String> header(CSVRecord record, Problems problems) {
        List<String> names = record.stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isEmpty()) {
                problems.add(displayName, 1, "column " + (i + 1) + " has no name");
                ok = false;
            } else if (!seen.add(names.get(i))) {
                problems.add(displayName, 1, "the column name '" + names.get(i) + "' appears twice");
                ok = false;
            }
        }
        return ok ? names : null;
    }

    private static Map<String, String> cells(List<String> names, CSVRecord record) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String value = record.get(i).strip();
            if (!value.isEmpty())
                cells.put(names.get(i), value);
        }
        return cells;
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
