package org.meridian.export.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** SHA-256 checksums of a folder's files, in the format {@code sha256sum -c} checks. */
public final class Checksums {
    public static final String FILE = "SHA256SUMS";

    private Checksums() {}

    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file under {@code dir} except the sums themselves, as sorted paths with {@code /} separators. */
    public static List<String> files(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString().replace(dir.getFileSystem().getSeparator(), "/"))
                    .filter(name -> !name.equals(FILE))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code dir/SHA256SUMS}: one {@code HASH  NAME} line per file. {@code known} gives hashes
     * the caller has already computed, by name; only the other files are read.
     */
    public static void write(Path dir, Map<String, String> known) {
        StringBuilder sums = new StringBuilder();
        for (String name : files(dir)) {
            String hash = known.get(name);
            sums.append(hash != null ? hash : sha256(dir.resolve(name))).append("  ").append(name).append('\n');
        }
        try {
            Files.writeString(dir.resolve(FILE), sums, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the names whose content no longer matches {@code SHA256SUMS}, or that are missing */
    public static List<String> verify(Path dir) throws IOException {
        List<String> bad = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            String expected = line.substring(0, 64);
            String name = line.substring(66);
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file) || !sha256(file).equals(expected))
                bad.add(name);
        }
        return bad;
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
