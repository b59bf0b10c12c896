package org.labourgraph.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write path refuses a change that breaks the shapes in the same way: 400, no revision recorded, not one
 * statement changed, and the cached page still what a fresh render shows. The change is the same everywhere: a
 * second English skos:prefLabel on ghost work (the shapes allow one per language). Of two PATCHes sent at once
 * with the same ETag exactly one wins.
 */
class WritePathMatrixTest {
    static final String GHOST_WORK = "https://w3id.org/labourgraph/id/concept/ghost-work";
    static final String CONCEPTS = "https://w3id.org/labourgraph/graph/concepts";
    static final String PREF_LABEL = "http://www.w3.org/2004/02/skos/core#prefLabel";
    static final String DUPLICATE = "\"ghost work, twice\"@en";
    static final String TRIPLE = "<" + GHOST_WORK + "> <" + PREF_LABEL + "> " + DUPLICATE + " .";

    @TempDir
    static Path dir;
    static TestServer server;
    static String ada;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
        ada = TestServer.basic("ada", "s3cret-pass");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The resource's asserted statements, or a named graph, as N-Triples from SPARQL. */
    static String ntriples(String construct) throws Exception {
        HttpResponse<String> r = server.query(construct, "application/n-triples");
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static HttpResponse<String> write(String path) throws Exception {
        return switch (path) {
            case "PUT /doc" -> server.send("PUT", "doc/concept/ghost-work", "application/n-triples",
                    ntriples("CONSTRUCT { <" + GHOST_WORK + "> ?p ?o } WHERE { GRAPH ?g { <" + GHOST_WORK + "> ?p ?o }"
                            + " FILTER(?g != <https://w3id.org/labourgraph/graph/entailments>) }") + TRIPLE + "\n", "Authorization", ada);
            case "PATCH /doc rdf-patch" -> server.send("PATCH", "doc/concept/ghost-work", "application/rdf-patch",
                    "TX .\nA " + TRIPLE + "\nTC .\n", "Authorization", ada);
            case "PATCH /doc sparql-update" -> server.send("PATCH", "doc/concept/ghost-work", "application/sparql-update",
                    "INSERT DATA { GRAPH <" + CONCEPTS + "> { " + TRIPLE + " } }", "Authorization", ada);
            case "POST /update" -> server.send("POST", "update", "application/sparql-update",
                    "INSERT DATA { GRAPH <" + CONCEPTS + "> { " + TRIPLE + " } }", "Authorization", ada);
            case "PUT /data" -> server.send("PUT", "data?graph=" + TestServer.enc(CONCEPTS), "application/n-triples",
                    ntriples("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <" + CONCEPTS + "> { ?s ?p ?o } }") + TRIPLE + "\n", "Authorization", ada);
            case "POST /data" -> server.send("POST", "data?graph=" + TestServer.enc(CONCEPTS), "application/n-triples",
                    TRIPLE + "\n", "Authorization", ada);
            default -> throw new IllegalArgumentException(path);
        };
    }

    static Set<Quad> publicQuads() {
        DatasetGraph dsg = server.store.dataset();
        return Txn.calculateRead(dsg, () -> {
            Set<Quad> all = new HashSet<>();
            dsg.find().forEachRemaining(all::add);
            return all;
        });
    }

    @ParameterizedTest(name = "{0}: a shapes violation is 400 and changes nothing")
    @ValueSource(strings = {"PUT /doc", "PATCH /doc rdf-patch", "PATCH /doc sparql-update", "POST /update", "PUT /data", "POST /data"})
    void a_shapes_violation_is_refused_whole_on_every_write_path(String path) throws Exception {
        String page = "doc/concept/ghost-work?lang=en";
        assertEquals(200, server.get(page, "Accept", "text/html").statusCode());   // now in the page cache
        long revision = server.store.history().head();
        Set<Quad> before = publicQuads();
        assertTrue(before.size() > 0);

        HttpResponse<String> r = write(path);

        assertEquals(400, r.statusCode(), path + ": " + r.body());
        assertTrue(r.body().contains("prefLabel"), path + " says which constraint: " + r.body());
        assertEquals(revision, server.store.history().head(), path + " recorded no revision");
        assertEquals(before, publicQuads(), path + " changed the store");
        assertFalse(server.ask("ASK { GRAPH ?g { <" + GHOST_WORK + "> <" + PREF_LABEL + "> " + DUPLICATE + " } }"));
        HttpResponse<String> cached = server.get(page, "Accept", "text/html");
        HttpResponse<String> fresh = server.get(page, "Accept", "text/html", "Cache-Control", "no-cache");
        assertEquals(200, cached.statusCode());
        assertEquals(fresh.body(), cached.body(), "the cached page is still what the store says");
        assertFalse(cached.body().contains("ghost work, twice"));
    }

    @Test
    void of_two_patches_sent_at_once_with_the_same_etag_exactly_one_wins() throws Exception {
        String doc = "doc/concept/micro-work";
        String iri = "https://w3id.org/labourgraph/id/concept/micro-work";
        String etag = server.get(doc, "Accept", "text/turtle").headers().firstValue("ETag").orElseThrow();
        long revision = server.store.history().head();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (String label : new String[] {"racing one", "racing two"}) {
            HttpRequest request = TestServer.request(server.uri(doc), "PATCH", "application/rdf-patch",
                    "TX .\nA <" + iri + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"" + label + "\"@en .\nTC .\n",
                    "Authorization", ada, "If-Match", etag);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return server.http.send(request, HttpResponse.BodyHandlers.ofString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> a : answers) {
            statuses.add(a.get().statusCode());
        }
        statuses.sort(null);
        assertEquals(List.of(200, 412), statuses, "one PATCH wins, the other finds the ETag stale");
        assertEquals(revision + 1, server.store.history().head(), "one revision");
        boolean one = server.ask("ASK { <" + iri + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"racing one\"@en }");
        boolean two = server.ask("ASK { <" + iri + "> <http://www.w3.org/2004/02/skos/core#hiddenLabel> \"racing two\"@en }");
        assertTrue(one ^ two, "exactly one of the two labels is there: " + one + ", " + two);
    }
}
