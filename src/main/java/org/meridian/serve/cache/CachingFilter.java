package org.meridian.serve.cache;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.serve.LiveBuild;

/**
 * Answers repeated SPARQL queries from memory and lets HTTP caches revalidate them. A served
 * build is immutable: an answer depends only on the build, the request's parameters and its
 * {@code Accept}, so each answer is tagged with the build id ({@code ETag}, and the build's time
 * as {@code Last-Modified}); a GET that presents the current tag gets 304, and a repeated query
 * is answered from memory. Answers are kept per build: when a rebuild swaps in a new build, the
 * tags change and the old build's answers are dropped. {@code Cache-Control: no-cache} on a
 * request makes the server compute the answer afresh. Only queries given as parameters (GET, or a
 * form POST) with a 200 answer are kept, with the {@code Meridian-Result-*} headers they carry.
 */
public final class CachingFilter implements Filter {
    /** Answers larger than this are served but not kept. */
    private static final int MAX_ANSWER = 1 << 20;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** Headers that belong to an answer (the row cap's), kept and replayed with it. */
    private static final String ANSWER_HEADERS = "Meridian-Result-";

    private final LiveBuild live;
    private final long maxBytes;
    private AnswerCache cache;
    private String cachedBuild;

    /**
     * @param live     the served build, which rebuilds replace
     * @param maxBytes memory for answers; 0 keeps none (HTTP revalidation still works)
     */
    public CachingFilter(LiveBuild live, long maxBytes) {
        this.live = live;
        this.maxBytes = maxBytes;
    }

    /** The cache of the build now served; a new build starts with an empty one. */
    private synchronized AnswerCache cacheFor(String buildId) {
        if (!buildId.equals(cachedBuild)) {
            cache = new AnswerCache(maxBytes);
            cachedBuild = buildId;
        }
        return cache;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(resp instanceof HttpServletResponse response)
                || !isQuery(request)) {
            chain.doFilter(req, resp);
            return;
        }
        // Read the build first: once its id is current, every endpoint answers from it (see LiveBuild).
        LiveBuild.Served served = live.current();
        Instant modified = served.built().truncatedTo(ChronoUnit.SECONDS);
        AnswerCache cache = cacheFor(served.buildId());
        String accept = String.valueOf(request.getHeader("Accept"));
        String etag = "\"" + served.buildId() + "-" + Integer.toHexString(accept.hashCode()) + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Last-Modified", HTTP_DATE.format(modified));
        response.setHeader("Cache-Control", "public, no-cache");
        response.setHeader("Vary", "Accept");
        if (isGet(request) && notModified(request, etag, modified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        String key = key(request, accept);
        boolean fresh = String.valueOf(request.getHeader("Cache-Control")).contains("no-cache");
        AnswerCache.Answer answer = fresh ? null : cache.get(key);
        if (answer != null) {
            response.setHeader("X-Meridian-Cache", "hit");
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(answer.contentType());
            answer.headers().forEach(response::setHeader);
            response.setContentLength(answer.body().length);
            if (!request.getMethod().equals("HEAD"))
                response.getOutputStream().write(answer.body());
            return;
        }
        response.setHeader("X-Meridian-Cache", "miss");
        CapturingResponse capturing = new CapturingResponse(response, MAX_ANSWER);
        chain.doFilter(request, capturing);
        byte[] body = capturing.body();
        if (body != null && capturing.getStatus() == HttpServletResponse.SC_OK && capturing.getContentType() != null
                && !request.getMethod().equals("HEAD"))
            cache.put(key, new AnswerCache.Answer(capturing.getContentType(), body, answerHeaders(capturing)));
    }

    /** A SPARQL query passed as a parameter: in the URL of a GET, or in a form-encoded POST. */
    private static boolean isQuery(HttpServletRequest request) {
        String method = request.getMethod();
        if (isGet(request))
            return request.getQueryString() != null && request.getParameter("query") != null;
        if (!method.equals("POST"))
            return false;
        String type = request.getContentType();
        return type != null && type.startsWith("application/x-www-form-urlencoded") && request.getParameter("query") != null;
    }

    private static boolean isGet(HttpServletRequest request) {
        return request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
    }

    private static Map<String, String> answerHeaders(HttpServletResponse response) {
        Map<String, String> headers = new TreeMap<>();
        for (String name : response.getHeaderNames())
            if (name.startsWith(ANSWER_HEADERS))
                headers.put(name, response.getHeader(name));
        return headers;
    }

    private static boolean notModified(HttpServletRequest request, String etag, Instant modified) {
        String match = request.getHeader("If-None-Match");
        if (match != null) {
            for (String tag : match.split(","))
                if (tag.strip().equals(etag) || tag.strip().equals("*") || tag.strip().equals("W/" + etag))
                    return true;
            return false;
        }
        String since = request.getHeader("If-Modified-Since");
        if (since == null)
            return false;
        try {
            return !modified.isAfter(Instant.from(HTTP_DATE.parse(since)));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The request path, every parameter (sorted) and the Accept header: all an answer depends on. */
    private static String key(HttpServletRequest request, String accept) {
        StringBuilder key = new StringBuilder(request.getRequestURI()).append('\n').append(accept);
        Map<String, String[]> params = new TreeMap<>(request.getParameterMap());
        params.forEach((name, values) -> {
            for (String value : values)
                key.append('\n').append(name).append('=').append(value);
        });
        return key.toString();
    }
}
