package org.meridian.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies project fixtures into temporary folders, so tests can build them and change them freely. */
public final class TestProjects {
    private TestProjects() {}

    /** The folder of a fixture under {@code src/test/resources/}. */
    public static Path resource(String name) {
        Path path = Path.of("src/test/resources").resolve(name);
        if (!Files.isDirectory(path))
            throw new IllegalArgumentException("no test fixture " + path.toAbsolutePath());
        return path;
    }

    /** Copies the folder {@code from} into {@code to}, which is created. */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source))
                    Files.createDirectories(target);
                else
                    Files.copy(source, target);
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
