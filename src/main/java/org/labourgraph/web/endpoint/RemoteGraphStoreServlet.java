package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.labourgraph.sparql.RemoteSparqlService;

/**
 * {@code /data} in external-endpoint mode: the Graph Store Protocol, forwarded to --graph-store. Reads (GET,
 * HEAD) are open; writes (PUT, POST, DELETE) only on a server started with --passwd, where the security
 * handler has authenticated the caller before this servlet runs; otherwise they are refused as in the
 * embedded mode.
 */
public final class RemoteGraphStoreServlet extends HttpServlet {
    private final transient RemoteSparqlService remote;
    private final boolean writable;
    private final String writesRefused;

    public RemoteGraphStoreServlet(RemoteSparqlService remote, boolean writable, String writesRefused) {
        this.remote = remote;
        this.writable = writable;
        this.writesRefused = writesRefused;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean write = method.equals("PUT") || method.equals("POST") || method.equals("DELETE");
        if (!read && !write) {
            response.setHeader("Allow", writable ? "GET, HEAD, PUT, POST, DELETE" : "GET, HEAD");
            RemoteResponses.error(response, 405, "Method " + method + " is not part of the Graph Store Protocol here.");
            return;
        }
        if (write && !writable) {
            RemoteResponses.error(response, 403, writesRefused);
            return;
        }
        if (remote.endpoint().graphStore().isEmpty()) {
            RemoteResponses.error(response, 404, "This server was started without --graph-store, so it has no Graph Store"
                    + " Protocol service to forward to. Read graphs with CONSTRUCT on /sparql, or restart with --graph-store URL.");
            return;
        }
        Optional<String> graph = Optional.ofNullable(request.getParameter("graph"));
        if (graph.isEmpty() && request.getParameter("default") == null) {
            RemoteResponses.error(response, 400, "Name the graph: ?graph=IRI, or ?default for the default graph.");
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = write ? in.readAllBytes() : new byte[0];
        }
        RemoteResponses.forward(response, "Graph Store Protocol service", () -> remote.forwardGraphStore(method, graph, Optional.ofNullable(request.getHeader("Accept")),
                Optional.ofNullable(request.getContentType()), body));
    }
}
