package org.meridian.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Copies this repository's own project (ontology/, data/, queries/) into {@code to}. */
    public static Path copyOwnProject(Path to) {
        for (String folder : List.of("ontology", "data", "queries"))
            copy(Path.of(folder), to.resolve(folder));
        return to;
    }

    /**
     * Reads a {@code meridian serve} process's standard output until it prints its SPARQL endpoint.
     * @return the endpoint's URL
     */
    public static String endpointOf(Process server) {
        Pattern endpoint = Pattern.compile("SPARQL endpoint: (http://\\S+)");
        try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = endpoint.matcher(line);
                if (m.find())
                    return m.group(1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the server exited without printing its endpoint");
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
