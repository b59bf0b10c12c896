package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.history.UpdateDeltas;
import org.labourgraph.sparql.QueryPolicy;

import org.labourgraph.sparql.RemoteSparqlService;

/**
 * {@code /data} in external-endpoint mode: the Graph Store Protocol. Reads (GET, HEAD) are open and forwarded to
 * --graph-store; writes (PUT, POST, DELETE) only on a server started with --passwd, where the security
 * handler has authenticated the caller before this servlet runs; otherwise they are refused as in the
 * embedded mode. Where the store keeps the history, a write is made and recorded as statements through the update
 * service; where it keeps none, it is sent as statements through the update service, with the entailed ones it brings
 * when the store keeps them ({@link UnrecordedWrites}). Without --update-endpoint, writes are refused: sent as they came
 * to --graph-store, they would skip the shapes, the entailments and the history.
 */
public final class RemoteGraphStoreServlet extends HttpServlet {
    static final String NO_UPDATE_ENDPOINT = "This server forwards writes, but was started without --update-endpoint: a"
            + " Graph Store Protocol write is checked against the shapes, keeps the store's entailment graph and is recorded"
            + " in its history as SPARQL Update, so it needs that service too. Restart with --update-endpoint URL; nothing"
            + " was written.";
    private final transient RemoteSparqlService remote;
    private final boolean writable;
    private final String writesRefused;
    /** Where each write is recorded as a revision (sent as SPARQL Update). */
    private final transient Optional<StoreChangeLog> history;

    /** Where there is no history: how a write meets the shapes and keeps the store's entailment graph (sent as SPARQL Update). */
    private final transient Optional<UnrecordedWrites> unrecorded;

    /** {@code history} or {@code unrecorded}: one says how writes are made (the server has one or the other). */
    public RemoteGraphStoreServlet(RemoteSparqlService remote, boolean writable, String writesRefused,
                                   Optional<StoreChangeLog> history, Optional<UnrecordedWrites> unrecorded) {
        if (history.isPresent() == unrecorded.isPresent()) {
            throw new IllegalArgumentException("A Graph Store Protocol servlet makes writes one way: recorded, or unrecorded");
        }
        this.remote = remote;
        this.writable = writable;
        this.writesRefused = writesRefused;
        this.history = history;
        this.unrecorded = unrecorded;
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
        if (write && remote.endpoint().update().isEmpty()) {
            // Sent as it came, a write would skip the shapes, the entailment graph and the history: all three go
            // through SPARQL Update.
            RemoteResponses.error(response, 403, NO_UPDATE_ENDPOINT);
            return;
        }
        if (write) {
            if (history.isPresent()) {
                recorded(method, request, response, history.get());
            } else {
                unrecorded(method, request, response, unrecorded.orElseThrow());
            }
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
        // A read (writes were made above): forwarded as it came.
        RemoteResponses.forward(response, "Graph Store Protocol service", () -> remote.forwardGraphStore(method, graph, Optional.ofNullable(request.getHeader("Accept")),
                Optional.ofNullable(request.getContentType()), new byte[0]));
    }

    /**
     * A write where the store keeps no history: the graph's statements as they will be, compared with the store, checked
     * against the shapes and sent through the update service, with the entailed statements they bring where the store
     * keeps them ({@link UnrecordedWrites}). The default graph is refused, as on {@code /update}.
     */
    private void unrecorded(String method, HttpServletRequest request, HttpServletResponse response, UnrecordedWrites writes)
            throws IOException {
        String graph = request.getParameter("graph");
        if (graph == null) {
            RemoteResponses.error(response, 400, QueryPolicy.DEFAULT_GRAPH_GSP_REFUSED);
            return;
        }
        Node g = NodeFactory.createURI(graph);
        Lang lang = method.equals("DELETE") ? null : sentLanguage(request, response);
        if (!method.equals("DELETE") && lang == null) {
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readAllBytes();
        }
        writes.apply(response, () -> change(method, g, lang == null ? List.of() : sentQuads(g, lang, new java.io.ByteArrayInputStream(body))));
    }

    /** The statements of a request's body, in graph {@code g}. @throws UpdateDeltas.NotRecordable if it does not parse */
    private static List<Quad> sentQuads(Node g, Lang lang, InputStream body) {
        Graph parsed = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(body).lang(lang).parse(parsed);
        } catch (RiotException e) {
            throw new UpdateDeltas.NotRecordable("request body: " + e.getMessage());
        }
        List<Quad> sent = new ArrayList<>();
        parsed.find().forEach(t -> sent.add(Quad.create(g, t)));
        return sent;
    }

    /** What a write does to graph {@code g}: PUT replaces it with {@code sent}, POST adds {@code sent}, DELETE empties it. */
    private UpdateDeltas.Delta change(String method, Node g, List<Quad> sent) {
        return UpdateDeltas.ofQuads(method.equals("POST") ? List.of() : UpdateDeltas.graphQuads(g, remote::selectStored), sent,
                remote::selectStored);
    }

    /** The RDF syntax of a request's body, from its Content-Type; null after answering 415 when it names none of them. */
    private static Lang sentLanguage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Lang lang = request.getContentType() == null ? null : RDFLanguages.contentTypeToLang(
                RemoteQueryServlet.mediaType(request.getContentType()));
        if (lang == null || RDFLanguages.isQuads(lang) && !RDFLanguages.isTriples(lang)) {
            RemoteResponses.error(response, 415, "Send the graph as Turtle, N-Triples, RDF/XML or JSON-LD, with its"
                    + " Content-Type; '" + request.getContentType() + "' is not one.");
            return null;
        }
        return lang;
    }

    /**
     * A write where the store keeps the history: the graph's statements as they will be, compared with the store
     * (PUT replaces the graph, POST adds to it, DELETE empties it), made and recorded through the update service.
     */
    private void recorded(String method, HttpServletRequest request, HttpServletResponse response, StoreChangeLog log)
            throws IOException {
        String graph = request.getParameter("graph");
        if (graph == null) {
            RemoteResponses.error(response, 400, QueryPolicy.DEFAULT_GRAPH_GSP_REFUSED);
            return;
        }
        if (graph.equals(StoreChangeLog.GRAPH)) {
            RemoteResponses.error(response, 400, RecordedWrites.refusal());
            return;
        }
        Node g = NodeFactory.createURI(graph);
        List<Quad> sent = List.of();
        if (!method.equals("DELETE")) {
            Lang lang = sentLanguage(request, response);
            if (lang == null) {
                return;
            }
            try (InputStream in = request.getInputStream()) {
                sent = sentQuads(g, lang, in);
            } catch (UpdateDeltas.NotRecordable e) {
                RemoteResponses.error(response, 400, e.getMessage());
                return;
            }
        }
        List<Quad> statements = sent;
        RecordedWrites.record(response, log, () -> change(method, g, statements));
    }
}
