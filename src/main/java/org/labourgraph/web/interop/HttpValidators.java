package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;

/**
 * ETag and Last-Modified for representations derived from the data, and the 304 answer to a revalidation.
 * The ETag is the store's change marker plus the variant (file, format); Last-Modified is the last change.
 */
final class HttpValidators {
    private HttpValidators() {}

    /**
     * Sets the validators and answers 304 (returning true) when the client's copy is current:
     * If-None-Match takes precedence over If-Modified-Since (RFC 9110 §13.2.2).
     */
    static boolean notModified(HttpServletRequest request, HttpServletResponse response, String version, String variant,
                               Instant lastChange) {
        String etag = "\"" + version + "-" + variant + "\"";
        long lastModifiedMillis = lastChange.toEpochMilli() / 1000 * 1000;
        response.setHeader("ETag", etag);
        response.setDateHeader("Last-Modified", lastModifiedMillis);
        response.setHeader("Cache-Control", "public, no-cache");
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
            fresh = since >= 0 && lastModifiedMillis <= since;
        }
        boolean read = request.getMethod().equals("GET") || request.getMethod().equals("HEAD");
        if (fresh && read) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
