package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;

import org.apache.jena.atlas.json.JsonObject;
import org.labourgraph.web.site.JsonResponses;

/** {@code GET /health}: 200 with a small JSON status; the server only starts answering once the data is loaded. */
public final class HealthServlet extends HttpServlet {
    private final transient Supplier<JsonObject> status;

    public HealthServlet(Supplier<JsonObject> status) {
        this.status = status;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonResponses.send(response, 200, status.get());
    }
}
