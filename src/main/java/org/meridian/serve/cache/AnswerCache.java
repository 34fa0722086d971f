package org.meridian.serve.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers kept in memory, least recently used first out, bounded by their total size. One cache
 * serves one build, which never changes, so an answer stays right for the cache's life.
 */
final class AnswerCache {
    /** One stored answer: its media type, bytes and the headers that belong to it. */
    record Answer(String contentType, byte[] body, Map<String, String> headers) {}

    private final long maxBytes;
    private long bytes;
    private final Map<String, Answer> answers = new LinkedHashMap<>(256, 0.75f, true);

    AnswerCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    synchronized Answer get(String key) {
        return answers.get(key);
    }

    synchronized void put(String key, Answer answer) {
        long size = size(key, answer);
        if (size > maxBytes)
            return;
        Answer old = answers.put(key, answer);
        if (old != null)
            bytes -= size(key, old);
        bytes += size;
        var eldest = answers.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Map.Entry<String, Answer> entry = eldest.next();
            bytes -= size(entry.getKey(), entry.getValue());
            eldest.remove();
        }
    }

    /** What an entry costs: its body, and its key at two bytes a character. */
    private static long size(String key, Answer answer) {
        return answer.body().length + key.length() * 2L;
    }
}
