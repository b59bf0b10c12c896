package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code /update} on a server started without --passwd: writes are off, and the answer says how to turn them on. */
public final class WritesDisabledServlet extends HttpServlet {
    static final String MESSAGE = "Writes are disabled on this server: it was started without credentials."
            + " Start it with --passwd FILE (a realm-properties file: user: password, curator) to allow"
            + " authenticated SPARQL Update and Graph Store Protocol writes.";

    private final String message;

    public WritesDisabledServlet() {
        this(MESSAGE);
    }

    /** With the message a client gets instead of the embedded mode's. */
    public WritesDisabledServlet(String message) {
        this.message = message;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(403, message);
    }
}
