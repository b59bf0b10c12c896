package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Without --passwd the server is read-only: update is refused with the way to enable it; GSP writes are not allowed. */
class WritesOffByDefaultTest extends ServerTest {

    @Test
    void update_is_refused_and_says_how_to_enable_writes() throws Exception {
        HttpResponse<String> r = server.post("update", "application/sparql-update", "DROP ALL");
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("--passwd"));
        assertTrue(server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"));
    }

    @Test
    void graph_store_writes_are_not_allowed() throws Exception {
        HttpResponse<String> r = server.post("data?default", "text/turtle", "<urn:a> <urn:b> <urn:c> .");
        assertEquals(405, r.statusCode());
        assertTrue(server.query("ASK { <urn:a> ?p ?o }", "application/sparql-results+json").body().contains("false"));
    }
}
