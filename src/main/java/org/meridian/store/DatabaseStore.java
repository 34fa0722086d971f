package org.meridian.store;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;

/**
 * The folder of TDB2 builds ({@code var/db} by default). Each build is written into a fresh folder
 * under {@code builds/}, sealed with a manifest once it is complete and valid, and only then
 * published by atomically repointing the {@code current} link. A build without a manifest was
 * never finished and is never served.
 */
public final class DatabaseStore {
    static final String MANIFEST = "meridian-build.properties";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    private final Path root;

    public DatabaseStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    private Path builds() {
        return root.resolve("builds");
    }

    private Path currentLink() {
        return root.resolve("current");
    }

    /** The published build, if there is one. */
    public Optional<Build> current() {
        Path link = currentLink();
        if (!Files.isSymbolicLink(link))
            return Optional.empty();
        try {
            Path dir = link.toRealPath();
            return readManifest(dir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a sealed build for reading. Its default graph is the union of its named graphs, where
     * every triple lives (each source, table and the ontology has its own graph).
     */
    public static DatasetGraph open(Build build) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(build.folder()));
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        return dataset;
    }

    /** A new, empty folder for a build. */
    public Path newBuildFolder(String fingerprint) {
        String name = STAMP.format(Instant.now()) + "-" + fingerprint.substring(0, 12);
        try {
            return Files.createDirectories(builds().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Marks a build complete and valid.
     * @param files the inputs' {@link Fingerprint#files files fingerprint} as they were when the build began
     */
    public Build seal(Path dir, String fingerprint, String files, long quads) {
        Build build = new Build(dir, dir.getFileName().toString(), fingerprint, files, quads, Instant.now());
        Properties manifest = new Properties();
        manifest.setProperty("id", build.id());
        manifest.setProperty("fingerprint", fingerprint);
        manifest.setProperty("files", files);
        manifest.setProperty("quads", Long.toString(quads));
        manifest.setProperty("created", build.created().toString());
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        try (Writer out = Files.newBufferedWriter(tmp)) {
            manifest.store(out, "Meridian build: complete and validated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        move(tmp, dir.resolve(MANIFEST));
        return build;
    }

    /** Makes a sealed build the one served, in one atomic step. */
    public void publish(Build build) {
        Path tmp = root.resolve("current.tmp");
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, root.relativize(build.folder()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        move(tmp, currentLink());
    }

    /**
     * Deletes every build except the current one and {@code keep}: unfinished ones and superseded ones.
     * A server still reading a superseded build keeps its open files until it closes them.
     */
    public void removeOldBuilds(Path keep) {
        Path current = current().map(Build::folder).orElse(null);
        for (Path dir : listBuilds()) {
            if (dir.equals(current) || dir.equals(keep))
                continue;
            delete(dir);
        }
    }

    /** Deletes one build folder; the caller has closed it if this process opened it. */
    public static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList())
                Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private List<Path> listBuilds() {
        if (!Files.isDirectory(builds()))
            return List.of();
        try (Stream<Path> dirs = Files.list(builds())) {
            return dirs.filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Build> readManifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file))
            return Optional.empty();
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            manifest.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new Build(dir, manifest.getProperty("id"), manifest.getProperty("fingerprint"),
                manifest.getProperty("files", ""), Long.parseLong(manifest.getProperty("quads", "0")), Instant.parse(manifest.getProperty("created"))));
    }

    private static void move(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sealed build: its folder, id, the fingerprints of the inputs it was built from (by content, and
     * by names, sizes and times; empty for a build sealed before that was kept), and its size.
     */
    public record Build(Path folder, String id, String fingerprint, String files, long quads, Instant created) {}
}
