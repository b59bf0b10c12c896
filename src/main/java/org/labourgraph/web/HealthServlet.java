package org.labourgraph.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JsonObject;

/** {@code GET /health}: 200 with a small JSON status; the server only starts answering once the data is loaded. */
final class HealthServlet extends HttpServlet {
    private final transient Supplier<JsonObject> status;

    HealthServlet(Supplier<JsonObject> status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.send(response, 200, status.get());
    }
}
