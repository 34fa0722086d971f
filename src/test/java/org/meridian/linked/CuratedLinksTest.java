package org.meridian.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Every row of data/links.csv comes from a row marked verified in the shared reference file
 * external-ids.csv: the same identifier, and the reference row's evidence copied word for word.
 * The project keeps a verbatim copy of that file in data/reference/, so the check runs on any
 * clone; where the shared original is at hand, a second test checks that the copy still matches.
 */
class CuratedLinksTest {
    private static final Path LINKS = Path.of("data/links.csv");
    private static final Path REFERENCE = Path.of("data/reference/external-ids.csv");

    @Test
    void everyLinkComesFromAVerifiedReferenceRowWithItsEvidence() throws IOException {
        List<CSVRecord> verified = read(REFERENCE).stream()
                .filter(r -> r.get("confidence").equals("verified")).toList();
        List<CSVRecord> links = read(LINKS);
        assertFalse(links.isEmpty());
        List<String> untraced = new ArrayList<>();
        for (CSVRecord link : links) {
            boolean traced = verified.stream().anyMatch(row -> row.get("evidence").equals(link.get("evidence"))
                    && carries(row, link.get("scheme"), link.get("identifier")));
            if (!traced)
                untraced.add(LINKS + ":" + link.getRecordNumber() + " " + link.get("entity") + " " + link.get("identifier"));
        }
        assertEquals(List.of(), untraced, "links without a verified reference row carrying that identifier and evidence");
    }

    @Test
    void theCopiedReferenceFileMatchesTheSharedOneWhereThatIsAtHand() throws IOException {
        Optional<Path> shared = Stream.of("../shared", "../../shared")
                .map(dir -> Path.of(dir, "reference/external-ids.csv"))
                .filter(Files::isRegularFile)
                .findFirst();
        assumeTrue(shared.isPresent(), "no shared/reference/external-ids.csv beside the repository to compare with");
        assertEquals(Files.readString(shared.get()), Files.readString(REFERENCE),
                REFERENCE + " differs from " + shared.get() + "; copy the shared file again and re-check data/links.csv");
    }

    /** Whether a reference row gives this identifier in this scheme. */
    private static boolean carries(CSVRecord row, String scheme, String identifier) {
        String other = row.get("other_ids");
        return switch (scheme) {
            case "wikidata" -> row.get("wikidata_qid").equals(identifier);
            case "geonames" -> other.matches(".*\\bGeoNames " + identifier + "\\b.*");
            case "iso3166-alpha2" -> other.matches(".*\\balpha-2 " + identifier + "\\b.*");
            case "iso3166-alpha3" -> other.matches(".*\\balpha-3 " + identifier + "\\b.*");
            default -> false;
        };
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }
}
