package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.labourgraph.web.AppHttp.enc;
import static org.labourgraph.web.AppHttp.get;
import static org.labourgraph.web.AppHttp.mediaTypeOf;
import static org.labourgraph.web.AppHttp.post;
import static org.labourgraph.web.AppHttp.send;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.config.DataGraphs;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.sparql.RemoteSparqlSearch;
import org.labourgraph.sparql.RemoteSparqlService;
import org.labourgraph.sparql.SearchDialect;
import org.labourgraph.store.Entailments;
import org.labourgraph.store.LabourStore;
import org.labourgraph.vocab.LG;
import org.labourgraph.ProjectPaths;

/**
 * {@code serve --sparql-endpoint}: the application in front of the real standalone Fuseki, run as a separate
 * process. The graph is loaded into Fuseki over the Graph Store Protocol (one named graph per source file, plus
 * the entailment graph), and Fuseki's TDB2 dataset is configured with {@code tdb2:unionDefaultGraph true}, so
 * its default graph is the same union the embedded store answers. Every check goes through the app's port.
 */
@DisplayName("serve --sparql-endpoint: the app in front of a real standalone Fuseki")
@Tag("slow")
class ExternalEndpointModeTest {
    private static final String GHOST_WORK = LG.CONCEPT_NS + "ghost-work";
    private static final String CURATOR = "curator";
    private static final String CURATOR_PASSWORD = "s3cret-for-tests";
    private static final String GHOST_WORK_EN_LABEL = """
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            SELECT ?label WHERE { <https://w3id.org/labourgraph/id/concept/ghost-work> skos:prefLabel ?label
                                  FILTER(lang(?label) = "en") }""";

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    /** Read-only: started without --passwd, operator timeout 10 s. */
    static LabourgraphServer app;
    /** Started with --passwd: forwards authenticated writes. */
    static LabourgraphServer writableApp;

    @BeforeAll
    static void startFusekiLoadTheGraphAndStartTheApp() throws Exception {
        try {
            fuseki = StandaloneFuseki.start(work.resolve("fuseki"));
            loadTheGraphOverTheGraphStoreProtocol();
            app = LabourgraphServer.buildRemote(settings(Duration.ofSeconds(10))).start();
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, CURATOR + ": " + CURATOR_PASSWORD + ", curator\n");
            writableApp = LabourgraphServer.buildRemote(settings(Duration.ofSeconds(10)).withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        Stream.of(app, writableApp).filter(s -> s != null).forEach(LabourgraphServer::close);
        app = null;
        writableApp = null;
        if (fuseki != null) {
            fuseki.close();
            fuseki = null;
        }
    }

    /** ontology/*.ttl (not shapes.ttl) and data/*.ttl, each PUT into its graph, then the entailments of their union. */
    private static void loadTheGraphOverTheGraphStoreProtocol() throws IOException {
        Path root = ProjectPaths.root();
        List<Path> files = new ArrayList<>();
        files.addAll(turtleFiles(root.resolve("ontology")).stream()
                .filter(p -> !p.getFileName().toString().equals("shapes.ttl")).toList());
        files.addAll(turtleFiles(root.resolve("data")));
        assertTrue(files.size() >= 2, "ontology/ and data/ hold the graph, under " + root);
        RemoteSparqlService loader = new RemoteSparqlService(endpoint(), Duration.ofSeconds(60));
        Graph union = GraphFactory.createDefaultGraph();
        for (Path file : files) {
            Graph graph = RDFDataMgr.loadGraph(file.toString());
            String stem = file.getFileName().toString().replaceFirst("\\.ttl$", "");
            loader.putGraph(LG.GRAPH_NS + stem, graph);
            GraphUtil.addInto(union, graph);
        }
        loader.putGraph(LabourStore.ENTAILMENT_GRAPH, Entailments.of(union));
    }

    private static List<Path> turtleFiles(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".ttl")).sorted().toList();
        }
    }

    private static RemoteEndpoint endpoint() {
        // Its default graph is the union (see the class comment): --data-graphs store-default. ExternalSiteTest covers a
        // stock store, whose data graphs the server discovers.
        return new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                Optional.of(fuseki.service("data")), Optional.empty(), DataGraphs.parse("store-default"));
    }

    private static ServerSettings settings(Duration timeout) {
        Path root = ProjectPaths.root();
        return ServerSettings.defaults(root).withPort(0).withQueryTimeout(timeout).withRemote(endpoint());
    }

    // ------------------------------------------------------------------ /sparql

    @ParameterizedTest(name = "Accept {0} → {1}")
    @CsvSource({
        "application/sparql-results+json, application/sparql-results+json",
        "application/sparql-results+xml,  application/sparql-results+xml",
        "text/csv,                        text/csv",
        "text/tab-separated-values,       text/tab-separated-values",
    })
    void aSelectAnswersInTheResultFormatTheClientAccepts(String accept, String mediaType) throws Exception {
        HttpResponse<String> r = get(app, "sparql?query=" + enc(GHOST_WORK_EN_LABEL), accept);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(mediaType, mediaTypeOf(r));
        assertTrue(r.body().contains("ghost work"), r.body());
        assertFalse(r.body().contains("travail fantôme"), "only the English label: " + r.body());
    }

    @Test
    void aSelectByGetFormPostAndDirectPostReturnsGhostWorksEnglishLabel() throws Exception {
        List<HttpResponse<String>> answers = List.of(
                get(app, "sparql?query=" + enc(GHOST_WORK_EN_LABEL), "application/sparql-results+json"),
                post(app, "sparql", "application/x-www-form-urlencoded", "query=" + enc(GHOST_WORK_EN_LABEL),
                        "application/sparql-results+json", null),
                post(app, "sparql", "application/sparql-query", GHOST_WORK_EN_LABEL, "application/sparql-results+json", null));
        for (HttpResponse<String> r : answers) {
            assertEquals(200, r.statusCode(), r.body());
            JsonArray rows = JSON.parse(r.body()).getObj("results").get("bindings").getAsArray();
            assertEquals(1, rows.size(), r.body());
            assertEquals("ghost work", rows.get(0).getAsObject().getObj("label").getString("value"));
        }
    }

    @Test
    void withTheStoresDefaultGraphAsDataNoHistoryIsKeptSoItsRoutesAndPastVersionsAre501() throws Exception {
        for (String path : List.of("changes.json", "history/concept/ghost-work", "timemap/concept/ghost-work",
                "doc/concept/ghost-work?rev=1")) {
            HttpResponse<String> r = get(app, path, "text/plain");
            assertEquals(501, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("store-default"), path + ": " + r.body());
        }
        assertEquals(200, get(app, "doc/concept/ghost-work", "text/html").statusCode(), "the current document is served");
    }

    @Test
    void aConstructAnswersInTurtle() throws Exception {
        String construct = "CONSTRUCT { <" + GHOST_WORK + "> ?p ?o } WHERE { <" + GHOST_WORK + "> ?p ?o }";
        HttpResponse<String> r = get(app, "sparql?query=" + enc(construct), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaTypeOf(r));
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(graph);
        assertTrue(graph.contains(NodeFactory.createURI(GHOST_WORK), SKOS.prefLabel.asNode(),
                NodeFactory.createLiteralLang("ghost work", "en")), r.body());
    }

    @Test
    void theDefaultGraphIsTheUnionOfTheSourceGraphsAndTheirEntailments() throws Exception {
        // broaderTransitive is only in the entailment graph; the concepts are in data/concepts.ttl.
        String ask = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> ASK { <" + LG.CONCEPT_NS + "content-moderation>"
                + " skos:broaderTransitive <" + LG.TOP_CONCEPT_IRI + "> ; skos:prefLabel ?l }";
        HttpResponse<String> r = get(app, "sparql?query=" + enc(ask), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(JSON.parse(r.body()).get("boolean").getAsBoolean().value(), r.body());
    }

    @Test
    void namedGraphUriIsForwardedWithTheQuery() throws Exception {
        String graphs = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }";
        HttpResponse<String> r = get(app, "sparql?query=" + enc(graphs) + "&named-graph-uri=" + enc(LG.GRAPH_NS + "works"), "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(List.of("g", LG.GRAPH_NS + "works"), r.body().lines().toList());
    }

    @Test
    void aServiceQueryIsRefusedWith400AndNothingLeavesTheApp() throws Exception {
        AtomicInteger canaryHits = new AtomicInteger();
        HttpServer canary = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        canary.createContext("/", exchange -> {
            canaryHits.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        canary.start();
        try {
            String federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:" + canary.getAddress().getPort()
                    + "/canary/sparql> { ?s ?p ?o } }";
            String toFuseki = "SELECT * WHERE { SERVICE <" + fuseki.baseUrl() + "/canary-outside-ds> { ?s ?p ?o } }";
            for (String query : List.of(federated, toFuseki)) {
                HttpResponse<String> r = get(app, "sparql?query=" + enc(query), "application/sparql-results+json");
                assertEquals(400, r.statusCode(), r.body());
                assertTrue(r.body().contains("SERVICE"), r.body());
            }
        } finally {
            canary.stop(0);
        }
        assertEquals(0, canaryHits.get(), "the SERVICE target was never called");
        String log = fuseki.log();
        assertFalse(log.contains("canary"), "Fuseki never saw the SERVICE queries:\n" + log);
        assertAll(requestPathsIn(log).stream().map(path -> () -> assertTrue(
                path.startsWith("/ds/") || path.startsWith("/$/"), "Fuseki received a request outside /ds: " + path)));
    }

    @Test
    void aMalformedQueryGets400WithTheParsersMessage() throws Exception {
        HttpResponse<String> r = get(app, "sparql?query=" + enc("SELECT * WHERE { ?s ?p }"), "application/sparql-results+json");
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().startsWith("Parse error: ") && r.body().contains("line 1"), r.body());
    }

    @Test
    void aQueryPostedWithAnotherMediaTypeGets415() throws Exception {
        HttpResponse<String> r = post(app, "sparql", "text/plain", GHOST_WORK_EN_LABEL, "application/sparql-results+json", null);
        assertEquals(415, r.statusCode(), r.body());
    }

    @Test
    void aClientCannotRaiseTheOperatorsTimeout() throws Exception {
        try (LabourgraphServer impatient = LabourgraphServer.buildRemote(settings(Duration.ofSeconds(1))).start()) {
            // A cross product of the whole graph with itself three times: far longer than a second.
            String slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
            HttpResponse<String> r = get(impatient, "sparql?timeout=120&query=" + enc(slow), "text/csv");
            assertEquals(503, r.statusCode(), r.body());
            // The answer names the limit that cut it: the operator's 1 s, not the client's 120 s (no wall-clock check here).
            assertTrue(r.body().contains("time limit of 1000 ms"), r.body());
        }
    }

    // ------------------------------------------------------------------ /api/search

    @ParameterizedTest(name = "\"{0}\" finds ghost work first")
    @ValueSource(strings = {"travail fantome", "Travail Fantôme", "ghost work"})
    void searchFindsGhostWorkFirstWhateverTheAccentsAndCase(String q) throws Exception {
        HttpResponse<String> r = get(app, "api/search?q=" + enc(q), "application/json");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject body = JSON.parse(r.body());
        assertEquals(q, body.getString("query"));
        JsonArray results = body.get("results").getAsArray();
        assertFalse(results.isEmpty(), r.body());
        JsonObject first = results.get(0).getAsObject();
        assertAll(
                () -> assertEquals(GHOST_WORK, first.getString("iri")),
                () -> assertEquals("concept", first.getString("type")),
                () -> assertEquals("label", first.getString("matchedField")),
                () -> assertTrue(first.hasKey("label") && first.hasKey("labelLang") && first.hasKey("labelFallback")
                        && first.hasKey("score") && first.hasKey("matched"), first.toString()));
    }

    @Test
    void fusekiWithoutATextIndexGetsThePortableSearch() {
        RemoteSparqlSearch search = new RemoteSparqlSearch(new RemoteSparqlService(endpoint(), Duration.ofSeconds(10)));
        assertEquals(SearchDialect.PORTABLE, search.dialect());
    }

    @Test
    void searchWithNoSearchableWordGets400() throws Exception {
        HttpResponse<String> r = get(app, "api/search?q=" + enc("«—»"), "application/json");
        assertEquals(400, r.statusCode(), r.body());
    }

    // ------------------------------------------------------------------ /health and /data

    @Test
    void aSearchPastTheTimeLimitSaysSoAndWhatToDoNotThatTheStoreIsDown() throws Exception {
        // Only the portable search's query (the one that filters by langMatches) is held, past the front-end's limit.
        try (CuttingProxy slow = CuttingProxy.holding(fuseki.service("sparql"), "langMatches");
             LabourgraphServer front = LabourgraphServer.buildRemote(settings(Duration.ofSeconds(1)).withRemote(
                     new RemoteEndpoint(slow.service(), Optional.empty(), Optional.empty(), Optional.empty(),
                             DataGraphs.parse("store-default")))).start()) {
            HttpResponse<String> r = get(front, "api/search?q=ghost", "application/json");
            assertEquals(503, r.statusCode(), r.body());
            assertTrue(r.body().contains("ran past this server's time limit of 1 s"), r.body());
            assertTrue(r.body().contains("text index"), "says what would make it fast: " + r.body());
            assertFalse(r.body().contains("did not answer"), r.body());
        }
    }

    @Test
    void healthIs200WhileTheExternalServiceAnswersAnAsk() throws Exception {
        HttpResponse<String> r = get(app, "health", "application/json");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("ok", JSON.parse(r.body()).getString("status"));
    }

    @Test
    void healthIs503WhenTheExternalServiceDoesNotAnswer() throws Exception {
        // Port 9 (discard): nothing listens there on a test machine, as in ServeCheckTest.
        URI nowhere = URI.create("http://127.0.0.1:9/ds/sparql");
        ServerSettings orphan = settings(Duration.ofSeconds(2))
                .withRemote(new RemoteEndpoint(nowhere, Optional.empty(), Optional.empty(), Optional.empty()));
        try (LabourgraphServer lost = LabourgraphServer.buildRemote(orphan).start()) {
            HttpResponse<String> r = get(lost, "health", "application/json");
            assertEquals(503, r.statusCode(), r.body());
        }
    }

    @Test
    void theGraphStoreProtocolReadsAGraphThroughTheApp() throws Exception {
        HttpResponse<String> r = get(app, "data?graph=" + enc(LG.GRAPH_NS + "concepts"), "text/turtle");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("text/turtle", mediaTypeOf(r));
        assertTrue(r.body().contains("ghost-work"), r.body());
    }

    // ------------------------------------------------------------------ writes

    @Test
    void withoutPasswdWritesAreRefusedWith403AndPointToTheExternalService() throws Exception {
        HttpResponse<String> update = post(app, "update", "application/sparql-update", insertData("no-passwd"), null, null);
        HttpResponse<String> put = send(app, "PUT", "data?graph=" + enc(LG.GRAPH_NS + "test-writes"), "text/turtle",
                "<urn:a> <urn:b> <urn:c> .", null);
        assertAll(
                () -> assertEquals(403, update.statusCode(), update.body()),
                () -> assertTrue(update.body().contains("external SPARQL service directly"), update.body()),
                () -> assertEquals(403, put.statusCode(), put.body()),
                () -> assertFalse(askTestTriple("no-passwd")));
    }

    @Test
    void withPasswdAnAnonymousWriteGets401AndChangesNothing() throws Exception {
        HttpResponse<String> update = post(writableApp, "update", "application/sparql-update", insertData("anonymous"), null, null);
        HttpResponse<String> put = send(writableApp, "PUT", "data?graph=" + enc(LG.GRAPH_NS + "test-writes"), "text/turtle",
                "<urn:a> <urn:b> <urn:c> .", null);
        assertAll(
                () -> assertEquals(401, update.statusCode(), update.body()),
                () -> assertEquals(401, put.statusCode(), put.body()),
                () -> assertFalse(askTestTriple("anonymous")));
    }

    @Test
    void withPasswdACuratorsUpdateIsForwardedToTheExternalService() throws Exception {
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", insertData("curated"), null, curator());
        assertEquals(200, r.statusCode() / 100 * 100, r.statusCode() + " " + r.body());
        assertTrue(askTestTriple("curated"));
    }

    @Test
    void updateLoadIsRefusedEvenForACurator() throws Exception {
        HttpResponse<String> r = post(writableApp, "update", "application/sparql-update", "LOAD <file:///etc/passwd>", null, curator());
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("LOAD"), r.body());
    }

    @Test
    void updateByGetIsRefused() throws Exception {
        HttpResponse<String> r = send(writableApp, "GET", "update?update=" + enc(insertData("by-get")), null, null, curator());
        assertEquals(405, r.statusCode(), r.body());
        assertFalse(askTestTriple("by-get"));
    }

    private static String insertData(String marker) {
        return "INSERT DATA { GRAPH <" + LG.GRAPH_NS + "test-writes> { <urn:labourgraph:test> <urn:labourgraph:marker> \""
                + marker + "\" } }";
    }

    /** Asked through the read-only app: is the test triple with this marker in the external store? */
    private static boolean askTestTriple(String marker) throws Exception {
        String ask = "ASK { <urn:labourgraph:test> <urn:labourgraph:marker> \"" + marker + "\" }";
        HttpResponse<String> r = get(app, "sparql?query=" + enc(ask), "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("boolean").getAsBoolean().value();
    }

    private static String curator() {
        return AppHttp.basic(CURATOR, CURATOR_PASSWORD);
    }

    /** The path of every request Fuseki logged ("[n] GET http://host:port/path?…"). */
    private static List<String> requestPathsIn(String log) {
        Matcher m = Pattern.compile("\\[\\d+] [A-Z]+ https?://[^/\\s]+(/[^?\\s]*)").matcher(log);
        List<String> paths = new ArrayList<>();
        while (m.find()) {
            paths.add(m.group(1));
        }
        return paths;
    }
}
