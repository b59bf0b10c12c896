package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.Main;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.source.SourceFile;
import org.labourgraph.source.SourceSet;
import org.labourgraph.vocab.LG;

/**
 * The whole browsing site over a stock standalone Fuseki ({@code --mem --update /ds}: its default graph is its own,
 * the data sits in named graphs), the data sent as a new user sends it ({@code load --update-endpoint}, which writes the
 * entailment graph too): every page a scholar reaches from the home page answers as on the embedded store.
 */
@DisplayName("serve --sparql-endpoint over a stock Fuseki: the same site as the embedded store")
@Tag("slow")
class ExternalSiteTest {
    private static final String CURATOR = "curator";
    private static final String CURATOR_PASSWORD = "s3cret-for-tests";
    private static final int WALK = 60;
    /** The separators of the example queries' GROUP_CONCAT lists. */
    private static final Pattern LIST_SEPARATOR = Pattern.compile(", | \\| ");
    private static final String JSON_RESULTS = "application/sparql-results+json";

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static TestServer embedded;
    static LabourgraphServer external;
    static LabourgraphServer writer;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startAStockFusekiLoadItAndStartBothSites() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            // No --sparql-endpoint: load reads the store at the update URL's sibling /sparql (Fuseki's layout).
            List<String> load = new ArrayList<>(List.of("load", "--update-endpoint", fuseki.service("update").toString()));
            SourceSet.discover(ProjectPaths.root()).files().stream().map(SourceFile::path).map(Path::toString).forEach(load::add);
            assertEquals(0, Main.run(load.toArray(String[]::new)), "load --update-endpoint of ontology/ and data/");
            embedded = TestServer.start();
            external = LabourgraphServer.buildRemote(settings()).start();
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, CURATOR + ": " + CURATOR_PASSWORD + ", curator\n");
            writer = LabourgraphServer.buildRemote(settings().withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        Stream.of(external, writer).filter(s -> s != null).forEach(LabourgraphServer::close);
        if (embedded != null) {
            embedded.close();
        }
        if (fuseki != null) {
            fuseki.close();
        }
        external = null;
        writer = null;
        embedded = null;
        fuseki = null;
    }

    private static ServerSettings settings() {
        return ServerSettings.defaults(ProjectPaths.root()).withPort(0).withQueryTimeout(Duration.ofSeconds(20))
                .withRemote(new RemoteEndpoint(fuseki.service("sparql"), Optional.of(fuseki.service("update")),
                        Optional.of(fuseki.service("data")), Optional.empty()));
    }

    @Test
    void every_page_a_scholar_reaches_from_home_reads_as_on_the_embedded_store() throws Exception {
        SiteWalk.Result walk = SiteWalk.walk(embedded.server, external, WALK);
        assertTrue(walk.visited().size() >= 40, "the walk reached " + walk.visited().size() + " pages: " + walk.visited());
        assertEquals(List.of(), walk.differences(), "pages that differ between the two modes");
    }

    @Test
    void every_example_query_for_librarians_answers_as_on_the_embedded_store() throws Exception {
        List<Path> queries;
        try (Stream<Path> list = Files.list(ProjectPaths.root().resolve("queries"))) {
            queries = list.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        }
        assertTrue(queries.size() >= 10, "queries/ holds the examples: " + queries);
        List<String> differences = new ArrayList<>();
        for (Path file : queries) {
            String query = Files.readString(file);
            String here = answerOf(get(embedded.server, "/sparql?query=" + TestServer.enc(query), "Accept", JSON_RESULTS));
            String there = answerOf(get(external, "/sparql?query=" + TestServer.enc(query), "Accept", JSON_RESULTS));
            if (!here.equals(there)) {
                Set<String> onlyHere = new LinkedHashSet<>(here.lines().toList());
                there.lines().toList().forEach(onlyHere::remove);
                Set<String> onlyThere = new LinkedHashSet<>(there.lines().toList());
                here.lines().toList().forEach(onlyThere::remove);
                differences.add(file.getFileName() + ": only embedded " + onlyHere + "; only external " + onlyThere);
            }
        }
        assertEquals(List.of(), differences, "example queries whose answers differ");
    }

    @Test
    void the_entailed_hierarchy_is_the_same_as_on_the_embedded_store() throws Exception {
        String closure = """
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                SELECT ?a ?b WHERE { ?a skos:broaderTransitive ?b } ORDER BY ?a ?b""";
        String direct = closure.replace("skos:broaderTransitive", "skos:broader");
        String here = rowsOf(get(embedded.server, "/sparql?query=" + TestServer.enc(closure), "Accept", "text/csv"));
        long links = rowsOf(get(embedded.server, "/sparql?query=" + TestServer.enc(direct), "Accept", "text/csv")).lines().count();
        assertTrue(here.lines().count() > links, "the closure holds more pairs than the stated links: " + here);
        assertEquals(here, rowsOf(get(external, "/sparql?query=" + TestServer.enc(closure), "Accept", "text/csv")));
    }

    @Test
    void search_finds_ghost_work_in_the_named_graphs() throws Exception {
        HttpResponse<String> r = get(external, "/api/search?q=ghost");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains(LG.CONCEPT_NS + "ghost-work"), r.body());
    }

    @Test
    void an_iri_sends_to_its_document_as_on_the_embedded_store() throws Exception {
        HttpResponse<String> r = get(external, "/id/concept/ghost-work", "Accept", "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals(get(embedded.server, "/id/concept/ghost-work", "Accept", "text/turtle").headers().firstValue("Location"),
                r.headers().firstValue("Location"));
        Graph here = turtle(get(embedded.server, "/doc/concept/ghost-work.ttl"));
        Graph there = turtle(get(external, "/doc/concept/ghost-work.ttl"));
        assertTrue(here.size() > 10, "the document describes ghost work");
        assertTrue(IsoMatcher.isomorphic(here, there), "the same RDF document in both modes");
    }

    @Test
    void a_graph_outside_the_public_data_is_neither_read_nor_nameable() throws Exception {
        String secret = "http://example.org/not-public";
        HttpResponse<String> put = HTTP.send(TestServer.request(fuseki.service("update"), "POST", "application/sparql-update",
                "INSERT DATA { GRAPH <" + secret + "> { <http://example.org/s> <http://example.org/p> \"hidden value\" } }"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(2, put.statusCode() / 100, put.body());
        String find = "SELECT ?s WHERE { { ?s ?p \"hidden value\" } UNION { GRAPH ?g { ?s ?p \"hidden value\" } } }";
        HttpResponse<String> r = get(external, "/sparql?query=" + TestServer.enc(find), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("s", r.body().strip(), "no row: the graph is not public data");
        HttpResponse<String> named = get(external, "/sparql?query=" + TestServer.enc("SELECT * FROM <" + secret + "> WHERE { ?s ?p ?o }"));
        assertEquals(400, named.statusCode(), named.body());
        assertTrue(named.body().contains(secret), named.body());
        HttpResponse<String> asParameter = get(external, "/sparql?query=" + TestServer.enc("SELECT * WHERE { ?s ?p ?o }")
                + "&default-graph-uri=" + TestServer.enc(secret));
        assertEquals(400, asParameter.statusCode(), asParameter.body());
    }

    @Test
    void an_edit_through_one_front_end_shows_on_the_other_at_once() throws Exception {
        String label = "\"phantom work (test)\"@en";
        String triple = "<" + LG.CONCEPT_NS + "ghost-work> <http://www.w3.org/2004/02/skos/core#altLabel> " + label;
        String auth = TestServer.basic(CURATOR, CURATOR_PASSWORD);
        assertFalse(get(external, "/doc/concept/ghost-work").body().contains("phantom work (test)"));
        try {
            HttpResponse<String> insert = HTTP.send(TestServer.request(URI.create(writer.baseUrl() + "update"), "POST",
                    "application/sparql-update", "INSERT DATA { GRAPH <" + LG.GRAPH_NS + "concepts> { " + triple + " } }",
                    "Authorization", auth), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, insert.statusCode(), insert.body());
            assertTrue(get(external, "/doc/concept/ghost-work").body().contains("phantom work (test)"),
                    "the other front-end keeps no page: its next request reads the store");
        } finally {
            HttpResponse<String> delete = HTTP.send(TestServer.request(URI.create(writer.baseUrl() + "update"), "POST",
                    "application/sparql-update", "DELETE DATA { GRAPH <" + LG.GRAPH_NS + "concepts> { " + triple + " } }",
                    "Authorization", auth), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, delete.statusCode(), delete.body());
        }
        assertFalse(get(external, "/doc/concept/ghost-work").body().contains("phantom work (test)"));
    }

    @Test
    void a_graph_created_through_a_front_end_is_public_data_there_at_once() throws Exception {
        String graph = LG.GRAPH_NS + "test-new-graph";
        String auth = TestServer.basic(CURATOR, CURATOR_PASSWORD);
        String ask = "ASK { <urn:labourgraph:test> <urn:labourgraph:marker> \"new graph\" }";
        assertEquals(200, get(writer, "/sparql?query=" + TestServer.enc("ASK {}")).statusCode(), "the graphs are listed first");
        try {
            HttpResponse<String> insert = HTTP.send(TestServer.request(URI.create(writer.baseUrl() + "update"), "POST",
                    "application/sparql-update", "INSERT DATA { GRAPH <" + graph + "> { <urn:labourgraph:test>"
                            + " <urn:labourgraph:marker> \"new graph\" } }", "Authorization", auth), HttpResponse.BodyHandlers.ofString());
            assertEquals(2, insert.statusCode() / 100, insert.body());
            HttpResponse<String> r = get(writer, "/sparql?query=" + TestServer.enc(ask), "Accept", JSON_RESULTS);
            assertTrue(r.body().contains("true"), "the writing front-end lists the graphs again after its write: " + r.body());
        } finally {
            HttpResponse<String> drop = HTTP.send(TestServer.request(URI.create(writer.baseUrl() + "update"), "POST",
                    "application/sparql-update", "DROP SILENT GRAPH <" + graph + ">", "Authorization", auth),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(2, drop.statusCode() / 100, drop.body());
        }
    }

    @Test
    void a_page_whose_store_does_not_answer_is_a_502_that_names_the_store() throws Exception {
        URI nowhere;
        try (java.net.ServerSocket closed = new java.net.ServerSocket(0)) {
            nowhere = URI.create("http://127.0.0.1:" + closed.getLocalPort() + "/ds/sparql");
        }
        try (LabourgraphServer down = LabourgraphServer.buildRemote(ServerSettings.defaults(ProjectPaths.root()).withPort(0)
                .withRemote(new RemoteEndpoint(nowhere, Optional.empty(), Optional.empty(), Optional.empty()))).start()) {
            HttpResponse<String> r = get(down, "/doc/concept/ghost-work", "Accept", "text/plain");
            assertEquals(502, r.statusCode(), r.body());
            assertTrue(r.body().contains(nowhere.toString()), r.body());
        }
    }

    @Test
    void every_dump_holds_the_same_statements_as_the_embedded_sites_dump() {
        assertEquals(List.of(), DumpComparison.differences(embedded.server, external, n -> n),
                "dumps (RDF: the same quads; SKOS: the same statements; SSSOM: the same rows) that differ between the modes");
    }

    @Test
    void a_dump_that_does_not_exist_is_a_404_naming_the_dumps() throws Exception {
        for (String path : List.of("/dumps/labourgraph.xml", "/dumps/labourgraph-skos.nt", "/dumps/labourgraph.ttl.zip", "/dumps/")) {
            HttpResponse<String> r = get(external, path, "Accept", "text/plain");
            assertEquals(404, r.statusCode(), path + ": " + r.body());
        }
        assertTrue(get(external, "/dumps/labourgraph.xml").body().contains("labourgraph.ttl.gz"));
    }

    @Test
    void what_external_mode_does_not_serve_yet_says_so_with_a_501() throws Exception {
        for (String path : List.of("/curator", "/curator/")) {
            HttpResponse<String> r = get(external, path, "Accept", "text/plain");
            assertEquals(501, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("external-endpoint mode"), path + ": " + r.body());
        }
    }

    @Test
    void a_time_map_is_served_and_a_resource_without_recorded_versions_has_none() throws Exception {
        HttpResponse<String> r = get(external, "/timemap/concept/precarity", "Accept", "text/plain");
        assertEquals(404, r.statusCode(), r.body());
        assertTrue(r.body().contains("No recorded versions"), r.body());
    }

    /**
     * A SELECT answer as text that two stores agree on when they give the same answer: rows sorted (an unordered result
     * may come in any order), numbers by value (TDB2 keeps 2.0 where another store keeps the lexical form 2), and each
     * GROUP_CONCAT list sorted (SPARQL gives its parts no order).
     */
    private static String answerOf(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        ResultSetRewindable rows = ResultSetFactory.makeRewindable(ResultSetMgr.read(
                new java.io.ByteArrayInputStream(r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8)), ResultSetLang.RS_JSON));
        List<String> lines = new ArrayList<>();
        rows.forEachRemaining(row -> {
            StringBuilder line = new StringBuilder();
            for (String v : rows.getResultVars()) {
                Node n = row.contains(v) ? row.get(v).asNode() : null;
                line.append(v).append('=').append(canonical(n)).append(" | ");
            }
            lines.add(line.toString());
        });
        lines.sort(null);
        return rows.getResultVars() + "\n" + String.join("\n", lines);
    }

    private static String canonical(Node n) {
        if (n == null) {
            return "";
        }
        if (n.isLiteral() && NodeValue.makeNode(n).isNumber()) {
            return NodeValue.makeNode(n).getDecimal().stripTrailingZeros().toPlainString();
        }
        if (n.isLiteral() && LIST_SEPARATOR.matcher(n.getLiteralLexicalForm()).find()) {
            List<String> parts = new ArrayList<>(List.of(LIST_SEPARATOR.split(n.getLiteralLexicalForm())));
            parts.sort(null);
            return String.join(", ", parts) + "@" + n.getLiteralLanguage();
        }
        return n.isBlank() ? "_:" : n.toString();
    }

    /** A CSV answer's header and rows, the rows sorted: two stores may order an unordered result differently. */
    private static String rowsOf(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = new ArrayList<>(r.body().lines().toList());
        String header = lines.isEmpty() ? "" : lines.remove(0);
        lines.sort(null);
        return header + "\n" + String.join("\n", lines);
    }

    private static Graph turtle(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
        return g;
    }

    static String normalised(HttpResponse<String> r, LabourgraphServer server) {
        return SiteWalk.normalised(r, server);
    }

    static HttpResponse<String> get(LabourgraphServer server, String path, String... headers)
            throws IOException, InterruptedException {
        return SiteWalk.get(server, path, headers);
    }
}
