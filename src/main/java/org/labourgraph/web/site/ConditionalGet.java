package org.labourgraph.web.site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;

/**
 * The site's one conditional GET (RFC 9110 §13): sets the validators of a representation and answers 304 when the
 * client's copy is current. If-None-Match (weak comparison, {@code *} included) takes precedence over
 * If-Modified-Since; only GET and HEAD are answered 304.
 */
public final class ConditionalGet {
    private ConditionalGet() {}

    /** With an ETag only: true (and 304 set) when If-None-Match names it. */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        return notModified(request, response, etag, null);
    }

    /**
     * With an ETag and the last change ({@code lastChange} may be null): sets ETag and Last-Modified; true (and 304
     * set) when the client's copy is current.
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag, Instant lastChange) {
        response.setHeader("ETag", etag);
        long lastModified = lastChange == null ? -1 : lastChange.toEpochMilli() / 1000 * 1000;
        if (lastModified >= 0) {
            response.setDateHeader("Last-Modified", lastModified);
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        boolean fresh;
        if (ifNoneMatch != null) {
            fresh = matches(ifNoneMatch, etag);
        } else {
            long since;
            try {
                since = request.getDateHeader("If-Modified-Since");
            } catch (IllegalArgumentException e) {
                since = -1;
            }
            fresh = lastModified >= 0 && since >= 0 && lastModified <= since;
        }
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (fresh && read) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** Weak comparison: {@code W/"x"} matches {@code "x"}. */
    private static boolean matches(String header, String etag) {
        String strong = etag.startsWith("W/") ? etag.substring(2) : etag;
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(strong)) {
                return true;
            }
        }
        return false;
    }
}
