package org.meridian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The linked-data test project: the fixture {@code projects/linked} (a few people, states, a place,
 * memberships and links, in two sources) together with the project's real link mapping, link
 * ontology and page and link queries, so the tests exercise the files that ship.
 */
public final class LinkedFixture {
    private static final List<String> SHIPPED = List.of("ontology/links.ttl", "data/links.rq");
    private static final List<String> SHIPPED_FOLDERS = List.of("queries/page", "queries/link");

    private LinkedFixture() {}

    /** Copies the fixture and the shipped files into {@code to}, which is created. */
    public static Path copy(Path to) {
        TestProjects.copy(TestProjects.resource("projects/linked"), to);
        try {
            for (String file : SHIPPED) {
                Files.createDirectories(to.resolve(file).getParent());
                Files.copy(Path.of(file), to.resolve(file));
            }
            for (String folder : SHIPPED_FOLDERS)
                if (Files.isDirectory(Path.of(folder)))
                    TestProjects.copy(Path.of(folder), to.resolve(folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
