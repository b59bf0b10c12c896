package org.labourgraph.web;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labourgraph.web.endpoint.CappedQueryProcessor;
import org.labourgraph.web.site.Responses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's limits: row cap (signalled), query timeout (a ceiling for clients), request body size. */
class EndpointLimitsTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(s -> s.withResultRowCap(5).withQueryTimeout(Duration.ofMillis(1500)).withMaxRequestBytes(4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void results_past_the_row_cap_are_cut_and_say_so() throws Exception {
        HttpResponse<String> r = server.query("SELECT * WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(200, r.statusCode());
        assertEquals("true", r.headers().firstValue(Responses.TRUNCATED_HEADER).orElse(""));
        assertEquals("5", r.headers().firstValue(Responses.ROW_LIMIT_HEADER).orElse(""));
        assertEquals(1 + 5, r.body().strip().split("\r?\n").length, r.body());
    }

    @Test
    void a_describe_past_the_cap_is_cut_and_says_so() throws Exception {
        // Every concept's description at once: far more than 5 triples (a hub concept's alone ran a server out of heap).
        HttpResponse<String> r = server.query("DESCRIBE ?c WHERE { ?c a <http://www.w3.org/2004/02/skos/core#Concept> }",
                "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("true", r.headers().firstValue(Responses.TRUNCATED_HEADER).orElse(""));
        assertEquals("5", r.headers().firstValue(Responses.ROW_LIMIT_HEADER).orElse(""));
        assertEquals(5, r.body().strip().split("\r?\n").length, r.body());
    }

    @Test
    void a_describe_within_the_cap_is_whole_and_not_marked_cut() throws Exception {
        HttpResponse<String> r = server.query("DESCRIBE <https://w3id.org/labourgraph/id/nothing-here>", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue(Responses.TRUNCATED_HEADER).isEmpty());
        assertEquals("5", r.headers().firstValue(Responses.ROW_LIMIT_HEADER).orElse(""));
    }

    @Test
    void a_construct_past_the_cap_is_cut_and_says_so() throws Exception {
        HttpResponse<String> r = server.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("true", r.headers().firstValue(Responses.TRUNCATED_HEADER).orElse(""));
        assertEquals(5, r.body().strip().split("\r?\n").length, r.body());
    }

    @Test
    void a_runaway_query_is_cut_at_the_server_timeout_even_if_the_client_asks_for_more() throws Exception {
        String cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        // The client asks for 600 s; the HTTP client gives up after 30 s, so only the server's 1.5 s cut can answer.
        HttpResponse<String> r = server.get("sparql?timeout=600&query=" + TestServer.enc(cartesian), "Accept", "text/csv");
        assertEquals(503, r.statusCode(), r.body());
        // The endpoint keeps answering afterwards.
        assertEquals(200, server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
    }

    @Test
    void a_request_body_over_the_limit_is_a_413_before_parsing() throws Exception {
        String big = "SELECT * WHERE { ?s ?p \"" + "x".repeat(8000) + "\" }";
        HttpResponse<String> r = server.post("sparql", "application/sparql-query", big);
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("at most 4096 bytes"));
    }
}
