package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.store.LabourStore;
import org.labourgraph.store.StoreException;
import org.labourgraph.web.TestServer;

/**
 * Private notes (issue 6, visibility): loaded into the curators' store, they never show through any public
 * channel — SPARQL (FROM, FROM NAMED, GRAPH ?g, the union graph), the Graph Store Protocol, pages in both
 * languages, search, every dump format plain and gzipped, the dataset description, the sitemap, reconciliation
 * (queries, suggest, preview, extend), citations, history, fragments.
 *
 * <p>The private content holds a note, a private statement <em>about a public concept</em> (content moderation) and a
 * private concept whose label starts with A (so the A–Z index's default letter and the hierarchy would list
 * it). Each public route is asked of this server and of a second one started from the same files without any
 * private store: both must answer 200 with real content, and what the RDF routes return must be the same data.
 */
class PrivateNotesTest {
    static final String NOTE = "https://w3id.org/labourgraph/id/note/private-fixture-note";
    static final String CONCEPT = "https://w3id.org/labourgraph/id/concept/";
    static final String PRIVATE_CONCEPT = CONCEPT + "aardvark-private-fixture";
    static final String CLICK_WORK = CONCEPT + "content-moderation";
    static final String GRAPH = "https://w3id.org/labourgraph/graph/import/private-fixture";
    static final String SECRET = "Zorblatt";
    static final String FIXTURE = """
            @prefix lg: <https://w3id.org/labourgraph/ontology#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <%1$s> a lg:Note ;
                lg:visibility lg:Private ;
                dcterms:title "Unpublished note on %2$s and content moderation"@en ;
                rdfs:label "Note inédite sur %2$s"@fr, "Unpublished note on %2$s"@en ;
                dcterms:subject <%3$s> ;
                dcterms:creator <https://w3id.org/labourgraph/id/person/jonathan-durand-folco> .
            <%3$s> skos:altLabel "%2$s clicking"@en, "clic %2$s"@fr ;
                skos:related <%4$s> ;
                skos:scopeNote "A private remark: %2$s"@en .
            <%4$s> a skos:Concept ;
                lg:visibility lg:Private ;
                skos:inScheme <%5$sscheme> ;
                skos:broader <%3$s> ;
                skos:prefLabel "Aardvark %2$s work"@en, "Aardvark %2$s travail"@fr ;
                skos:definition "A private concept, listed under A if it ever leaked."@en .
            """.formatted(NOTE, SECRET, CLICK_WORK, PRIVATE_CONCEPT, CONCEPT);

    /** Markers only the private content holds (never sent in a request below but where the route says so). */
    static final String[] PRIVATE_TEXT = {SECRET, "Unpublished note on", "Note inédite", "private-fixture", "A private remark",
            "Aardvark"};

    static TestServer server;
    /** The same shipped files, no private store: what every public answer must equal. */
    static TestServer plain;

    static Graph fixture() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(FIXTURE, Lang.TURTLE).parse(g);
        return g;
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(store -> store.importPrivateGraphs(Map.of(GRAPH, fixture()), true), s -> s);
        plain = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        plain.close();
    }

    @Test
    void the_private_note_is_in_the_curators_store_and_the_curator_view_only() {
        assertTrue(server.store.privateQuadCount() >= fixture().size());
        var view = server.store.curatorView();
        boolean seen = org.apache.jena.system.Txn.calculateRead(view, () -> view.getDefaultGraph()
                .contains(org.apache.jena.graph.NodeFactory.createURI(NOTE), org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY));
        assertTrue(seen, "curators see it");
        assertFalse(org.apache.jena.system.Txn.calculateRead(server.store.dataset(), () -> server.store.dataset()
                .find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(NOTE), org.apache.jena.graph.Node.ANY,
                        org.apache.jena.graph.Node.ANY).hasNext()), "the public store does not hold it");
    }

    @ParameterizedTest(name = "SPARQL: {0}")
    @ValueSource(strings = {
            "SELECT * WHERE { <" + NOTE + "> ?p ?o }",
            "SELECT * FROM <" + GRAPH + "> WHERE { ?s ?p ?o }",
            "SELECT * FROM NAMED <" + GRAPH + "> WHERE { GRAPH ?g { ?s ?p ?o } }",
            "SELECT * WHERE { GRAPH ?g { <" + NOTE + "> ?p ?o } }",
            "SELECT * WHERE { GRAPH <urn:x-arq:UnionGraph> { <" + NOTE + "> ?p ?o } }",
            "SELECT * WHERE { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"" + SECRET + "\")) }",
            "SELECT * WHERE { ?work <http://purl.org/dc/terms/subject> <https://w3id.org/labourgraph/id/concept/content-moderation> FILTER(?work = <" + NOTE + ">) }"})
    void no_sparql_query_reaches_the_private_note(String query) throws Exception {
        HttpResponse<String> r = server.query(query, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, r.body().strip().split("\r?\n").length, "no rows: " + r.body());
    }

    @Test
    void counts_do_not_reveal_it_either() throws Exception {
        String count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
        HttpResponse<String> withPrivate = server.query(count, "text/csv");
        HttpResponse<String> without = plain.query(count, "text/csv");
        assertEquals(200, withPrivate.statusCode(), withPrivate.body());
        assertEquals(200, without.statusCode(), without.body());
        long expected = Long.parseLong(without.body().strip().split("\r?\n")[1]);
        assertTrue(expected > 0, "the public store holds the shipped data");
        assertEquals(expected, Long.parseLong(withPrivate.body().strip().split("\r?\n")[1]));
    }

    /** Every public route: path, Accept, a text a real answer holds, and how to read it (an RDF syntax, or text). */
    static Stream<Arguments> publicRoutes() {
        String extend = TestServer.enc("{\"ids\": [\"" + CLICK_WORK + "\", \"" + PRIVATE_CONCEPT + "\", \"" + NOTE + "\"],"
                + " \"properties\": [{\"id\": \"http://www.w3.org/2004/02/skos/core#altLabel\"},"
                + " {\"id\": \"http://www.w3.org/2004/02/skos/core#related\"}, {\"id\": \"http://www.w3.org/2004/02/skos/core#narrower\"}]}");
        String html = "text/html";
        Stream.Builder<Arguments> routes = Stream.builder();
        for (String lang : new String[] {"en", "fr"}) {
            routes.add(Arguments.of("?lang=" + lang, html, "/doc/concept/", "text"));
            routes.add(Arguments.of("index?lang=" + lang, html, "/doc/", "text"));
            routes.add(Arguments.of("index?lang=" + lang + "&letter=A", html, "</html>", "text"));
            routes.add(Arguments.of("hierarchy?lang=" + lang, html, "/doc/concept/content-moderation", "text"));
            routes.add(Arguments.of("map?lang=" + lang, html, "content-moderation", "text"));
            routes.add(Arguments.of("doc/concept/content-moderation?lang=" + lang, html, "/doc/concept/", "text"));
            routes.add(Arguments.of("doc/person/jonathan-durand-folco?lang=" + lang, html, "/doc/", "text"));
            routes.add(Arguments.of("search?q=moderation&lang=" + lang, html, "/doc/concept/content-moderation", "text"));
            routes.add(Arguments.of("history/concept/content-moderation?lang=" + lang, html, "</html>", "text"));
            routes.add(Arguments.of("dataset?lang=" + lang, html, "</html>", "text"));
        }
        routes.add(Arguments.of("doc/concept/content-moderation.ttl", "text/turtle", "content-moderation", "ttl"));
        routes.add(Arguments.of("doc/concept/content-moderation", "application/ld+json", "content-moderation", "jsonld"));
        routes.add(Arguments.of("doc/person/jonathan-durand-folco.nt", "application/n-triples", "jonathan-durand-folco", "nt"));
        routes.add(Arguments.of("history/concept/content-moderation", "application/json", "{", "text"));
        routes.add(Arguments.of("cite/work/ghost-work.bib", "*/*", "@", "text"));
        routes.add(Arguments.of("sparql?query=" + TestServer.enc("DESCRIBE <" + CLICK_WORK + ">"), "text/turtle", "content-moderation", "ttl"));
        routes.add(Arguments.of("sparql?query=" + TestServer.enc("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"), "application/n-triples",
                "content-moderation", "nt"));
        routes.add(Arguments.of("sparql?query=" + TestServer.enc("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"),
                "application/n-triples", "content-moderation", "nt"));
        routes.add(Arguments.of("data?graph=" + TestServer.enc("https://w3id.org/labourgraph/graph/concepts"), "text/turtle", "content-moderation", "ttl"));
        for (String ext : new String[] {"ttl", "nt", "nq", "trig", "jsonld", "rdf"}) {
            routes.add(Arguments.of("dumps/labourgraph." + ext, "*/*", "content-moderation", ext));
            routes.add(Arguments.of("dumps/labourgraph." + ext + ".gz", "*/*", "content-moderation", ext));
        }
        routes.add(Arguments.of("dumps/labourgraph.brf", "*/*", "content-moderation", "brf"));
        routes.add(Arguments.of("dumps/labourgraph.brf.gz", "*/*", "content-moderation", "brf"));
        routes.add(Arguments.of("dumps/labourgraph-skos.ttl", "*/*", "content-moderation", "ttl"));
        routes.add(Arguments.of("dumps/labourgraph-skos.ttl.gz", "*/*", "content-moderation", "ttl"));
        routes.add(Arguments.of(".well-known/void", "application/n-triples", "void#triples", "text"));
        routes.add(Arguments.of("sitemap.xml", "*/*", "/doc/concept/content-moderation", "text"));
        routes.add(Arguments.of("fragments?subject=" + TestServer.enc(CLICK_WORK), "application/n-quads", "content-moderation", "text"));
        routes.add(Arguments.of("fragments?object=" + TestServer.enc(CLICK_WORK), "application/n-quads", "content-moderation", "text"));
        routes.add(Arguments.of("fragments?predicate=" + TestServer.enc("http://www.w3.org/2004/02/skos/core#altLabel"),
                "application/n-quads", "altLabel", "text"));
        routes.add(Arguments.of("reconcile?queries=" + TestServer.enc("{\"q0\":{\"query\":\"content moderation\"},\"q1\":{\"query\":\"Aardvark "
                + SECRET + "\"}}"), "*/*", "content-moderation", "text"));
        routes.add(Arguments.of("reconcile/suggest/entity?prefix=A", "*/*", "\"result\"", "text"));
        routes.add(Arguments.of("reconcile/suggest/entity?prefix=moderat", "*/*", "content-moderation", "text"));
        routes.add(Arguments.of("reconcile/preview?id=" + TestServer.enc(CLICK_WORK), "*/*", "moderation", "text"));
        routes.add(Arguments.of("reconcile?extend=" + extend, "*/*", "content-moderation", "text"));
        routes.add(Arguments.of("api/search?q=moderation", "*/*", "content-moderation", "text"));
        routes.add(Arguments.of("api/search?q=aardvark", "*/*", "\"results\"", "text"));
        return routes.build();
    }

    @ParameterizedTest(name = "GET {0} ({1}) answers and shows nothing private")
    @MethodSource("publicRoutes")
    void no_public_route_shows_the_private_content(String path, String accept, String marker, String syntax) throws Exception {
        HttpResponse<byte[]> withPrivate = server.getBytes(path, "Accept", accept);
        HttpResponse<byte[]> without = plain.getBytes(path, "Accept", accept);
        assertEquals(200, withPrivate.statusCode(), path);
        assertEquals(200, without.statusCode(), path + " on the server without private data");
        byte[] bytes = path.contains(".gz") ? gunzip(withPrivate.body()) : withPrivate.body();
        byte[] plainBytes = path.contains(".gz") ? gunzip(without.body()) : without.body();
        if (!syntax.equals("brf")) {
            String body = new String(bytes, StandardCharsets.UTF_8);
            assertTrue(body.contains(marker), path + " should hold " + marker + ": " + body.substring(0, Math.min(400, body.length())));
            for (String text : PRIVATE_TEXT) {
                assertFalse(body.contains(text) && !path.contains(text), path + " reveals the private content: " + text);
            }
        }
        if (!syntax.equals("text")) {
            DatasetGraph read = parse(bytes, syntax);
            DatasetGraph expected = parse(plainBytes, syntax);
            assertFalse(read.isEmpty(), path + " holds data");
            assertTrue(IsoMatcher.isomorphic(expected, read), path + " differs from the same route on a server without private data");
        }
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return in.readAllBytes();
        }
    }

    static DatasetGraph parse(byte[] bytes, String syntax) {
        return org.labourgraph.export.ExportTestSupport.read(bytes, syntax);
    }

    @Test
    void search_finds_nothing_and_the_graph_store_knows_no_such_graph() throws Exception {
        HttpResponse<String> search = server.get("api/search?q=" + SECRET);
        assertEquals(200, search.statusCode());
        assertTrue(search.body().replaceAll("\\s", "").contains("\"results\":[]"), search.body());
        assertEquals(404, server.get("data?graph=" + TestServer.enc(GRAPH)).statusCode());
        assertEquals(404, server.get("doc/note/private-fixture-note").statusCode());
    }

    @Test
    void reconciliation_does_not_match_it() throws Exception {
        String queries = TestServer.enc("{\"q0\":{\"query\":\"Unpublished note on " + SECRET + "\"}}");
        HttpResponse<String> r = server.get("reconcile?queries=" + queries);
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("private-fixture"), r.body());
    }

    @Test
    void content_marked_private_is_refused_by_a_public_load() {
        try (LabourStore store = LabourStore.inMemory()) {
            StoreException e = assertThrows(StoreException.class, () -> store.importGraphs(Map.of(GRAPH, fixture()), true));
            assertTrue(e.getMessage().contains("--visibility private"), e.getMessage());
            assertEquals(0, store.quadCount());
        }
    }
}
