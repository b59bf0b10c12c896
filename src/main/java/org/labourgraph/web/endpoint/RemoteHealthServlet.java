package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

import org.apache.jena.atlas.json.JsonObject;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.web.site.JsonResponses;

/**
 * {@code GET /health} in external-endpoint mode: 200 only while the external service answers an ASK
 * (alive.rq) within the timeout, 503 otherwise — a load balancer then stops sending users to a server whose
 * store is gone.
 */
public final class RemoteHealthServlet extends HttpServlet {
    private final transient RemoteSparqlService remote;

    public RemoteHealthServlet(RemoteSparqlService remote) {
        this.remote = remote;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = new JsonObject();
        body.put("mode", "external-endpoint");
        body.put("endpoint", remote.endpoint().query().toString());
        body.put("search", "sparql-fallback");
        if (remote.isAlive()) {
            body.put("status", "ok");
            JsonResponses.send(response, 200, body);
        } else {
            body.put("status", "unavailable");
            body.put("message", "The external SPARQL service does not answer an ASK query.");
            JsonResponses.send(response, 503, body);
        }
    }
}
