package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.store.LabourStore;
import org.labourgraph.store.StoreException;
import org.labourgraph.web.TestServer;

/**
 * Private notes (issue 6, visibility): loaded into the curators' store, they never show through any public
 * channel — SPARQL (FROM, FROM NAMED, GRAPH ?g, the union graph), the Graph Store Protocol, pages, search,
 * dumps, the dataset description, the sitemap, reconciliation, fragments.
 */
class PrivateNotesTest {
    static final String NOTE = "https://w3id.org/labourgraph/id/note/private-fixture-note";
    static final String GRAPH = "https://w3id.org/labourgraph/graph/import/private-fixture";
    static final String SECRET = "Zorblatt";
    static final String FIXTURE = """
            @prefix lg: <https://w3id.org/labourgraph/ontology#> .
            @prefix dcterms: <http://purl.org/dc/terms/> .
            @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
            <%s> a lg:Note ;
                lg:visibility lg:Private ;
                dcterms:title "Unpublished note on %s and click work"@en ;
                rdfs:label "Note inédite sur %s"@fr, "Unpublished note on %s"@en ;
                dcterms:subject <https://w3id.org/labourgraph/id/concept/click-work> ;
                dcterms:creator <https://w3id.org/labourgraph/id/person/jonathan-durand-folco> .
            """.formatted(NOTE, SECRET, SECRET, SECRET);

    static TestServer server;
    static long publicQuads;

    static Graph fixture() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(FIXTURE, Lang.TURTLE).parse(g);
        return g;
    }

    @BeforeAll
    static void start() {
        server = TestServer.start(store -> store.importPrivateGraphs(Map.of(GRAPH, fixture()), true), s -> s);
        publicQuads = server.store.quadCount();
    }

    @AfterAll
    static void stop() {
        server.close();
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
            "SELECT * WHERE { ?work <http://purl.org/dc/terms/subject> <https://w3id.org/labourgraph/id/concept/click-work> FILTER(?work = <" + NOTE + ">) }"})
    void no_sparql_query_reaches_the_private_note(String query) throws Exception {
        HttpResponse<String> r = server.query(query, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(1, r.body().strip().split("\r?\n").length, "no rows: " + r.body());
    }

    @Test
    void counts_do_not_reveal_it_either() throws Exception {
        String csv = server.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "text/csv").body();
        assertEquals(Long.toString(publicQuads), csv.strip().split("\r?\n")[1]);
    }

    /** Text that only the private note holds: never in a request, so never echoed back. */
    static final String[] PRIVATE_TEXT = {"Unpublished note on", "Note inédite"};

    @ParameterizedTest(name = "GET {0} shows nothing of it")
    @ValueSource(strings = {"data?graph=GRAPH", "doc/note/private-fixture-note", "doc/note/private-fixture-note.ttl",
            "api/search?q=SECRET", "search?q=SECRET", "dumps/labourgraph.nq", "dumps/labourgraph.ttl", "dumps/labourgraph-skos.ttl",
            ".well-known/void", "sitemap.xml", "index", "hierarchy", "doc/concept/click-work", "doc/person/jonathan-durand-folco",
            "fragments?subject=NOTE", "fragments?object=NOTE"})
    void no_public_channel_shows_it(String path) throws Exception {
        String p = path.replace("GRAPH", TestServer.enc(GRAPH)).replace("NOTE", TestServer.enc(NOTE)).replace("SECRET", SECRET);
        HttpResponse<String> r = server.get(p, "Accept", "text/turtle, text/html;q=0.9, */*;q=0.1");
        for (String text : PRIVATE_TEXT) {
            assertFalse(r.body().contains(text), p + " reveals the private note's text");
        }
        if (!path.contains("NOTE") && !path.contains("GRAPH") && !path.contains("private-fixture")) {
            assertFalse(r.body().contains("private-fixture"), p + " reveals the private IRI");
        }
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
