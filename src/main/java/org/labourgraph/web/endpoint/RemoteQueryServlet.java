package org.labourgraph.web.endpoint;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.labourgraph.sparql.QueryPolicy;
import org.labourgraph.sparql.RemoteSparqlService;

/**
 * {@code /sparql} in external-endpoint mode: the SPARQL 1.1 Protocol query operation (GET, form POST, direct
 * POST), checked here — parse errors and refused queries (SERVICE) get a 400 and never leave this server —
 * then forwarded to the external service with the client's Accept header, default-graph-uri and
 * named-graph-uri, and its answer (status, Content-Type, body) streamed back. The operator's timeout bounds
 * the whole exchange; a client's {@code timeout} parameter (seconds, as Fuseki's) can only shorten it.
 */
public final class RemoteQueryServlet extends HttpServlet {
    private static final String SPARQL_QUERY = "application/sparql-query";
    private static final String FORM = "application/x-www-form-urlencoded";

    private final transient RemoteSparqlService remote;

    public RemoteQueryServlet(RemoteSparqlService remote) {
        this.remote = remote;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, request.getParameter("query"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = mediaType(request.getContentType());
        if (type.equals(FORM)) {
            answer(request, response, request.getParameter("query"));
        } else if (type.equals(SPARQL_QUERY)) {
            answer(request, response, body(request));
        } else {
            RemoteResponses.error(response, 415, "Unsupported media type '" + request.getContentType() + "': POST a query as "
                    + SPARQL_QUERY + " (the query as the body) or " + FORM + " (query=…).");
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, String queryText) throws IOException {
        if (queryText == null || queryText.isBlank()) {
            String hint = request.getParameter("update") != null
                    ? " SPARQL Update goes to /update, by POST." : " Send the query as ?query=… (GET) or POST it.";
            RemoteResponses.error(response, 400, "Missing parameter 'query'." + hint);
            return;
        }
        Query query;
        try {
            query = QueryFactory.create(queryText, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            RemoteResponses.error(response, 400, "Parse error: " + e.getMessage());
            return;
        }
        Optional<String> refusal = QueryPolicy.refusal(query);
        if (refusal.isPresent()) {
            RemoteResponses.error(response, 400, refusal.get());
            return;
        }
        Duration limit;
        try {
            limit = remote.capped(clientTimeout(request.getParameter("timeout")));
        } catch (IllegalArgumentException e) {
            RemoteResponses.error(response, 400, e.getMessage());
            return;
        }
        List<String> defaultGraphs = values(request, "default-graph-uri");
        List<String> namedGraphs = values(request, "named-graph-uri");
        try {
            List<String> named = new ArrayList<>(defaultGraphs);
            named.addAll(namedGraphs);
            named.addAll(query.getGraphURIs());
            named.addAll(query.getNamedGraphURIs());
            Optional<String> outside = remote.notPublic(named);
            if (outside.isPresent()) {
                RemoteResponses.error(response, 400, "The graph <" + outside.get() + "> is not part of this site's public data:"
                        + " name only its data graphs (FROM, FROM NAMED, default-graph-uri, named-graph-uri), or none.");
                return;
            }
            if (named.isEmpty()) {
                // As on the embedded store: the default graph is the union of the public data, its graphs the named ones.
                defaultGraphs = remote.dataGraphs();
                namedGraphs = defaultGraphs;
            }
        } catch (RuntimeException e) {
            RemoteResponses.error(response, 502, "The external SPARQL service at " + remote.endpoint().query()
                    + " did not list its data graphs: " + e.getMessage());
            return;
        }
        long start = System.nanoTime();
        HttpResponse<InputStream> answer;
        try {
            answer = remote.forwardQuery(queryText, defaultGraphs, namedGraphs,
                    Optional.ofNullable(request.getHeader("Accept")), limit);
        } catch (HttpTimeoutException e) {
            RemoteResponses.error(response, 503, "The query ran past this server's time limit of " + limit.toMillis()
                    + " ms and was stopped.");
            return;
        } catch (IOException e) {
            RemoteResponses.error(response, 502, "The external SPARQL service at " + remote.endpoint().query()
                    + " did not answer: " + e);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            RemoteResponses.error(response, 503, "The server is stopping.");
            return;
        }
        RemoteResponses.relay(answer, response, Optional.of(limit), start);
    }

    /** A client's {@code timeout} parameter: seconds, as Fuseki takes it; null when absent. */
    static Duration clientTimeout(String param) {
        if (param == null || param.isBlank()) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(param.split(",")[0].strip());
            if (seconds <= 0 || Double.isNaN(seconds) || Double.isInfinite(seconds)) {
                throw new NumberFormatException();
            }
            return Duration.ofMillis(Math.max(1, Math.round(Math.min(seconds, 86_400) * 1000)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Parameter 'timeout' must be a positive number of seconds (got '" + param + "').");
        }
    }

    private static List<String> values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : List.of(values);
    }

    private static String body(HttpServletRequest request) throws IOException {
        String charset = request.getCharacterEncoding();
        try (InputStream in = request.getInputStream()) {
            return new String(in.readAllBytes(), charset == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset));
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
