package org.meridian.serve.guard;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;

/**
 * Recognises Jetty's body-size refusal after code in between (Fuseki's body readers, the
 * servlet form parser) has wrapped it, so the client gets 413 rather than a generic 500.
 */
final class TooLarge {
    static final String MESSAGE = "the request body is larger than this server accepts";

    private TooLarge() {}

    static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause())
            if (t instanceof HttpException http && http.getCode() == HttpStatus.PAYLOAD_TOO_LARGE_413)
                return true;
        return false;
    }
}
