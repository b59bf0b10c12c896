package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.labourgraph.web.CountingQueryEngine;
import org.labourgraph.web.TestServer;

/** The abuse cases of the public, read-only endpoint (issue 6: cases 1, 3, 7, 9, 19). */
class EndpointAbuseTest {
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(s -> s.withQueryTimeout(Duration.ofSeconds(2)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void service_to_a_local_address_is_refused_and_nothing_connects() throws Exception {
        try (ConnectionCounter listener = new ConnectionCounter()) {
            HttpResponse<String> r = server.query("SELECT * WHERE { SERVICE <" + listener.url("/sparql") + "> { ?s ?p ?o } }", "text/csv");
            HttpResponse<String> nested = server.query("SELECT * WHERE { { SELECT * WHERE { SERVICE SILENT <" + listener.url("/x")
                    + "> { ?s ?p ?o } } } }", "text/csv");
            assertEquals(400, r.statusCode());
            assertEquals(400, nested.statusCode());
            assertEquals(0, listener.connections(), "the server must make no outbound connection");
        }
    }

    @Test
    void extension_functions_named_by_java_class_never_run() throws Exception {
        CountingFunction.CALLS.set(0);
        HttpResponse<String> r = server.query("SELECT ?x WHERE { BIND(<java:" + CountingFunction.class.getName() + ">(1) AS ?x) }", "text/csv");
        HttpResponse<String> js = server.query("SELECT ?x WHERE { BIND(<http://jena.apache.org/ARQ/jsFunction#run>('1') AS ?x) }", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("x", r.body().strip(), "unknown function: no value bound");
        assertEquals(400, js.statusCode(), js.body());
        assertTrue(js.body().contains("Scripting not enabled"), js.body());
        assertEquals(0, CountingFunction.CALLS.get());
    }

    @ParameterizedTest(name = "anonymous {0} is refused and changes nothing")
    @ValueSource(strings = {"POST /update", "PUT /data?default", "POST /data?default", "DELETE /data?default"})
    void anonymous_writes_are_refused(String call) throws Exception {
        String[] parts = call.split(" ");
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(parts[1].substring(1)));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(parts[0].equals("POST") && parts[1].equals("/update")
                ? "DROP ALL" : "<urn:example:a> <urn:example:b> <urn:example:c> .");
        b = switch (parts[0]) {
            case "PUT" -> b.PUT(body).header("Content-Type", "text/turtle");
            case "DELETE" -> b.DELETE();
            default -> b.POST(body).header("Content-Type", parts[1].equals("/update") ? "application/sparql-update" : "text/turtle");
        };
        int status = server.http.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        assertTrue(status == 401 || status == 403 || status == 405, call + " gave " + status);
        assertTrue(server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"), "data intact");
    }

    @ParameterizedTest(name = "admin path {0} does not exist")
    @ValueSource(strings = {"$/datasets", "$/server", "$/compact/", "$/backup/", "$/stats", "$/tasks", "$/metrics", "$/reload"})
    void admin_paths_are_not_served(String path) throws Exception {
        assertEquals(404, server.post(path, "application/x-www-form-urlencoded", "").statusCode());
        assertEquals(404, server.get(path).statusCode());
    }

    @Test
    void a_runaway_query_is_cut_while_other_clients_keep_being_answered() throws Exception {
        String paths = "SELECT (COUNT(*) AS ?n) WHERE { ?a (<urn:p>|!<urn:q>)* ?b . ?c ?d ?e . ?f ?g ?h }";
        CountingQueryEngine queries = CountingQueryEngine.install();
        CountingQueryEngine.awaitWarmUps();   // no background query may pass for the runaway below
        long before = queries.planned();
        CompletableFuture<HttpResponse<String>> runaway = server.http.sendAsync(HttpRequest.newBuilder(
                server.uri("sparql?query=" + TestServer.enc(paths))).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        queries.awaitPlanned(before + 1);   // the runaway is executing on the server from here on
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200, 200), others);
        assertFalse(runaway.isDone(), "the five answers came while the runaway was still running");
        assertEquals(503, runaway.get().statusCode(), runaway.get().body());
    }

    @Test
    void protocol_negative_cases_get_the_status_the_protocol_requires() throws Exception {
        String q = "ASK { ?s ?p ?o }";
        HttpResponse<String> put = server.http.send(HttpRequest.newBuilder(server.uri("sparql"))
                .PUT(HttpRequest.BodyPublishers.ofString(q)).header("Content-Type", "application/sparql-query").build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(put.statusCode() == 405 || put.statusCode() == 400, "PUT on the query endpoint: " + put.statusCode());
        assertEquals(415, server.post("sparql", "application/octet-stream", q).statusCode(), "wrong media type");
        assertEquals(400, server.get("sparql?query=" + TestServer.enc(q) + "&query=" + TestServer.enc(q)).statusCode(), "two queries");
        assertEquals(400, server.get("sparql?default-graph-uri=" + TestServer.enc("urn:example:g")).statusCode(), "no query");
        HttpResponse<String> latin1 = server.http.send(HttpRequest.newBuilder(server.uri("sparql"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {'A', 'S', 'K', ' ', '{', ' ', '"', (byte) 0xE9, '"', ' ', '}'}))
                .header("Content-Type", "application/sparql-query; charset=utf-8").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, latin1.statusCode(), "a body that is not UTF-8");
        assertFalse(server.get("sparql?update=" + TestServer.enc("DROP ALL")).statusCode() < 400, "update by GET");
    }
}
