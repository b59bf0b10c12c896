package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /$/metrics (Fuseki's Prometheus module plus labourgraph's meters): behind a login with role admin or metrics, and a
 * request moves the counters it should, read before and after from the scrape.
 */
class MetricsTest {
    static final String SCRAPER = AppHttp.basic("prom", "scrape-pass");
    static final String CURATOR = AppHttp.basic("ada", "s3cret-pass");
    static final int ROW_CAP = 3;
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\nprom: scrape-pass, metrics\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd).withResultRowCap(ROW_CAP).withQueryTimeout(java.time.Duration.ofSeconds(3)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The scrape as Prometheus reads it: one value per sample line. */
    static String scrape() throws Exception {
        HttpResponse<String> r = server.get("$/metrics", "Authorization", SCRAPER);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        return r.body();
    }

    /** The value of the sample {@code name} whose labels include every one of {@code labels}; 0 when there is none yet. */
    static double value(String scrape, String name, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([-+0-9.eE]+|NaN)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        double found = 0;
        int matches = 0;
        while (m.find()) {
            String set = m.group(1) == null ? "" : m.group(1);
            if (labels.entrySet().stream().allMatch(e -> set.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                found = Double.parseDouble(m.group(2));
                matches++;
            }
        }
        assertTrue(matches <= 1, "one sample of " + name + " " + labels);
        return found;
    }

    @Test
    void metrics_need_a_login_with_role_metrics_or_admin() throws Exception {
        assertEquals(401, server.get("$/metrics").statusCode());
        assertEquals(403, server.get("$/metrics", "Authorization", CURATOR).statusCode());
        assertEquals(200, server.get("$/metrics", "Authorization", SCRAPER).statusCode());
    }

    @Test
    void a_page_served_then_served_again_moves_requests_latency_cache_and_query_counters() throws Exception {
        Map<String, String> hierarchy = Map.of("route", "/hierarchy", "method", "GET", "status", "2xx");
        String before = scrape();
        HttpResponse<String> first = server.get("hierarchy?lang=en&metrics-test=1");
        HttpResponse<String> second = server.get("hierarchy?lang=en&metrics-test=1");
        assertEquals("miss", first.headers().firstValue("X-Labourgraph-Cache").orElseThrow());
        assertEquals("hit", second.headers().firstValue("X-Labourgraph-Cache").orElseThrow());
        int queries = Integer.parseInt(first.headers().firstValue("X-Labourgraph-Queries").orElseThrow());
        assertTrue(queries > 0);
        String after = scrape();

        assertEquals(2, value(after, "labourgraph_http_requests_seconds_count", hierarchy)
                - value(before, "labourgraph_http_requests_seconds_count", hierarchy));
        assertTrue(value(after, "labourgraph_http_requests_seconds_sum", hierarchy)
                > value(before, "labourgraph_http_requests_seconds_sum", hierarchy), "latency added up");
        assertEquals(1, value(after, "labourgraph_page_cache_total", Map.of("result", "miss"))
                - value(before, "labourgraph_page_cache_total", Map.of("result", "miss")));
        assertEquals(1, value(after, "labourgraph_page_cache_total", Map.of("result", "hit"))
                - value(before, "labourgraph_page_cache_total", Map.of("result", "hit")));
        Map<String, String> pageRoute = Map.of("route", "/hierarchy");
        assertEquals(2, value(after, "labourgraph_page_queries_count", pageRoute) - value(before, "labourgraph_page_queries_count", pageRoute));
        assertEquals(queries, value(after, "labourgraph_page_queries_sum", pageRoute) - value(before, "labourgraph_page_queries_sum", pageRoute),
                "the miss cost its queries, the hit none");
    }

    @Test
    void an_unknown_document_counts_as_a_4xx_of_its_route() throws Exception {
        Map<String, String> notFound = Map.of("route", "/doc/*", "status", "4xx");
        String before = scrape();
        assertEquals(404, server.get("doc/concept/no-such-concept-here").statusCode());
        assertEquals(1, value(scrape(), "labourgraph_http_requests_seconds_count", notFound)
                - value(before, "labourgraph_http_requests_seconds_count", notFound));
    }

    @Test
    void a_select_cut_at_the_row_cap_is_counted_and_sparql_is_its_own_route() throws Exception {
        Map<String, String> sparql = Map.of("route", "/sparql", "status", "2xx");
        String before = scrape();
        HttpResponse<String> r = server.query("SELECT * WHERE { ?s ?p ?o } LIMIT 50", "application/sparql-results+json");
        assertEquals("true", r.headers().firstValue("X-Result-Truncated").orElseThrow());
        String after = scrape();
        assertEquals(1, value(after, "labourgraph_sparql_truncated_total", Map.of())
                - value(before, "labourgraph_sparql_truncated_total", Map.of()));
        assertEquals(1, value(after, "labourgraph_http_requests_seconds_count", sparql)
                - value(before, "labourgraph_http_requests_seconds_count", sparql));
    }

    @Test
    void a_sparql_query_stopped_by_its_time_limit_is_counted_as_a_timeout_and_a_5xx() throws Exception {
        Map<String, String> timeouts = Map.of("route", "/sparql");
        Map<String, String> failed = Map.of("route", "/sparql", "status", "5xx");
        String cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        String before = scrape();
        HttpResponse<String> r = server.get("sparql?query=" + TestServer.enc(cartesian), "Accept", "text/csv");
        assertEquals(503, r.statusCode(), r.body());
        String after = scrape();
        assertEquals(1, value(after, "labourgraph_query_timeouts_total", timeouts) - value(before, "labourgraph_query_timeouts_total", timeouts));
        Map<String, String> fuseki = Map.of("dataset", "/", "endpoint", "sparql");
        assertEquals(1, value(after, "fuseki_requests_bad", fuseki) - value(before, "fuseki_requests_bad", fuseki),
                "Fuseki's own endpoint counters are in the same scrape");
        assertEquals(1, value(after, "labourgraph_http_requests_seconds_count", failed)
                - value(before, "labourgraph_http_requests_seconds_count", failed));
    }

    @Test
    void the_store_and_the_jvm_are_described() throws Exception {
        String s = scrape();
        assertEquals(server.store.quadCount(), value(s, "labourgraph_store_quads", Map.of()));
        assertEquals(server.store.history().head(), value(s, "labourgraph_store_revision", Map.of()));
        assertTrue(value(s, "jvm_threads_live_threads", Map.of()) > 0, "JVM threads, from Fuseki's module");
        assertTrue(s.contains("\njvm_memory_used_bytes{"), "JVM memory, from Fuseki's module");
    }
}
