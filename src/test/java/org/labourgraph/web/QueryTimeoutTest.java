package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.render.Ui;

/**
 * Issue 21: a query stopped by the server's time limit is a 503 — the site's own page for browsers, short JSON or
 * text for others, counted as a timeout and a 5xx — never a 500 and never Jetty's or Fuseki's page. The server runs
 * with a limit of 1 ms and one concept carries 20,000 extra labels, so its page's queries and a cartesian SPARQL
 * query cannot finish in time.
 */
class QueryTimeoutTest {
    static final String SCRAPER = AppHttp.basic("prom", "scrape-pass");
    static final String HEAVY = "doc/concept/micro-work";
    static final String CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "prom: scrape-pass, metrics\n");
        Graph labels = GraphFactory.createDefaultGraph();
        var concept = NodeFactory.createURI("https://w3id.org/labourgraph/id/concept/micro-work");
        var alt = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel");
        for (int i = 0; i < 20_000; i++) {
            labels.add(concept, alt, NodeFactory.createLiteralLang("micro-work variant " + i, "en"));
        }
        server = TestServer.start(store -> store.importGraphs(Map.of("https://w3id.org/labourgraph/graph/heavy", labels), false),
                s -> s.withPasswordFile(passwd).withQueryTimeout(Duration.ofMillis(1)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String scrape() throws Exception {
        HttpResponse<String> r = server.get("$/metrics", "Authorization", SCRAPER);
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    @Test
    void a_page_whose_query_runs_out_of_time_is_the_sites_503_page_in_the_readers_language() throws Exception {
        HttpResponse<String> r = server.get(HEAVY, "Accept", ErrorPagesTest.BROWSER, "Accept-Language", "fr");
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("text/html", AppHttp.mediaTypeOf(r));
        assertTrue(r.body().contains("<html lang=\"fr\"") && r.body().contains("href=\"/static/site.css\""), r.body());
        assertTrue(r.body().contains(Ui.of("fr").t("error.status.503")), r.body());
        assertTrue(r.body().contains(Ui.of("fr").t("error.timedOut")), "says the query was stopped: " + r.body());
        ErrorPagesTest.assertNoProductNames(r);
    }

    @Test
    void other_clients_get_a_short_json_or_text_503() throws Exception {
        HttpResponse<String> json = server.get(HEAVY, "Accept", "application/ld+json");
        assertEquals(503, json.statusCode(), json.body());
        assertEquals("application/json", AppHttp.mediaTypeOf(json), json.body());
        JsonObject error = JSON.parse(json.body()).get("error").getAsObject();
        assertEquals(503, error.get("status").getAsNumber().value().intValue());
        assertEquals(Ui.of("en").t("error.timedOut"), error.get("message").getAsString().value());
        ErrorPagesTest.assertNoProductNames(json);
        HttpResponse<String> text = server.get(HEAVY, "Accept", "text/turtle");
        assertEquals(503, text.statusCode(), text.body());
        assertEquals("text/plain", AppHttp.mediaTypeOf(text), text.body());
        assertTrue(text.body().startsWith(Ui.of("en").t("error.timedOut") + "\n"), text.body());
        ErrorPagesTest.assertNoProductNames(text);
    }

    @Test
    void a_sparql_query_that_runs_out_of_time_is_the_sites_503_with_the_limit_named() throws Exception {
        HttpResponse<String> page = server.get("sparql?query=" + TestServer.enc(CARTESIAN), "Accept", ErrorPagesTest.BROWSER);
        assertEquals(503, page.statusCode(), page.body());
        assertEquals("text/html", AppHttp.mediaTypeOf(page));
        assertTrue(page.body().contains(Ui.of("en").t("error.status.503.help")), page.body());
        ErrorPagesTest.assertNoProductNames(page);
        HttpResponse<String> text = server.query(CARTESIAN, "text/csv");
        assertEquals(503, text.statusCode(), text.body());
        assertEquals("text/plain", AppHttp.mediaTypeOf(text));
        assertTrue(text.body().startsWith("The query ran past the time limit (at most 1 ms on this server)"), text.body());
        assertFalse(text.body().contains("<html"), text.body());
        ErrorPagesTest.assertNoProductNames(text);
    }

    @Test
    void a_page_query_stopped_by_the_limit_is_counted_as_a_timeout_and_a_5xx() throws Exception {
        Map<String, String> timeouts = Map.of("route", "/doc/*");
        Map<String, String> failed = Map.of("route", "/doc/*", "status", "5xx");
        String before = scrape();
        assertEquals(503, server.get(HEAVY, "Accept", "text/html").statusCode());
        String after = scrape();
        assertEquals(1, MetricsTest.value(after, "labourgraph_query_timeouts_total", timeouts)
                - MetricsTest.value(before, "labourgraph_query_timeouts_total", timeouts));
        assertEquals(1, MetricsTest.value(after, "labourgraph_http_requests_seconds_count", failed)
                - MetricsTest.value(before, "labourgraph_http_requests_seconds_count", failed));
    }
}
