package org.meridian.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the first line of a file that is not valid UTF-8, in one streaming pass. A decoding reader
 * fails a whole buffer ahead of the parser, so it cannot say where the bad bytes are; this can.
 */
final class Utf8Check {
    private Utf8Check() {}

    /** @return the 1-based line of the first invalid byte sequence, or 0 if the file is valid UTF-8 */
    static long firstInvalidLine(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        long line = 1;
        try (InputStream stream = Files.newInputStream(file)) {
            while (true) {
                int read = stream.read(in.array(), in.position(), in.remaining());
                boolean end = read < 0;
                if (read > 0)
                    in.position(in.position() + read);
                in.flip();
                CoderResult result;
                do {
                    int start = in.position();
                    result = decoder.decode(in, out, end);
                    line += newlines(in.array(), start, in.position());
                    if (result.isError())
                        return line;
                    out.clear();
                } while (result.isOverflow());
                in.compact();
                if (end)
                    break;
            }
        }
        return 0;
    }

    private static long newlines(byte[] bytes, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++)
            if (bytes[i] == '\n')
                count++;
        return count;
    }
}
