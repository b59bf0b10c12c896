package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.history.Revision;

/**
 * Issue 8: curators edit resources through the server; every change is checked, recorded and attributed.
 * Each test edits a server of its own (started afresh from the shipped files), so no test sees another's edits
 * and their order does not matter.
 */
class CurationTest {
    @TempDir
    static Path dir;
    static Path passwd;
    TestServer server;
    static final String ADA = TestServer.basic("ada", "s3cret-pass");
    /** A concept of the tree that these tests edit (micro-work is now a retired name of ghost work). */
    static final String LIVE_CONCEPT = "https://w3id.org/labourgraph/id/concept/content-moderation";
    static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";

    @BeforeAll
    static void curators() throws Exception {
        passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        Files.writeString(dir.resolve("curator-names.properties"), "ada = Ada Lovelace\n");
    }

    @BeforeEach
    void start() {
        server = TestServer.start(s -> s.withPasswordFile(passwd));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HttpResponse<String> send(String method, String path, String contentType, String body, String... headers) throws Exception {
        return server.send(method, path, contentType, body, headers);
    }

    /** 200 and the parsed JSON boolean: an ASK that errors fails the test instead of reading as false. */
    boolean ask(String query) throws Exception {
        return server.ask(query);
    }

    @Test
    void a_curator_edit_appears_on_the_page_and_in_sparql() throws Exception {
        HttpResponse<String> r = send("PATCH", "doc/concept/content-moderation", "application/sparql-update",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> INSERT DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> {"
                        + " <" + LIVE_CONCEPT + "> skos:altLabel \"micro-tâches\"@fr } }",
                "Authorization", ADA, "X-Change-Message", "Add the variant micro-t%C3%A2ches");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"revision\""), r.body());
        assertTrue(server.get("doc/concept/content-moderation?lang=fr", "Accept", "text/html").body().contains("micro-tâches"));
        assertTrue(ask("ASK { <" + LIVE_CONCEPT + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"micro-tâches\"@fr }"));
    }

    @Test
    void an_anonymous_edit_is_401_and_changes_nothing() throws Exception {
        HttpResponse<String> r = send("PUT", "doc/concept/ghost-work", "text/turtle",
                "<" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"anonymous\"@en .");
        assertEquals(401, r.statusCode());
        assertTrue(ask("ASK { <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"ghost work\"@en }"));
        assertFalse(ask("ASK { ?s ?p \"anonymous\"@en }"));
    }

    @Test
    void an_edit_that_violates_the_shapes_is_400_with_the_report_and_changes_nothing() throws Exception {
        long before = server.store.history().head();
        HttpResponse<String> r = send("PATCH", "doc/concept/ghost-work", "application/rdf-patch",
                "TX .\nD <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"ghost work\"@en .\nTC .\n",
                "Authorization", ADA);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"conforms\""), r.body());
        assertTrue(r.body().contains("prefLabel in English"), r.body());
        HttpResponse<String> text = send("PATCH", "doc/concept/ghost-work", "application/rdf-patch",
                "TX .\nD <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"ghost work\"@en .\nTC .\n",
                "Authorization", ADA, "Accept", "text/plain");
        assertEquals(400, text.statusCode());
        assertTrue(text.body().startsWith("The change was refused: 1 violation"), text.body());
        assertTrue(ask("ASK { <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"ghost work\"@en }"));
        assertEquals(before, server.store.history().head(), "no revision was recorded");
    }

    @Test
    void the_same_violation_through_sparql_update_is_refused_too() throws Exception {
        HttpResponse<String> r = server.post("update", "application/sparql-update",
                "DELETE DATA { GRAPH <https://w3id.org/labourgraph/graph/concepts> { <" + GHOST_WORK
                        + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"ghost work\"@en } }", "Authorization", ADA);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("prefLabel in English"), r.body());
        assertTrue(ask("ASK { <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#prefLabel> \"ghost work\"@en }"));
    }

    @Test
    void an_edit_answers_with_the_etag_a_fresh_read_sends_and_it_guards_the_next_edit() throws Exception {
        String clickWork = "https://w3id.org/labourgraph/id/concept/click-work";
        HttpResponse<String> edit = send("PATCH", "doc/concept/click-work", "application/rdf-patch",
                "TX .\nA <" + clickWork + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"clikwork\"@en .\nTC .\n",
                "Authorization", ADA);
        assertEquals(200, edit.statusCode(), edit.body());
        String answered = edit.headers().firstValue("ETag").orElseThrow();
        assertEquals(server.get("doc/concept/click-work", "Accept", "text/turtle").headers().firstValue("ETag").orElseThrow(),
                answered);
        HttpResponse<String> next = send("PATCH", "doc/concept/click-work", "application/rdf-patch",
                "TX .\nD <" + clickWork + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"clikwork\"@en .\nTC .\n",
                "Authorization", ADA, "If-Match", answered);
        assertEquals(200, next.statusCode(), next.body());
        assertFalse(ask("ASK { <" + clickWork + "> ?p \"clikwork\"@en }"));
    }

    @Test
    void a_stale_if_match_is_412_and_a_fresh_one_is_accepted() throws Exception {
        String clickWork = "https://w3id.org/labourgraph/id/concept/click-work";
        String etag = server.get("doc/concept/click-work", "Accept", "text/turtle").headers().firstValue("ETag").orElseThrow();
        String edit1 = "TX .\nA <" + clickWork + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"clik work\"@en .\nTC .\n";
        assertEquals(200, send("PATCH", "doc/concept/click-work", "application/rdf-patch", edit1,
                "Authorization", ADA, "If-Match", etag).statusCode());
        String edit2 = "TX .\nA <" + clickWork + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"klick work\"@en .\nTC .\n";
        HttpResponse<String> stale = send("PATCH", "doc/concept/click-work", "application/rdf-patch", edit2,
                "Authorization", ADA, "If-Match", etag);
        assertEquals(412, stale.statusCode(), stale.body());
        assertFalse(ask("ASK { <" + clickWork + "> ?p \"klick work\"@en }"));
        String fresh = server.get("doc/concept/click-work?lang=en", "Accept", "text/html").headers().firstValue("ETag").orElseThrow();
        assertEquals(200, send("PATCH", "doc/concept/click-work", "application/rdf-patch", edit2,
                "Authorization", ADA, "If-Match", fresh).statusCode());
    }

    @Test
    void a_put_with_a_stale_if_match_is_412_and_changes_nothing() throws Exception {
        String clickWork = "https://w3id.org/labourgraph/id/concept/click-work";
        String etag = server.get("doc/concept/click-work", "Accept", "text/turtle").headers().firstValue("ETag").orElseThrow();
        assertEquals(200, send("PATCH", "doc/concept/click-work", "application/rdf-patch",
                "TX .\nA <" + clickWork + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"clik work\"@en .\nTC .\n",
                "Authorization", ADA, "If-Match", etag).statusCode(), "an edit makes the ETag stale");
        long revision = server.store.history().head();
        String replacement = ownStatements(clickWork)
                + "<" + clickWork + "> <http://www.w3.org/2004/02/skos/core#note> \"put over a stale copy\"@en .\n";
        HttpResponse<String> stale = send("PUT", "doc/concept/click-work", "text/turtle", replacement,
                "Authorization", ADA, "If-Match", etag);
        assertEquals(412, stale.statusCode(), stale.body());
        assertEquals(revision, server.store.history().head(), "no revision was recorded");
        assertFalse(ask("ASK { ?s ?p \"put over a stale copy\"@en }"));
        String fresh = server.get("doc/concept/click-work", "Accept", "text/turtle").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> put = send("PUT", "doc/concept/click-work", "text/turtle", replacement, "Authorization", ADA, "If-Match", fresh);
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(ask("ASK { ?s ?p \"put over a stale copy\"@en }"));
    }

    @Test
    void a_patch_may_change_only_its_own_resource() throws Exception {
        HttpResponse<String> r = send("PATCH", "doc/concept/ghost-work", "application/sparql-update",
                "INSERT DATA { <" + LIVE_CONCEPT + "> <http://www.w3.org/2004/02/skos/core#note> \"elsewhere\" }", "Authorization", ADA);
        assertEquals(400, r.statusCode(), r.body());
        assertFalse(ask("ASK { ?s ?p \"elsewhere\" }"));
    }

    @Test
    void history_lists_the_change_with_its_author_message_and_diff() throws Exception {
        String tier = "https://w3id.org/labourgraph/id/concept/ghost-work";
        HttpResponse<String> r = send("PATCH", "doc/concept/ghost-work", "application/rdf-patch",
                "TX .\nA <" + tier + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"travail fantome\"@fr .\nTC .\n",
                "Authorization", ADA, "X-Change-Message", "Unaccented search form");
        assertEquals(200, r.statusCode(), r.body());
        List<Revision> about = server.store.history().about(tier);
        Revision last = about.get(about.size() - 1);
        assertEquals("ada", last.author());
        assertEquals("Unaccented search form", last.message());
        assertEquals(1, last.added().size());
        assertEquals(0, last.deleted().size());
        assertEquals("\"travail fantome\"@fr", last.added().get(0).getObject().toString());
    }

    @Test
    void sparql_update_is_recorded_and_the_entailments_follow_it() throws Exception {
        String probe = "https://w3id.org/labourgraph/id/concept/precarity";
        assertFalse(ask("ASK { <" + probe + "> <http://www.w3.org/2004/02/skos/core#related> <" + LIVE_CONCEPT + "> }"));
        HttpResponse<String> r = server.post("update", "application/sparql-update",
                "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> INSERT DATA { GRAPH <urn:test:g> { <" + LIVE_CONCEPT
                        + "> skos:related <" + probe + "> } }", "Authorization", ADA, "X-Change-Message", "related probe");
        assertEquals(2, r.statusCode() / 100, r.body());
        Revision last = server.store.history().revisions().get((int) server.store.history().head() - 1);
        assertEquals("related probe", last.message());
        assertEquals("ada", last.author());
        // skos:related is symmetric: the entailment graph now holds the reverse link.
        assertTrue(ask("ASK { <" + probe + "> <http://www.w3.org/2004/02/skos/core#related> <" + LIVE_CONCEPT + "> }"));
    }

    @Test
    void history_never_appears_in_public_sparql() throws Exception {
        assertEquals(200, send("PATCH", "doc/concept/content-moderation", "application/rdf-patch",
                "TX .\nA <" + LIVE_CONCEPT + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"microtasks\"@en .\nTC .\n",
                "Authorization", ADA, "X-Change-Message", "secret-message-42").statusCode(), "the edit is committed");
        assertFalse(ask("ASK { GRAPH ?g { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"secret-message-42\") || STR(?o) = \"ada\") } }"));
        assertFalse(ask("ASK { ?s ?p ?o FILTER(CONTAINS(STR(?o), \"secret-message-42\")) }"));
        HttpResponse<String> dump = server.get("dumps/labourgraph.nq");
        assertEquals(200, dump.statusCode());
        assertTrue(dump.body().contains("\"microtasks\"@en"), "the dump holds the edit");
        assertFalse(dump.body().contains("secret-message-42"));
        HttpResponse<String> search = server.get("api/search?q=secret-message-42");
        assertEquals(200, search.statusCode(), search.body());
        assertFalse(search.body().contains("https://w3id.org/labourgraph/id/"), "no search hit");
    }

    @Test
    void the_history_tab_shows_date_curator_display_name_message_and_diff() throws Exception {
        String altLabel = "travail des tâcherons";
        HttpResponse<String> r = send("PATCH", "doc/concept/content-moderation", "application/rdf-patch",
                "TX .\nA <" + LIVE_CONCEPT + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"" + altLabel + "\"@fr .\nTC .\n",
                "Authorization", ADA, "X-Change-Message", "Add a <b>variant</b>");
        assertEquals(200, r.statusCode(), r.body());
        HttpResponse<String> page = server.get("history/concept/content-moderation?lang=en", "Accept", "text/html");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("Ada Lovelace"), "the curator's display name");
        assertTrue(html.contains("Add a &lt;b&gt;variant&lt;/b&gt;"), "the message, escaped");
        assertTrue(html.contains("skos:altLabel") && html.contains(altLabel), "the diff line");
        assertTrue(server.get("doc/concept/content-moderation?lang=en", "Accept", "text/html").body().contains("href=\"/history/concept/content-moderation\""),
                "the resource page links its History tab");
        String json = server.get("history/concept/content-moderation", "Accept", "application/json").body();
        assertTrue(json.contains("\"curator\" : \"Ada Lovelace\""), json);
        assertFalse(json.contains("\"ada\""), "the login never reaches public pages");
    }

    @Test
    void the_resource_at_an_old_revision_equals_what_was_there_then() throws Exception {
        long before = server.store.history().head();
        String then = server.get("doc/concept/ghost-work.nt").body();
        assertEquals(200, send("PATCH", "doc/concept/ghost-work", "application/rdf-patch",
                "TX .\nA <" + GHOST_WORK + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"gost work\"@en .\nTC .\n",
                "Authorization", ADA).statusCode());
        assertFalse(server.get("doc/concept/ghost-work.nt").body().equals(then));
        HttpResponse<String> old = server.get("doc/concept/ghost-work.nt?rev=" + before);
        assertEquals(200, old.statusCode(), old.body());
        // The same statements; blank nodes (the mapping records' axioms) are relabelled at each rendering.
        assertTrue(ntriples(then).isIsomorphicWith(ntriples(old.body())), "then:\n" + then + "\nat the old revision:\n" + old.body());
        assertTrue(old.headers().firstValue("Memento-Datetime").isPresent());
        assertTrue(old.headers().firstValue("Link").orElse("").contains("rel=\"original latest-version\""));
        assertTrue(server.get("doc/concept/ghost-work.nt").headers().firstValue("Link").orElse("")
                .contains("</history/concept/ghost-work>; rel=\"version-history\""), "the current document links its history");
        HttpResponse<String> html = server.get("doc/concept/ghost-work?rev=" + before + "&lang=en", "Accept", "text/html");
        assertTrue(html.body().contains("You are reading revision " + before), "the page says which revision it shows");
        assertFalse(html.body().contains("gost work"));
        assertEquals(404, server.get("doc/concept/ghost-work?rev=999999").statusCode());
    }

    @Test
    void revert_restores_the_resource_and_is_itself_recorded() throws Exception {
        String before = server.get("doc/concept/click-work.nt").body();
        HttpResponse<String> edit = send("PUT", "doc/concept/click-work", "text/turtle", server.get("doc/concept/click-work.ttl").body()
                .isEmpty() ? "" : ownStatements("https://w3id.org/labourgraph/id/concept/click-work")
                + "<https://w3id.org/labourgraph/id/concept/click-work> <http://www.w3.org/2004/02/skos/core#note> \"to be reverted\"@en .\n",
                "Authorization", ADA);
        assertEquals(200, edit.statusCode(), edit.body());
        long revision = server.store.history().head();
        assertTrue(ask("ASK { ?s ?p \"to be reverted\"@en }"));
        assertEquals(401, server.post("history/revert?rev=" + revision, "text/plain", "").statusCode());
        HttpResponse<String> revert = server.post("history/revert?rev=" + revision, "text/plain", "", "Authorization", ADA);
        assertEquals(200, revert.statusCode(), revert.body());
        assertFalse(ask("ASK { ?s ?p \"to be reverted\"@en }"));
        assertEquals(before, server.get("doc/concept/click-work.nt").body());
        Revision last = server.store.history().revisions().get((int) server.store.history().head() - 1);
        assertTrue(last.message().startsWith("Revert revision " + revision), last.message());
        assertEquals("ada", last.author());
    }

    /** The resource's asserted statements as N-Triples, from SPARQL (its description without entailments or neighbours). */
    String ownStatements(String iri) throws Exception {
        return server.get("sparql?query=" + TestServer.enc("CONSTRUCT { <" + iri + "> ?p ?o } WHERE { GRAPH ?g { <" + iri
                + "> ?p ?o } FILTER(?g != <https://w3id.org/labourgraph/graph/entailments>) }"), "Accept", "application/n-triples").body();
    }

    @Test
    void curators_query_the_provenance_of_changes_in_prov_o_and_the_public_cannot() throws Exception {
        assertEquals(200, send("PATCH", "doc/concept/content-moderation", "application/rdf-patch",
                "TX .\nA <" + LIVE_CONCEPT + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"micro job\"@en .\nTC .\n",
                "Authorization", ADA, "X-Change-Message", "provenance probe").statusCode(), "the edit is committed");
        String query = "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX foaf: <http://xmlns.com/foaf/0.1/>"
                + " PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>"
                + " SELECT ?when WHERE { ?change a prov:Activity ; prov:endedAtTime ?when ; rdfs:comment \"provenance probe\" ;"
                + " prov:wasAssociatedWith [ foaf:accountName \"ada\" ] ; prov:generated ?state ."
                + " ?state prov:specializationOf <" + LIVE_CONCEPT + "> ; prov:wasRevisionOf ?before . ?change prov:used ?before }";
        assertEquals(401, server.get("history/sparql?query=" + TestServer.enc(query)).statusCode());
        HttpResponse<String> r = server.get("history/sparql?query=" + TestServer.enc(query), "Authorization", ADA);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"when\""), r.body());
        assertTrue(r.body().contains("dateTime"), r.body());
        assertFalse(ask("ASK { ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"urn:labourgraph:\") || STR(?o) = \"provenance probe\") }"),
                "no provenance of changes in public SPARQL");
    }

    @Test
    void graph_store_writes_are_recorded_with_their_author() throws Exception {
        HttpResponse<String> r = send("PUT", "data?graph=" + TestServer.enc("urn:test:gsp"), "text/turtle",
                "<urn:test:gsp-s> <urn:test:p> \"via the graph store\" .", "Authorization", ADA);
        assertEquals(2, r.statusCode() / 100, r.body());
        Revision last = server.store.history().revisions().get((int) server.store.history().head() - 1);
        assertEquals("ada", last.author());
        assertEquals("Graph Store PUT <urn:test:gsp>", last.message());
        assertEquals(1, last.added().size());
    }

    @Test
    void search_dumps_and_void_follow_a_committed_edit() throws Exception {
        String voidBefore = server.get(".well-known/void", "Accept", "application/n-triples").body();
        assertFalse(server.get("api/search?q=zorglubwork").body().contains(LIVE_CONCEPT));
        assertEquals(200, send("PATCH", "doc/concept/content-moderation", "application/rdf-patch",
                "TX .\nA <" + LIVE_CONCEPT + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"zorglubwork\"@en .\nTC .\n",
                "Authorization", ADA).statusCode());
        assertTrue(server.get("api/search?q=zorglubwork").body().contains(LIVE_CONCEPT), "the text index follows the commit");
        assertTrue(server.get("dumps/labourgraph.nt").body().contains("\"zorglubwork\"@en"), "the dump follows the commit");
        String voidAfter = server.get(".well-known/void", "Accept", "application/n-triples").body();
        assertFalse(triplesCounts(voidBefore).equals(triplesCounts(voidAfter)), "void:triples follows the commit");
    }

    static org.apache.jena.graph.Graph ntriples(String text) {
        org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.riot.RDFParser.fromString(text, org.apache.jena.riot.Lang.NTRIPLES).parse(g);
        return g;
    }

    static java.util.List<String> triplesCounts(String ntriples) {
        return ntriples.lines().filter(l -> l.contains("<http://rdfs.org/ns/void#triples>")).sorted().toList();
    }
}
