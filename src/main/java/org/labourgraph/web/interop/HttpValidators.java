package org.labourgraph.web.interop;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;

import org.labourgraph.web.site.ConditionalGet;

/**
 * The validators of the interop representations derived from the data: the ETag is the store's version plus the variant
 * (file, format), Last-Modified the last change, revalidated on every use; the 304 itself is {@link ConditionalGet}'s.
 */
final class HttpValidators {
    private HttpValidators() {}

    /** Sets the validators and answers 304 (returning true) when the client's copy is current. */
    static boolean notModified(HttpServletRequest request, HttpServletResponse response, String version, String variant,
                               Instant lastChange) {
        response.setHeader("Cache-Control", "public, no-cache");
        return ConditionalGet.notModified(request, response, "\"" + version + "-" + variant + "\"", lastChange);
    }
}
