package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: the default graph of /sparql is the union of the named graphs, so a write without a graph would be
 * recorded and then seen nowhere. Such writes are refused with 400 naming the graphs to use; nothing is recorded.
 */
class DefaultGraphWritesTest {
    static final String ADA = AppHttp.basic("ada", "s3cret-pass");
    static final String CONCEPTS = "https://w3id.org/labourgraph/graph/concepts";
    static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";
    static final String NOTE = "http://www.w3.org/2004/02/skos/core#note";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> update(String sparql) throws Exception {
        return server.post("update", "application/sparql-update", sparql, "Authorization", ADA);
    }

    /** 200 and a JSON boolean (TestServer.ask): an ASK that errors fails instead of reading as false. */
    static boolean ask(String query) throws Exception {
        return server.ask(query);
    }

    static void assertRefusedAndNothingRecorded(HttpResponse<String> r, long headBefore) {
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(r.body().contains("default graph") && r.body().contains("<" + CONCEPTS + ">"),
                "the answer names the graphs to use: " + r.body());
        assertEquals(headBefore, server.store.history().head(), "no revision was recorded");
    }

    @Test
    void insert_data_without_a_graph_is_refused_naming_the_graphs_to_use() throws Exception {
        long head = server.store.history().head();
        assertRefusedAndNothingRecorded(update("INSERT DATA { <" + GHOST_WORK + "> <" + NOTE + "> \"lost\" }"), head);
        assertFalse(ask("ASK { ?s ?p \"lost\" }"));
        HttpResponse<String> named = update("INSERT DATA { GRAPH <" + CONCEPTS + "> { <" + GHOST_WORK + "> <" + NOTE + "> \"kept\"@en } }");
        assertEquals(204, named.statusCode(), named.body());
        assertTrue(ask("ASK { <" + GHOST_WORK + "> <" + NOTE + "> \"kept\"@en }"), "a named write is seen at once");
    }

    @Test
    void delete_where_without_a_graph_is_refused_instead_of_matching_nothing() throws Exception {
        long head = server.store.history().head();
        assertRefusedAndNothingRecorded(update("DELETE WHERE { <" + GHOST_WORK + "> <http://purl.org/dc/terms/source> ?o }"), head);
        assertRefusedAndNothingRecorded(update("DELETE { ?s <" + NOTE + "> ?o } WHERE { ?s <" + NOTE + "> ?o }"), head);
        assertRefusedAndNothingRecorded(update("CLEAR DEFAULT"), head);
    }

    @Test
    void with_names_the_graph_the_templates_write_while_where_reads_the_union() throws Exception {
        update("INSERT DATA { GRAPH <" + CONCEPTS + "> { <" + GHOST_WORK + "> <" + NOTE + "> \"draft\"@en } }");
        HttpResponse<String> r = update("WITH <" + CONCEPTS + "> DELETE { ?s <" + NOTE + "> \"draft\"@en } INSERT { ?s <" + NOTE
                + "> \"final\"@en } WHERE { ?s <" + NOTE + "> \"draft\"@en }");
        assertEquals(204, r.statusCode(), r.body());
        assertTrue(ask("ASK { <" + GHOST_WORK + "> <" + NOTE + "> \"final\"@en }"));
        assertFalse(ask("ASK { <" + GHOST_WORK + "> <" + NOTE + "> \"draft\"@en }"));
    }

    @Test
    void graph_store_writes_to_the_default_graph_are_refused_too() throws Exception {
        long head = server.store.history().head();
        String turtle = "<" + GHOST_WORK + "> <" + NOTE + "> \"via gsp\" .";
        for (String method : new String[] {"PUT", "POST"}) {
            HttpResponse<String> r = server.send(method, "data?default", "text/turtle", turtle, "Authorization", ADA);
            assertRefusedAndNothingRecorded(r, head);
        }
        HttpResponse<String> delete = server.send("DELETE", "data?default", null, null, "Authorization", ADA);
        assertRefusedAndNothingRecorded(delete, head);
        assertFalse(ask("ASK { ?s ?p \"via gsp\" }"));
        HttpResponse<String> named = server.send("POST", "data?graph=" + TestServer.enc(CONCEPTS), "text/turtle", turtle,
                "Authorization", ADA);
        assertTrue(named.statusCode() / 100 == 2, named.statusCode() + " " + named.body());
        assertTrue(ask("ASK { <" + GHOST_WORK + "> <" + NOTE + "> \"via gsp\" }"));
    }
}
