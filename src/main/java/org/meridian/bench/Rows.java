package org.meridian.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** The rows of one CSV file of a benchmark run, each a map from column to cell; none if the file is missing. */
record Rows(List<Map<String, String>> list) {
    static Rows read(Path file) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        if (Files.exists(file))
            try (Reader in = Files.newBufferedReader(file);
                 CSVParser parser = CSVParser.builder().setReader(in)
                         .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
                parser.forEach(record -> rows.add(record.toMap()));
            }
        return new Rows(rows);
    }

    Rows where(String column, String value) {
        return filter(row -> value.equals(row.get(column)));
    }

    Rows filter(Predicate<Map<String, String>> test) {
        return new Rows(list.stream().filter(test).toList());
    }

    /** The distinct values of a column, in order of first appearance. */
    List<String> values(String column) {
        return list.stream().map(row -> row.get(column)).distinct().toList();
    }

    /** The number in {@code column} of the first row, or NaN when there is none. */
    double number(String column) {
        return list.isEmpty() ? Double.NaN : parse(list.get(0).get(column));
    }

    static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The median of a numeric column over all rows. */
    double median(String column) {
        double[] values = list.stream().mapToDouble(row -> parse(row.get(column))).filter(v -> !Double.isNaN(v)).sorted().toArray();
        return values.length == 0 ? Double.NaN : values[values.length / 2];
    }
}
