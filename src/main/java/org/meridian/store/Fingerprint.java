package org.meridian.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.meridian.graph.Project;

/**
 * A digest of everything a build depends on: every file under {@code ontology/}, {@code data/} and
 * {@code queries/checks/} (a build runs those checks), the IRI base, and the code that builds. Equal fingerprints mean an existing build can be reused.
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(Project project) {
        MessageDigest digest = sha256();
        update(digest, "base=" + project.base());
        update(digest, "code=" + codeVersion());
        for (Path dir : List.of(project.ontology(), project.data(), project.checks()))
            for (Path file : filesUnder(dir)) {
                byte[] content = read(file);
                update(digest, project.display(file) + ":" + content.length);
                digest.update(content);
            }
        return HexFormat.of().formatHex(digest.digest());
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

    private static List<Path> filesUnder(Path dir) {
        if (!Files.isDirectory(dir))
            return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
