package org.labourgraph.web;

import java.io.IOException;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses a path with dot segments above the root, encoded dots, slashes or backslashes, or other
 * ambiguous encodings before any servlet runs (its URI compliance, or its parser for dot segments above the
 * root); it says 400. Such a path names nothing here, so the answer is the one for any path that names nothing:
 * 404, with nothing read. Other malformed requests keep their 400.
 */
final class UnsafePathErrorHandler extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (code == 400 && (isUnsafePath(request.getHttpURI()) || isBadUri(cause))) {
            response.setStatus(404);
            super.generateResponse(request, response, 404, "No resource at this path (dot segments and encoded"
                    + " separators never name one)", null, callback);
            return;
        }
        super.generateResponse(request, response, code, message, cause, callback);
    }

    /** The parser's refusal of a request line whose path cannot be resolved (dot segments above the root). */
    static boolean isBadUri(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException && "Bad URI".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    static boolean isUnsafePath(HttpURI uri) {
        if (uri == null) {
            return false;
        }
        String raw = uri.getPath() == null ? "" : uri.getPath();
        return uri.getCanonicalPath() == null || uri.isAmbiguous() || uri.hasViolations() || raw.contains("..")
                || raw.contains("%");
    }
}
