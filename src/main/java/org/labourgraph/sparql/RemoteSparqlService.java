package org.labourgraph.sparql;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.riot.WebContent;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.http.GSP;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.apache.jena.sparql.exec.http.QueryExecHTTPBuilder;
import org.apache.jena.sparql.exec.http.QuerySendMode;
import org.apache.jena.sparql.exec.http.UpdateExecHTTP;
import org.apache.jena.update.UpdateRequest;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;

/**
 * Talks to an external SPARQL 1.1 service (a standalone Fuseki or any SPARQL 1.1 store): queries, updates and
 * the Graph Store Protocol, with the operator's timeout and the configured credentials (HTTP Basic, given
 * only to the hosts of the configured endpoints). Two levels: Jena calls that parse the answers
 * ({@link #select}, {@link #ask}, {@link #construct}, {@link #update}, {@link #putGraph}, {@link #getGraph}), for
 * commands and the search fallback; and raw protocol calls ({@code forward…}) whose response body is handed
 * back unparsed, for the server's proxies.
 */
public final class RemoteSparqlService {
    private static final String FORM = "application/x-www-form-urlencoded";
    /**
     * Binary results first: a Jena store (Fuseki) answers in Thrift, which both sides write and read for a fraction of
     * JSON's cost (a page's queries come back several times a request); any other store picks JSON or XML.
     */
    private static final String SELECT_ACCEPT = WebContent.contentTypeResultsThrift + ", " + WebContent.contentTypeResultsJSON
            + ";q=0.9, " + WebContent.contentTypeResultsXML + ";q=0.8";
    private static final String GRAPH_ACCEPT = WebContent.contentTypeRDFThrift + ", " + WebContent.contentTypeNTriples
            + ";q=0.9, " + WebContent.contentTypeTurtle + ";q=0.8, " + WebContent.contentTypeRDFXML + ";q=0.7";

    static {
        WholeThriftRows.register(); // a cut answer must fail, not read as fewer rows
    }

    private final RemoteEndpoint endpoint;
    private final Duration timeout;
    private final HttpClient http;
    private final RemoteDataGraphs dataGraphs;
    /** Prepared texts of the fixed queries, by query and bound variables: a bounded set, made on first use. */
    private final Map<SentTextKey, Optional<SentQueryText>> sentTexts = new ConcurrentHashMap<>();
    /** How queries travel: GET (a form POST past Jena's URL limit) until the store is found to take POST bodies. */
    private final SendModeChoice sendModes;
    /** How long a store may take to answer the direct-POST probe: Virtuoso 7 never answers one. */
    static final Duration DIRECT_POST_PROBE = Duration.ofSeconds(2);

    /** {@code timeout} bounds every call; raw calls may ask for less, never more. */
    public RemoteSparqlService(RemoteEndpoint endpoint, Duration timeout) {
        this(endpoint, timeout, Duration.ofSeconds(1));
    }

    /** As above; a store that has not answered yet is asked how it takes queries at most once per {@code probeRetry}. */
    RemoteSparqlService(RemoteEndpoint endpoint, Duration timeout, Duration probeRetry) {
        this.endpoint = endpoint;
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                // SPARQL services speak HTTP/1.1 over plain http; without this the client offers each new connection
                // an upgrade to HTTP/2 (h2c) that none of the stores takes.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER);
        endpoint.credentials().ifPresent(c -> builder.authenticator(authenticatorFor(c, hostsOf(endpoint))));
        this.http = builder.build();
        this.dataGraphs = new RemoteDataGraphs(endpoint.dataGraphs());
        this.sendModes = new SendModeChoice(endpoint.query().toString(), http, capped(DIRECT_POST_PROBE), probeRetry);
    }

    public RemoteEndpoint endpoint() {
        return endpoint;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The HTTP client every call uses (credentials and connect timeout set), for callers with needs not covered here. */
    public HttpClient httpClient() {
        return http;
    }

    // ---------------------------------------------------------------- Jena level

    /**
     * A query execution on the query endpoint over the public data ({@link #dataGraphs}: named as the dataset's default
     * and named graphs), with this service's client and timeout; add a substitution and run it.
     */
    public QueryExecHTTPBuilder queryExec(Query query) {
        QueryExecHTTPBuilder exec = asStored(query);
        for (String g : dataGraphs()) {
            exec.addDefaultGraphURI(g).addNamedGraphURI(g);
        }
        return exec;
    }

    /**
     * As {@link #queryExec(Query)} with {@code values} bound. A fixed query of the application ({@link QueryLibrary})
     * goes as its prepared text ({@link SentQueryText}, made on first use); any other is bound by Jena's substitution.
     */
    public QueryExecHTTPBuilder queryExec(Query query, Binding values) {
        Set<Var> bound = new HashSet<>();
        values.vars().forEachRemaining(bound::add);
        SentTextKey key = new SentTextKey(query, bound);
        // The cache first: it holds only fixed queries, and asking QueryLibrary takes a lock.
        Optional<SentQueryText> prepared = sentTexts.get(key);
        if (prepared == null && QueryLibrary.isFixed(query)) {
            prepared = sentTexts.computeIfAbsent(key, k -> SentQueryText.of(query, bound));
        }
        Optional<String> text = prepared == null ? Optional.empty() : prepared.flatMap(t -> t.with(values));
        QueryExecHTTPBuilder exec = text.isPresent() ? base().queryString(text.get()) : asStored(query).substitution(values);
        for (String g : dataGraphs()) {
            exec.addDefaultGraphURI(g).addNamedGraphURI(g);
        }
        return exec;
    }

    /** A fixed query by identity (a parsed query's equals compares structure, slowly) and the variables bound. */
    private record SentTextKey(Query query, Set<Var> bound) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SentTextKey k && k.query == query && k.bound.equals(bound);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(query) * 31 + bound.hashCode();
        }
    }

    /**
     * The graphs of the store that are the public data, as configured or discovered ({@code --data-graphs}); empty
     * when the store's own default graph is the data.
     */
    public List<String> dataGraphs() {
        return dataGraphs.current(q -> {
            try (QueryExecHTTP exec = asStored(q).build()) {
                return exec.select().materialize();
            }
        });
    }

    /**
     * The named graphs that hold the data: {@link #dataGraphs}, or, when the store's default graph is the data
     * ({@code store-default}), its named graphs under the project's graph namespace, as discovery lists them. What
     * reads graph by graph (the dumps) asks this; queries over the data keep {@link #dataGraphs}.
     */
    public List<String> namedDataGraphs() {
        return dataGraphs.named(q -> {
            try (QueryExecHTTP exec = asStored(q).build()) {
                return exec.select().materialize();
            }
        });
    }

    /**
     * The first of {@code graphs} (named by a client's query or request) that is not public data, if any; none is
     * checked when the store's default graph is the data ({@code --data-graphs store-default}).
     */
    public Optional<String> notPublic(List<String> graphs) {
        if (graphs.isEmpty() || endpoint.dataGraphs().mode() == DataGraphs.Mode.STORE_DEFAULT) {
            return Optional.empty();
        }
        Set<String> data = Set.copyOf(dataGraphs());
        return graphs.stream().filter(g -> !data.contains(g)).findFirst();
    }

    /** A query on the store as it is, without a dataset description: add one and the values to bind, then run it. */
    public QueryExecHTTPBuilder storedExec(Query query) {
        return asStored(query);
    }

    /** A query on the store as it is, without a dataset description. */
    private QueryExecHTTPBuilder asStored(Query query) {
        return base().query(query);
    }

    /** This service's endpoint, client, send mode, accepted formats and timeout; the query is the caller's to set. */
    private QueryExecHTTPBuilder base() {
        return QueryExecHTTP.service(endpoint.query().toString())
                .httpClient(http)
                .sendMode(sendModes.mode())
                .acceptHeaderSelectQuery(SELECT_ACCEPT)
                .acceptHeaderGraph(GRAPH_ACCEPT)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs a SELECT on the store as it is (no dataset description: its own default graph and every named graph, as an
     * update's WHERE clause sees it), rows read in full; for the server's own graphs, never for public pages.
     */
    public RowSet selectStored(Query query) {
        try (QueryExecHTTP exec = asStored(query).build()) {
            return exec.select().materialize();
        }
    }

    /** As {@link #selectStored}, for an ASK. */
    public boolean askStored(Query query) {
        try (QueryExecHTTP exec = asStored(query).build()) {
            return exec.ask();
        }
    }

    /** Runs a SELECT and returns its rows, read in full. */
    public RowSet select(Query query) {
        try (QueryExecHTTP exec = queryExec(query).build()) {
            return exec.select().materialize();
        }
    }

    public boolean ask(Query query) {
        try (QueryExecHTTP exec = queryExec(query).build()) {
            return exec.ask();
        }
    }

    public Graph construct(Query query) {
        try (QueryExecHTTP exec = queryExec(query).build()) {
            return exec.construct();
        }
    }

    /**
     * Asks the store how it takes queries: from now on as {@code application/sparql-query} bodies if it answers
     * {@code ASK {}} sent so within {@link #DIRECT_POST_PROBE}, by GET and form POST if it answers only those (Virtuoso 7
     * never answers such a POST). The text as it is saves URL-encoding on this side (a third of a front-end's CPU per
     * page over Fuseki, with JFR) and decoding on the store's. A store that answers neither is asked again before a
     * later query, so a front-end started before its store still gets POST bodies once it is up. Never throws.
     */
    public SendModeChoice.Outcome chooseSendMode() {
        return sendModes.probe();
    }

    /** True if the store now gets queries as POST bodies ({@link #chooseSendMode}). */
    public boolean preferDirectPost() {
        return chooseSendMode() == SendModeChoice.Outcome.POST_BODIES;
    }

    /** How this service sends queries now. */
    public QuerySendMode sendMode() {
        return sendModes.mode();
    }

    /** True when the query endpoint answers {@code ASK {}} (alive.rq) within the timeout; never throws. */
    public boolean isAlive() {
        try (QueryExecHTTP exec = asStored(QueryLibrary.ALIVE).build()) {
            return exec.ask();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Sends a SPARQL Update to the update endpoint (--update-endpoint). */
    public void update(UpdateRequest update) {
        UpdateExecHTTP.service(requireUpdateEndpoint().toString())
                .httpClient(http)
                .update(update)
                .build()
                .execute();
        dataGraphs.forget();
    }

    /** Replaces a named graph through the Graph Store Protocol (--graph-store): HTTP PUT. */
    public void putGraph(String graphIri, Graph graph) {
        gsp().graphName(graphIri).PUT(graph);
        dataGraphs.forget();
    }

    /** Adds to a named graph through the Graph Store Protocol (--graph-store): HTTP POST. */
    public void postGraph(String graphIri, Graph graph) {
        gsp().graphName(graphIri).POST(graph);
        dataGraphs.forget();
    }

    /** Reads a named graph through the Graph Store Protocol (--graph-store). */
    public Graph getGraph(String graphIri) {
        return gsp().graphName(graphIri).GET();
    }

    private GSP gsp() {
        return GSP.service(requireGraphStore().toString()).httpClient(http);
    }

    // ---------------------------------------------------------------- raw protocol level

    /**
     * Sends a SPARQL Protocol query (form POST: query, default-graph-uri, named-graph-uri) with the client's
     * Accept header and hands back the response unparsed. {@code requested} is capped at this service's timeout;
     * it bounds the wait for the response headers, the caller bounds the body.
     */
    public HttpResponse<InputStream> forwardQuery(String queryText, List<String> defaultGraphs, List<String> namedGraphs,
                                                  Optional<String> accept, Duration requested) throws IOException, InterruptedException {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"query", queryText});
        defaultGraphs.forEach(g -> form.add(new String[] {"default-graph-uri", g}));
        namedGraphs.forEach(g -> form.add(new String[] {"named-graph-uri", g}));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.query())
                .timeout(capped(requested))
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)));
        accept.ifPresent(a -> request.header("Accept", a));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Sends a SPARQL Update (form POST: update, using-graph-uri, using-named-graph-uri) to --update-endpoint. */
    public HttpResponse<InputStream> forwardUpdate(String updateText, List<String> usingGraphs, List<String> usingNamedGraphs)
            throws IOException, InterruptedException {
        List<String[]> form = new ArrayList<>();
        form.add(new String[] {"update", updateText});
        usingGraphs.forEach(g -> form.add(new String[] {"using-graph-uri", g}));
        usingNamedGraphs.forEach(g -> form.add(new String[] {"using-named-graph-uri", g}));
        HttpRequest request = HttpRequest.newBuilder(requireUpdateEndpoint())
                .timeout(timeout)
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(form)))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } finally {
            dataGraphs.forget();
        }
    }

    /**
     * A Graph Store Protocol request to --graph-store: {@code graph} names the graph, empty means {@code ?default}.
     * {@code body} (with its content type) is sent for PUT and POST.
     */
    public HttpResponse<InputStream> forwardGraphStore(String method, Optional<String> graph, Optional<String> accept,
                                                       Optional<String> contentType, byte[] body) throws IOException, InterruptedException {
        URI base = requireGraphStore();
        String target = graph.map(g -> "graph=" + URLEncoder.encode(g, StandardCharsets.UTF_8)).orElse("default");
        URI uri = URI.create(base + (base.getRawQuery() == null ? "?" : "&") + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body.length == 0 && !method.equals("PUT") && !method.equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        accept.ifPresent(a -> request.header("Accept", a));
        contentType.ifPresent(t -> request.header("Content-Type", t));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } finally {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                dataGraphs.forget();
            }
        }
    }

    /** The shorter of what a client asked for and the operator's timeout. */
    public Duration capped(Duration requested) {
        return requested == null || requested.compareTo(timeout) > 0 || requested.isNegative() || requested.isZero()
                ? timeout : requested;
    }

    private URI requireUpdateEndpoint() {
        return endpoint.update().orElseThrow(() -> new IllegalStateException(
                "No update endpoint: start with --update-endpoint URL (the external service's SPARQL Update URL)."));
    }

    private URI requireGraphStore() {
        return endpoint.graphStore().orElseThrow(() -> new IllegalStateException(
                "No Graph Store Protocol endpoint: start with --graph-store URL (the external service's GSP URL)."));
    }

    private static String formEncode(List<String[]> pairs) {
        return pairs.stream()
                .map(p -> URLEncoder.encode(p[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(p[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Set<String> hostsOf(RemoteEndpoint endpoint) {
        return Stream.of(Optional.of(endpoint.query()), endpoint.update(), endpoint.graphStore())
                .flatMap(Optional::stream)
                .map(u -> u.getHost().toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** Answers a server's Basic challenge with the configured credentials — only for the configured hosts. */
    private static Authenticator authenticatorFor(RemoteEndpoint.Credentials credentials, Set<String> hosts) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.SERVER || getRequestingHost() == null
                        || !hosts.contains(getRequestingHost().toLowerCase(java.util.Locale.ROOT))) {
                    return null;
                }
                return new PasswordAuthentication(credentials.user(), credentials.password().toCharArray());
            }
        };
    }
}
