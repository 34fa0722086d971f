package org.meridian.cli;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a command writes a file-sized result: standard output, or a file that is written beside
 * its final name and moved into place only when complete, so a failed export leaves no half file.
 */
final class Output implements AutoCloseable {
    private final Path target;
    private final Path partial;
    private final OutputStream stream;
    private boolean committed;

    private Output(Path target, Path partial, OutputStream stream) {
        this.target = target;
        this.partial = partial;
        this.stream = stream;
    }

    /** @param file a file name, or null for standard output */
    static Output to(String file, Console console) throws CommandException {
        if (file == null)
            return new Output(null, null, new FilterOutputStream(console.out()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();
                }
            });
        Path target = Path.of(file).toAbsolutePath();
        if (Files.isDirectory(target))
            throw CommandException.usage("--out " + file + " is a folder; give a file name");
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
            // A temporary file is private; an export is an ordinary file.
            if (partial.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            return new Output(target, partial, new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16));
        } catch (IOException e) {
            throw CommandException.failure("cannot write " + file + ": " + e.getMessage());
        }
    }

    OutputStream stream() {
        return stream;
    }

    /** The result is complete: flush it, and put the file in place. */
    void commit() throws CommandException {
        try {
            stream.flush();
            if (target != null) {
                stream.close();
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
        } catch (IOException e) {
            throw CommandException.failure("cannot write " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void close() throws CommandException {
        if (target == null || committed)
            return;
        try {
            stream.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw CommandException.failure("cannot remove " + partial + ": " + e.getMessage());
        }
    }
}
