package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.TestServer;

/**
 * Issue 6: curators authenticated with the server's accounts see private notes — on pages under
 * /curator/doc/, in SPARQL at /curator/sparql — and put them in through /curator/private while the server
 * runs; nobody else reaches any of it, and the public paths stay as they were.
 */
class CuratorAreaTest {
    static final String ADA = TestServer.basic("ada", "s3cret-pass");
    static final String RITA = TestServer.basic("rita", "reader-pass");
    static final String NOTE_PATH = "note/private-fixture-note";
    static final String SECOND_NOTE = "https://w3id.org/labourgraph/id/note/second-private-note";

    @TempDir
    static Path dir;
    static TestServer server;
    static long publicQuads;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\nrita: reader-pass, reader\n");
        server = TestServer.start(store -> store.importPrivateGraphs(Map.of(PrivateNotesTest.GRAPH, PrivateNotesTest.fixture()), true),
                s -> s.withPasswordFile(passwd));
        publicQuads = server.store.quadCount();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> curatorQuery(String sparql, String... auth) throws Exception {
        String[] headers = auth.length == 0 ? new String[] {"Accept", "text/csv"} : new String[] {"Accept", "text/csv", "Authorization", auth[0]};
        return server.get("curator/sparql?query=" + TestServer.enc(sparql), headers);
    }

    private static HttpResponse<String> send(String method, String path, String type, String body, String auth) throws Exception {
        return auth == null ? server.send(method, path, type, body) : server.send(method, path, type, body, "Authorization", auth);
    }

    private static int rows(HttpResponse<String> csv) {
        return csv.body().strip().split("\r?\n").length - 1;
    }

    @Test
    void the_curator_area_asks_for_a_login_and_refuses_other_roles() throws Exception {
        String q = "SELECT * WHERE { <" + PrivateNotesTest.NOTE + "> ?p ?o }";
        assertEquals(401, curatorQuery(q).statusCode());
        assertEquals(403, curatorQuery(q, RITA).statusCode());
        assertEquals(401, server.get("curator/doc/" + NOTE_PATH).statusCode());
        assertEquals(403, server.get("curator/doc/" + NOTE_PATH, "Authorization", RITA).statusCode());
        assertEquals(401, send("POST", "curator/private?graph=urn:x:g", "text/turtle", "<urn:x:a> <urn:x:b> <urn:x:c> .", null).statusCode());
    }

    @Test
    void curators_query_the_private_and_the_public_data_together() throws Exception {
        HttpResponse<String> note = curatorQuery("SELECT ?label WHERE { <" + PrivateNotesTest.NOTE + "> <http://purl.org/dc/terms/subject> ?c ."
                + " ?c <http://www.w3.org/2004/02/skos/core#prefLabel> ?label FILTER(lang(?label) = \"en\") }", ADA);
        assertEquals(200, note.statusCode(), note.body());
        assertEquals(1, rows(note), "the private note joins the public concept's label: " + note.body());
        assertTrue(note.body().contains("moderation"), note.body());
        String concepts = "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c a <http://www.w3.org/2004/02/skos/core#Concept> }";
        long publicConcepts = Long.parseLong(server.query(concepts, "text/csv").body().lines().skip(1).findFirst().orElseThrow().trim());
        long curatorConcepts = Long.parseLong(curatorQuery(concepts, ADA).body().lines().skip(1).findFirst().orElseThrow().trim());
        assertEquals(publicConcepts + 1, curatorConcepts, "the public data is all there, and the one private concept (Aardvark…)");
        HttpResponse<String> graphs = curatorQuery("SELECT DISTINCT ?g WHERE { GRAPH ?g { <" + PrivateNotesTest.NOTE + "> ?p ?o } }", ADA);
        assertTrue(graphs.body().contains(PrivateNotesTest.GRAPH), graphs.body());
    }

    @Test
    void the_curators_endpoint_keeps_the_public_endpoints_rules() throws Exception {
        HttpResponse<String> service = curatorQuery("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", ADA);
        assertEquals(400, service.statusCode(), service.body());
        HttpResponse<String> update = send("POST", "curator/sparql", "application/sparql-update", "DROP ALL", ADA);
        assertTrue(update.statusCode() >= 400 && update.statusCode() < 500, "no update on the curators' view: " + update.statusCode());
        assertEquals(publicQuads, server.store.quadCount());
    }

    @Test
    void curators_see_the_private_note_on_its_page_with_links_kept_in_their_area() throws Exception {
        HttpResponse<String> page = server.get("curator/doc/" + NOTE_PATH, "Authorization", ADA, "Accept", "text/html");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(PrivateNotesTest.SECRET), "the private title shows");
        assertTrue(page.body().contains("id=\"curator-banner\""), "the page says it is the curators' view");
        assertTrue(page.body().contains("href=\"/curator/doc/concept/content-moderation\""), "links stay in the curators' area");
        HttpResponse<String> turtle = server.get("curator/doc/" + NOTE_PATH + ".ttl", "Authorization", ADA);
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.body().contains(PrivateNotesTest.SECRET));
        HttpResponse<String> concept = server.get("curator/doc/concept/content-moderation", "Authorization", ADA, "Accept", "text/html");
        assertTrue(concept.body().contains("/curator/doc/" + NOTE_PATH), "the public concept shows the private note that cites it");
    }

    @Test
    void the_public_pages_stay_without_the_private_note() throws Exception {
        assertEquals(404, server.get("doc/" + NOTE_PATH, "Accept", "text/html").statusCode());
        assertEquals(404, server.get("doc/" + NOTE_PATH, "Accept", "text/html", "Authorization", ADA).statusCode(),
                "credentials do not turn a public page into a curator's one");
        assertFalse(server.get("doc/concept/click-work", "Accept", "text/html").body().contains(PrivateNotesTest.SECRET));
    }

    @Test
    void curators_import_private_notes_while_the_server_runs_and_the_public_data_does_not_change() throws Exception {
        String graph = "https://w3id.org/labourgraph/graph/private/second";
        String turtle = "<" + SECOND_NOTE + "> a <https://w3id.org/labourgraph/ontology#Note> ;"
                + " <http://www.w3.org/2000/01/rdf-schema#label> \"Second private note, Quuxplat\"@en .";
        HttpResponse<String> added = send("POST", "curator/private?graph=" + TestServer.enc(graph), "text/turtle", turtle, ADA);
        assertEquals(200, added.statusCode(), added.body());
        assertTrue(added.body().contains("\"triples\" : 2"), added.body());
        assertEquals(1, rows(curatorQuery("SELECT ?t WHERE { <" + SECOND_NOTE + "> a ?t FILTER(?t = <https://w3id.org/labourgraph/ontology#Note>) }", ADA)));
        assertEquals(0, rows(server.query("SELECT * WHERE { <" + SECOND_NOTE + "> ?p ?o }", "text/csv")), "never public");
        assertEquals(publicQuads, server.store.quadCount());
        HttpResponse<String> search = server.get("api/search?q=Quuxplat");
        assertEquals(200, search.statusCode());
        assertFalse(search.body().contains("second-private-note"), "never in search: " + search.body());

        String trig = "<" + graph + "> { <" + SECOND_NOTE + "> <http://www.w3.org/2000/01/rdf-schema#label> \"Replaced\"@en . }";
        HttpResponse<String> replaced = send("PUT", "curator/private", "application/trig", trig, ADA);
        assertEquals(200, replaced.statusCode(), replaced.body());
        HttpResponse<String> now = curatorQuery("SELECT ?l WHERE { <" + SECOND_NOTE + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l }", ADA);
        assertEquals(1, rows(now), now.body());
        assertTrue(now.body().contains("Replaced"));
    }

    @Test
    void a_malformed_private_import_says_where_and_imports_nothing() throws Exception {
        long before = server.store.privateQuadCount();
        String broken = "<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n<https://example.org/a> <https://example.org/b> \"unterminated .\n";
        HttpResponse<String> r = send("POST", "curator/private?graph=urn:x:g", "text/turtle", broken, ADA);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().matches("(?s).*request body:\\d+:\\d+: .*"), "line and column: " + r.body());
        assertEquals(before, server.store.privateQuadCount());
        HttpResponse<String> noGraph = send("POST", "curator/private", "text/turtle", "<urn:x:a> <urn:x:b> <urn:x:c> .", ADA);
        assertEquals(400, noGraph.statusCode());
        assertTrue(noGraph.body().contains("?graph=IRI"), noGraph.body());
        assertEquals(before, server.store.privateQuadCount());
    }

    @Test
    void a_browser_form_can_never_post_private_content() throws Exception {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
            HttpResponse<String> r = send("POST", "curator/private?graph=urn:x:g", type, "<urn:x:a> <urn:x:b> <urn:x:c> .", ADA);
            assertEquals(415, r.statusCode(), type);
            assertEquals("close", r.headers().firstValue("Connection").orElse(""),
                    "a body refused unread closes the connection, and says so: " + type);
        }
    }
}
