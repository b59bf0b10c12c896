package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.exec.http.QueryExecHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.RemoteEndpoint;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.history.StoreChangeLog;
import org.labourgraph.vocab.LG;

/**
 * The history in external mode: two front-ends (A and B, both with --passwd) over one stock standalone Fuseki record
 * every write they forward as a revision in the store's change-log graph, and both list every revision.
 * The tests share the store and its history; each reads the head first and asserts only on the revisions its own
 * writes make after it, and its edits touch labels no other test reads.
 */
@DisplayName("serve --sparql-endpoint: writes through the front-ends are recorded in the store and listed by every front-end")
@Tag("slow")
class ExternalHistoryTest {
    private static final String CONCEPT = LG.CONCEPT_NS + "history-test";
    private static final String GRAPH = LG.GRAPH_NS + "concepts";
    private static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    private static final String ADA = TestServer.basic("ada", "ada-s3cret");
    private static final String BOB = TestServer.basic("bob", "bob-s3cret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path work;

    static StandaloneFuseki fuseki;
    static LabourgraphServer frontA;
    static LabourgraphServer frontB;

    @BeforeAll
    static void startAStockFusekiAndTwoFrontEndsThatTakeWrites() throws Exception {
        try {
            fuseki = StandaloneFuseki.startStock(work.resolve("fuseki"));
            HttpResponse<String> seeded = HTTP.send(TestServer.request(fuseki.service("update"), "POST", "application/sparql-update",
                    "INSERT DATA { GRAPH <" + GRAPH + "> { <" + CONCEPT + "> a <" + SKOS + "Concept> ; <" + SKOS
                            + "prefLabel> \"history test\"@en } }"), HttpResponse.BodyHandlers.ofString());
            assertEquals(2, seeded.statusCode() / 100, seeded.body());
            Path passwd = work.resolve("passwd.properties");
            Files.writeString(passwd, "ada: ada-s3cret, curator\nbob: bob-s3cret, curator\n");
            Files.writeString(work.resolve("curator-names.properties"), "ada = Ada Lovelace\nbob = Bob Hope\n");
            frontA = LabourgraphServer.buildRemote(settings(Optional.of(fuseki.service("update"))).withPasswordFile(passwd)).start();
            frontB = LabourgraphServer.buildRemote(settings(Optional.of(fuseki.service("update"))).withPasswordFile(passwd)).start();
        } catch (Exception | Error e) {
            stopEverything();
            throw e;
        }
    }

    @AfterAll
    static void stopEverything() {
        Stream.of(frontA, frontB).filter(s -> s != null).forEach(LabourgraphServer::close);
        if (fuseki != null) {
            fuseki.close();
        }
        frontA = null;
        frontB = null;
        fuseki = null;
    }

    private static ServerSettings settings(Optional<URI> update) {
        return ServerSettings.defaults(ProjectPaths.root()).withPort(0).withQueryTimeout(Duration.ofSeconds(20))
                .withRemote(new RemoteEndpoint(fuseki.service("sparql"), update, Optional.of(fuseki.service("data")), Optional.empty()));
    }

    @Test
    void an_edit_through_one_front_end_is_a_revision_on_both_with_its_curator_and_message() throws Exception {
        long head = head(frontA);
        HttpResponse<String> r = update(frontA, ADA, "Adds a variant label",
                "INSERT DATA { GRAPH <" + GRAPH + "> { <" + CONCEPT + "> <" + SKOS + "altLabel> \"spectral label\"@en } }");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("revision " + (head + 1)), r.body());
        for (LabourgraphServer front : List.of(frontA, frontB)) {
            JsonObject listed = revisionsSince(front, head).get(0).getAsObject();
            assertEquals(head + 1, listed.get("revision").getAsNumber().value().longValue());
            assertEquals("Ada Lovelace", listed.get("curator").getAsString().value());
            assertEquals("Adds a variant label", listed.get("message").getAsString().value());
            assertEquals(1, listed.get("added").getAsNumber().value().intValue());
            assertEquals(CONCEPT, listed.get("resources").getAsArray().get(0).getAsString().value());

            HttpResponse<String> history = SiteWalk.get(front, "/history/concept/history-test?format=json");
            assertEquals(200, history.statusCode(), history.body());
            JsonObject newest = JSON.parse(history.body()).get("revisions").getAsArray().get(0).getAsObject();
            assertEquals(head + 1, newest.get("revision").getAsNumber().value().longValue());
            assertEquals("spectral label", newest.get("changes").getAsArray().get(0).getAsObject().get("value").getAsString().value());

            HttpResponse<String> page = SiteWalk.get(front, "/history/concept/history-test");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Adds a variant label"), "the History tab lists it");
            HttpResponse<String> recent = SiteWalk.get(front, "/changes");
            assertEquals(200, recent.statusCode(), recent.body());
            assertTrue(recent.body().contains("Adds a variant label") && recent.body().contains("Ada Lovelace"), "the recent changes list it");
            HttpResponse<String> atom = SiteWalk.get(front, "/changes.atom");
            assertEquals(200, atom.statusCode(), atom.body());
            assertTrue(atom.body().contains("Adds a variant label"), atom.body());
            HttpResponse<String> patch = SiteWalk.get(front, "/changes/" + (head + 1));
            assertEquals(200, patch.statusCode(), patch.body());
            assertTrue(patch.body().contains("spectral label"), patch.body());
        }
        assertTrue(storeHolds("spectral label"), "the store holds the change itself");
    }

    @Test
    void a_delete_insert_where_is_recorded_as_the_statements_it_changed() throws Exception {
        assertEquals(200, update(frontA, ADA, "Adds a label to rename",
                "INSERT DATA { GRAPH <" + GRAPH + "> { <" + CONCEPT + "> <" + SKOS + "hiddenLabel> \"old spelling\"@en } }").statusCode());
        long head = head(frontB);
        HttpResponse<String> r = update(frontB, BOB, "Renames a hidden label",
                "DELETE { GRAPH ?g { ?c <" + SKOS + "hiddenLabel> ?l } } INSERT { GRAPH ?g { ?c <" + SKOS + "hiddenLabel> \"new spelling\"@en } }"
                        + " WHERE { GRAPH ?g { ?c <" + SKOS + "hiddenLabel> ?l FILTER(str(?l) = \"old spelling\") } }");
        assertEquals(200, r.statusCode(), r.body());
        String patch = SiteWalk.get(frontA, "/changes/" + (head + 1)).body();
        assertTrue(patch.lines().anyMatch(l -> l.startsWith("D ") && l.contains("\"old spelling\"@en")), patch);
        assertTrue(patch.lines().anyMatch(l -> l.startsWith("A ") && l.contains("\"new spelling\"@en")), patch);
        JsonObject listed = revisionsSince(frontA, head).get(0).getAsObject();
        assertEquals("Bob Hope", listed.get("curator").getAsString().value());
        assertEquals(1, listed.get("deleted").getAsNumber().value().intValue());
    }

    @Test
    void graph_store_writes_through_a_front_end_are_recorded_too() throws Exception {
        String graph = LG.GRAPH_NS + "history-test-gsp";
        URI data = URI.create(frontB.baseUrl() + "data?graph=" + TestServer.enc(graph));
        long head = head(frontA);
        HttpResponse<String> put = HTTP.send(TestServer.request(data, "PUT", "text/turtle", "<" + CONCEPT + "> <" + SKOS
                + "note> \"from the graph store\"@en .", "Authorization", BOB, "X-Change-Message", "Puts a note graph"),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        HttpResponse<String> delete = HTTP.send(TestServer.request(data, "DELETE", null, null, "Authorization", BOB),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, delete.statusCode(), delete.body());
        JsonArray listed = revisionsSince(frontA, head);
        assertEquals(2, listed.size(), listed.toString());
        assertEquals("Puts a note graph", listed.get(0).getAsObject().get("message").getAsString().value());
        assertEquals("Bob Hope", listed.get(0).getAsObject().get("curator").getAsString().value());
        assertEquals(1, listed.get(0).getAsObject().get("added").getAsNumber().value().intValue());
        assertEquals(1, listed.get(1).getAsObject().get("deleted").getAsNumber().value().intValue());
    }

    @Test
    void a_refused_or_failed_write_records_nothing() throws Exception {
        long head = head(frontA);
        String label = "INSERT DATA { GRAPH <" + GRAPH + "> { <" + CONCEPT + "> <" + SKOS + "altLabel> \"never recorded\"@en } }";
        assertEquals(401, update(frontA, null, "anonymous", label).statusCode(), "no login, no write");
        assertEquals(400, update(frontA, ADA, "default graph", "INSERT DATA { <urn:x:s> <urn:x:p> \"o\" }").statusCode());
        HttpResponse<String> history = update(frontA, ADA, "forged history", "INSERT DATA { GRAPH <" + StoreChangeLog.GRAPH
                + "> { <urn:x:s> <urn:x:p> \"o\" } }");
        assertEquals(400, history.statusCode(), history.body());
        assertTrue(history.body().contains(StoreChangeLog.GRAPH), history.body());
        HttpResponse<String> copy = update(frontA, ADA, "copy", "COPY <" + GRAPH + "> TO <" + LG.GRAPH_NS + "copy>");
        assertEquals(400, copy.statusCode(), copy.body());
        assertTrue(copy.body().contains("INSERT DATA"), "says what to send instead: " + copy.body());
        HttpResponse<String> nothing = update(frontA, ADA, "deletes what is not there",
                "DELETE DATA { GRAPH <" + GRAPH + "> { <" + CONCEPT + "> <" + SKOS + "altLabel> \"absent\"@en } }");
        assertEquals(200, nothing.statusCode(), nothing.body());
        assertTrue(nothing.body().contains("changed nothing"), nothing.body());

        URI closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/ds/update");
        }
        try (LabourgraphServer broken = LabourgraphServer.buildRemote(settings(Optional.of(closed))
                .withPasswordFile(work.resolve("passwd.properties"))).start()) {
            HttpResponse<String> failed = update(broken, ADA, "store does not take it", label);
            assertEquals(502, failed.statusCode(), failed.body());
        }
        try (LabourgraphServer graphStoreOnly = LabourgraphServer.buildRemote(settings(Optional.empty())
                .withPasswordFile(work.resolve("passwd.properties"))).start()) {
            HttpResponse<String> put = HTTP.send(TestServer.request(URI.create(graphStoreOnly.baseUrl() + "data?graph="
                    + TestServer.enc(GRAPH)), "POST", "text/turtle", "<" + CONCEPT + "> <" + SKOS + "altLabel> \"never recorded\"@en .",
                    "Authorization", ADA), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, put.statusCode(), "unchecked, unrecorded: " + put.body());
            assertTrue(put.body().contains("--update-endpoint") && put.body().contains("nothing was written"), put.body());
        }
        assertEquals(head, head(frontA), "no revision on A");
        assertEquals(head, head(frontB), "no revision on B");
        assertFalse(storeHolds("never recorded"));
    }

    @Test
    void concurrent_edits_through_both_front_ends_land_as_distinct_revisions() throws Exception {
        long head = head(frontA);
        int each = 4;
        List<Callable<HttpResponse<String>>> edits = new ArrayList<>();
        for (int i = 0; i < each; i++) {
            for (LabourgraphServer front : List.of(frontA, frontB)) {
                String label = (front == frontA ? "from A " : "from B ") + i;
                edits.add(() -> update(front, front == frontA ? ADA : BOB, "Concurrent " + label, "INSERT DATA { GRAPH <" + GRAPH
                        + "> { <" + CONCEPT + "> <" + SKOS + "altLabel> \"" + label + "\"@en } }"));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(edits.size());
        try {
            for (Future<HttpResponse<String>> f : pool.invokeAll(edits)) {
                assertEquals(200, f.get().statusCode(), f.get().body());
            }
        } finally {
            pool.shutdownNow();
        }
        JsonArray listed = revisionsSince(frontB, head);
        assertEquals(2 * each, listed.size(), listed.toString());
        Set<String> messages = new HashSet<>();
        for (int k = 0; k < listed.size(); k++) {
            JsonObject r = listed.get(k).getAsObject();
            assertEquals(head + k + 1, r.get("revision").getAsNumber().value().longValue(), "numbered in order, no gap");
            assertEquals(1, r.get("added").getAsNumber().value().intValue(), "each revision holds its own edit only");
            messages.add(r.get("message").getAsString().value());
        }
        assertEquals(2 * each, messages.size(), "every edit is its own revision: " + messages);
        assertEquals(head + 2 * each, head(frontA));
    }

    @Test
    void the_change_log_graph_is_not_public_data() throws Exception {
        String find = "SELECT ?s WHERE { { ?s <https://w3id.org/labourgraph/ontology#rdfPatch> ?p }"
                + " UNION { GRAPH ?g { ?s <https://w3id.org/labourgraph/ontology#rdfPatch> ?p } } }";
        HttpResponse<String> r = SiteWalk.get(frontA, "/sparql?query=" + TestServer.enc(find), "Accept", "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("s", r.body().strip(), "no row: the history is not among the data graphs");
    }

    private static HttpResponse<String> update(LabourgraphServer front, String auth, String message, String update)
            throws IOException, InterruptedException {
        List<String> headers = new ArrayList<>(List.of("X-Change-Message", message));
        if (auth != null) {
            headers.addAll(List.of("Authorization", auth));
        }
        return HTTP.send(TestServer.request(URI.create(front.baseUrl() + "update"), "POST", "application/sparql-update", update,
                headers.toArray(String[]::new)), HttpResponse.BodyHandlers.ofString());
    }

    private static long head(LabourgraphServer front) throws IOException, InterruptedException {
        HttpResponse<String> r = SiteWalk.get(front, "/changes.json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("head").getAsNumber().value().longValue();
    }

    private static JsonArray revisionsSince(LabourgraphServer front, long since) throws IOException, InterruptedException {
        HttpResponse<String> r = SiteWalk.get(front, "/changes.json?since=" + since);
        assertEquals(200, r.statusCode(), r.body());
        JsonValue list = JSON.parse(r.body()).get("revisions");
        return list.getAsArray();
    }

    private static final String STORE_HOLDS = "ASK { GRAPH ?graph { ?concept ?p ?label } }";

    /** True when the store itself (not through a front-end) holds the concept with this English label, by any property. */
    private static boolean storeHolds(String englishLabel) {
        try (QueryExecHTTP exec = QueryExecHTTP.service(fuseki.service("sparql").toString()).query(STORE_HOLDS)
                .substitution("graph", NodeFactory.createURI(GRAPH)).substitution("concept", NodeFactory.createURI(CONCEPT))
                .substitution("label", NodeFactory.createLiteralLang(englishLabel, "en")).build()) {
            return exec.ask();
        }
    }
}
