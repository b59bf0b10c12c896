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
    private final String what;

    /** {@code what} names the part, e.g. "the data dumps". */
    public NotServedHereServlet(String what) {
        this.what = what;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(501, "This server runs in external-endpoint mode (serve --sparql-endpoint), where " + what
                + " are not served yet: they read the embedded store. Serve a store folder (labourgraph serve --store DIR)"
                + " for them.");
    }
}
