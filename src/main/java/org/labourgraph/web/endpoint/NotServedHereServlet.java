package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A path of the site that this server cannot serve in its mode (external-endpoint mode, for the parts that still read
 * the embedded store directly): 501 with what is missing and what to run instead, never a 404 that says the path
 * does not exist, nor an answer made of nothing.
 */
public final class NotServedHereServlet extends HttpServlet {
    private final String message;

    /** {@code what} names the part, e.g. "the data dumps". */
    public NotServedHereServlet(String what) {
        this.message = "This server runs in external-endpoint mode (serve --sparql-endpoint), where " + what
                + " are not served yet: they read the embedded store. Serve a store folder (labourgraph serve --store DIR)"
                + " for them.";
    }

    private NotServedHereServlet(String message, boolean whole) {
        this.message = message;
    }

    /** A 501 that says {@code message} as it is (what is missing, why, what to do). */
    public static NotServedHereServlet saying(String message) {
        return new NotServedHereServlet(message, true);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(501, message);
    }
}
