package org.meridian.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.meridian.graph.Project;

/**
 * A digest of everything a build depends on: every file under {@code ontology/}, {@code data/} and
 * {@code queries/checks/} (a build runs those checks), the IRI base, and the code that builds. Equal fingerprints mean an existing build can be reused.
 */
public final class Fingerprint {
    private static final Duration RACY = Duration.ofSeconds(2);

    private Fingerprint() {}

    public static String of(Project project) {
        MessageDigest digest = started(project);
        for (Input input : inputs(project)) {
            byte[] content = read(input.path());
            update(digest, project.display(input.path()) + ":" + content.length);
            digest.update(content);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A digest that has taken in what every fingerprint depends on besides the files. */
    private static MessageDigest started(Project project) {
        MessageDigest digest = sha256();
        update(digest, "base=" + project.base());
        update(digest, "code=" + codeVersion());
        return digest;
    }

    /** A file a build reads, with the attributes read as its folder was walked. */
    private record Input(Path path, BasicFileAttributes attributes) {}

    /** The files a build reads, in a fixed order. */
    private static List<Input> inputs(Project project) {
        List<Input> files = new ArrayList<>();
        for (Path dir : List.of(project.ontology(), project.data(), project.checks()))
            files.addAll(filesUnder(dir));
        return files;
    }

    /** Identifies the running code cheaply: where it was loaded from, its size and time. */
    private static String codeVersion() {
        try {
            Path code = Path.of(Fingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * A digest of the same inputs by name, size and modification time instead of content: cheap, as
     * it reads no file. Equal means unchanged unless a file was rewritten keeping both its size and
     * its time, which an editor or a copy does not do. A file changed in the last seconds could be
     * changed again within the file system's clock tick, its time unchanged (git's "racy" files): then
     * the digest is made unique, so it never matches and the contents decide.
     */
    public static String files(Project project) {
        MessageDigest digest = started(project);
        long settled = TimeUnit.MILLISECONDS.toNanos(Instant.now().minus(RACY).toEpochMilli());
        for (Input input : inputs(project)) {
            // Nanoseconds, not the time formatted as text: serve runs this over thousands of source
            // texts before it starts, and every millisecond here delays its first answer.
            long modified = input.attributes().lastModifiedTime().to(TimeUnit.NANOSECONDS);
            if (modified > settled)
                update(digest, "racy:" + UUID.randomUUID());
            update(digest, project.display(input.path()) + ":" + input.attributes().size() + ":" + modified);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The regular files under {@code dir}, sorted, each with the attributes its walk read (one stat per file). */
    private static List<Input> filesUnder(Path dir) {
        if (!Files.isDirectory(dir))
            return List.of();
        List<Input> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isSymbolicLink()) // a link to a file counts as the file it names
                        attributes = linked(file);
                    if (attributes != null && attributes.isRegularFile())
                        files.add(new Input(file, attributes));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(Comparator.comparing(Input::path));
        return files;
    }

    /** The attributes of the file a link names, or null for a broken link (skipped, as before). */
    private static BasicFileAttributes linked(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
