package org.labourgraph.web.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Writing pages: ETag and 304, the per-request query count, bodies in UTF-8. */
public final class Responses {
    private Responses() {}

    /** Header carrying how many SPARQL queries the page cost (read by the tests; a counter, not a timer). */
    public static final String QUERY_COUNT = "X-Labourgraph-Queries";
    /** Header saying whether a page came from the rendered-page cache (hit, miss, bypass). */
    public static final String CACHE_HEADER = "X-Labourgraph-Cache";
    /** Always sent on SELECT results: the most rows the endpoint returns. */
    public static final String ROW_LIMIT_HEADER = "X-Result-Row-Limit";
    /** Sent on SELECT results when the rows were cut at the endpoint's limit. */
    public static final String TRUNCATED_HEADER = "X-Result-Truncated";

    public static String etag(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return "\"" + HexFormat.of().formatHex(md.digest(), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True (and a 304 sent) when the client's If-None-Match names this ETag ({@link ConditionalGet}). */
    public static boolean notModified(HttpServletRequest req, HttpServletResponse resp, String etag) {
        return ConditionalGet.notModified(req, resp, etag);
    }

    /**
     * A body in UTF-8. A plain-text error (status 400 and up) goes to {@link ErrorPages} instead, the one place errors
     * are written: the same text for machines, the site's page for browsers.
     */
    public static void send(HttpServletResponse resp, int status, String contentType, String body) throws IOException {
        if (status >= 400 && contentType.startsWith("text/plain")) {
            resp.sendError(status, body.strip());
            return;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType(contentType + (contentType.contains("charset") ? "" : ";charset=utf-8"));
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** An HTML page with an ETag over its body and language, and the query count. */
    public static void html(HttpServletRequest req, HttpServletResponse resp, String body, int queries) throws IOException {
        resp.setHeader(QUERY_COUNT, Integer.toString(queries));
        resp.setHeader("Vary", "Accept, Accept-Language, Cookie");
        if (notModified(req, resp, etag(body))) {
            return;
        }
        send(resp, 200, "text/html", body);
    }
}
