package org.labourgraph.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.config.ServerSettings;
import org.labourgraph.mirror.Mirror;
import org.labourgraph.mirror.MirrorException;
import org.labourgraph.mirror.MirrorSource;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.LabourgraphServer;
import org.labourgraph.web.TestServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 21: {@code labourgraph mirror} keeps a full copy of another labourgraph — two servers on loopback, A edited by a
 * curator, B the copy — with identical public quads; a source whose history does not continue the copy stops it.
 */
class MirrorTest {
    @TempDir
    static Path dir;
    static TestServer a;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String ADA = org.labourgraph.web.TestServer.basic("ada", "s3cret-pass");
    static final String CONCEPT = "https://w3id.org/labourgraph/id/concept/";
    static final String GRAPH = "https://w3id.org/labourgraph/graph/concepts";
    static final String ALT = "http://www.w3.org/2004/02/skos/core#altLabel";

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        Files.writeString(passwd, "ada: s3cret-pass, curator\n");
        a = TestServer.start(s -> s.withPasswordFile(passwd));
    }

    @AfterAll
    static void stop() {
        a.close();
    }

    static HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(TestServer.request(a.uri(path), method, contentType, body, "Authorization", ADA),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() < 300, method + " " + path + ": " + r.statusCode() + " " + r.body());
        return r;
    }

    /** A curator's patch on A; returns the revision it made. */
    static long edit(String slug, String rows) throws Exception {
        HttpResponse<String> r = send("PATCH", "doc/concept/" + slug, "application/rdf-patch", "TX .\n" + rows + "TC .\n");
        return JSON.parse(r.body()).get("revision").getAsNumber().value().longValue();
    }

    static String row(char op, String slug, String label) {
        return op + " <" + CONCEPT + slug + "> <" + ALT + "> \"" + label + "\"@en <" + GRAPH + "> .\n";
    }

    /** Every quad of a store (asserted graphs and the entailment graph), for comparing A and B. */
    static Set<Quad> quads(LabourStore store) {
        Set<Quad> out = new HashSet<>();
        Txn.executeRead(store.dataset(), () -> store.dataset().find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add));
        return out;
    }

    static void assertSameQuads(LabourStore b) {
        assertSameQuads(a.store, b);
    }

    /** The copy {@code b} holds exactly the quads of {@code source}: asserted graphs and re-derived entailments. */
    static void assertSameQuads(LabourStore source, LabourStore b) {
        Set<Quad> expected = quads(source);
        Set<Quad> copied = quads(b);
        Set<Quad> missing = new HashSet<>(expected);
        missing.removeAll(copied);
        Set<Quad> extra = new HashSet<>(copied);
        extra.removeAll(expected);
        assertTrue(missing.isEmpty() && extra.isEmpty(), "missing on the copy: " + missing + "; only on the copy: " + extra);
    }

    @Test
    void a_copy_follows_adds_deletes_and_a_revert_with_identical_quads() throws Exception {
        try (LabourStore b = LabourStore.open(dir.resolve("copy-follows"))) {
            Mirror mirror = Mirror.open(b, new MirrorSource(a.server.baseUrl()));
            mirror.catchUp();
            assertSameQuads(b);
            assertEquals(a.store.history().head(), mirror.position().revision());

            edit("outsourcing", row('A', "outsourcing", "offshoring of tasks"));
            long added = edit("precarity", row('A', "precarity", "job insecurity"));
            edit("outsourcing", row('D', "outsourcing", "offshoring of tasks"));
            send("POST", "history/revert?rev=" + added, null, null);
            assertEquals(4, mirror.catchUp(), "an add, an add, a delete and a revert");
            assertSameQuads(b);
            assertEquals(0, mirror.catchUp(), "nothing new");

            ServerSettings settings = ServerSettings.defaults(ProjectPaths.root()).withPort(0);
            LabourgraphServer served = MirrorCommand.server(settings, b, mirror).start();
            try {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonObject copy = JSON.parse(health.body()).get("mirror").getAsObject();
                assertEquals(a.server.baseUrl(), copy.get("source").getAsString().value());
                assertEquals(a.store.history().head(), copy.get("revision").getAsNumber().value().longValue());
                HttpResponse<String> ask = HTTP.send(HttpRequest.newBuilder(URI.create(served.baseUrl() + "sparql?query="
                        + java.net.URLEncoder.encode("ASK { ?s ?p \"job insecurity\"@en }", StandardCharsets.UTF_8)))
                        .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(ask.body().contains("false"), "the reverted label is gone on the copy: " + ask.body());
            } finally {
                served.close();
            }
        }
    }

    /** A curator's update of SPARQL on A; it must succeed. */
    static void update(String sparql) throws Exception {
        send("POST", "update", "application/sparql-update", sparql);
    }

    @Test
    void changes_to_statements_with_blank_nodes_reach_the_copy_with_identical_quads() throws Exception {
        String prefixes = "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX sssom: <https://w3id.org/sssom/>"
                + " PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX lgw: <https://w3id.org/labourgraph/id/work/>"
                + " PREFIX lgg: <https://w3id.org/labourgraph/graph/> ";
        try (LabourStore b = LabourStore.open(dir.resolve("copy-blank-nodes"))) {
            Mirror mirror = Mirror.open(b, new MirrorSource(a.server.baseUrl()));
            mirror.catchUp();
            // A shipped axiom (a blank node of the dump) re-dated: its statements are deleted and added by label.
            update(prefixes + "DELETE { GRAPH ?g { ?axiom sssom:mapping_date ?d } }"
                    + " INSERT { GRAPH ?g { ?axiom sssom:mapping_date \"2026-12-06\"^^xsd:date } }"
                    + " WHERE { GRAPH ?g { ?axiom owl:annotatedSource lgw:ghost-work ; sssom:mapping_date ?d } }");
            // A new axiom (a blank node made on A), then removed again.
            update(prefixes + "INSERT DATA { GRAPH lgg:alignments { [] a owl:Axiom ; owl:annotatedSource lgw:ghost-work ;"
                    + " sssom:author_label \"a blank-node test\" } }");
            assertEquals(2, mirror.catchUp(), "the re-dating and the new axiom");
            assertSameQuads(b);
            update(prefixes + "DELETE WHERE { GRAPH lgg:alignments { ?axiom sssom:author_label \"a blank-node test\" ;"
                    + " a owl:Axiom ; owl:annotatedSource lgw:ghost-work } }");
            assertEquals(1, mirror.catchUp(), "the removal");
            assertSameQuads(b);
        }
    }

    @Test
    void a_copy_resumes_where_it_stands_after_a_restart() throws Exception {
        Path copy = dir.resolve("copy-resumes");
        try (LabourStore b = LabourStore.open(copy)) {
            Mirror.open(b, new MirrorSource(a.server.baseUrl())).catchUp();
        }
        edit("freelancing", row('A', "freelancing", "gig work on one's own account"));
        LoadCommandTest.Run run = LoadCommandTest.run("mirror", "--from", a.server.baseUrl(), "--store", copy.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("revision " + a.store.history().head() + " (1 changes applied now)"), run.err());
        try (LabourStore b = LabourStore.open(copy)) {
            assertSameQuads(b);
            assertEquals(a.server.baseUrl(), Mirror.recorded(b.history()).orElseThrow().source());
        }
    }

    @Test
    void a_store_with_data_of_its_own_is_no_copy() throws Exception {
        try (LabourStore b = LabourStore.open(dir.resolve("not-empty"))) {
            Txn.executeWrite(b.dataset(), () -> b.dataset().add(Quad.create(org.apache.jena.graph.NodeFactory.createURI(GRAPH),
                    org.apache.jena.graph.NodeFactory.createURI(CONCEPT + "x"), org.apache.jena.graph.NodeFactory.createURI(ALT),
                    org.apache.jena.graph.NodeFactory.createLiteralLang("x", "en"))));
            MirrorException e = assertThrows(MirrorException.class, () -> Mirror.open(b, new MirrorSource(a.server.baseUrl())));
            assertTrue(e.getMessage().contains("already holds data of its own"), e.getMessage());
        }
    }

    /** A source that serves A's dump and lets {@code changes} answer the list and the patches. */
    static HttpServer tampering(Function<HttpExchange, String> changes) throws IOException {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (exchange) {
                if (path.equals("/dumps/labourgraph.nq")) {
                    HttpResponse<byte[]> dump = HTTP.send(HttpRequest.newBuilder(a.uri("dumps/labourgraph.nq")).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    exchange.getResponseHeaders().add("X-Labourgraph-Revision", dump.headers().firstValue("X-Labourgraph-Revision").orElseThrow());
                    reply(exchange, dump.body());
                } else {
                    reply(exchange, changes.apply(exchange).getBytes(StandardCharsets.UTF_8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        fake.start();
        return fake;
    }

    static void reply(HttpExchange exchange, byte[] body) throws IOException {
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static String real(String path) {
        try {
            return a.get(path).body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_gap_in_the_source_history_stops_the_mirror_and_applies_nothing() throws Exception {
        long head = a.store.history().head();
        HttpServer fake = tampering(ex -> "{\"head\": " + (head + 2) + ", \"revisions\": [{\"revision\": " + (head + 2) + "}]}");
        try (LabourStore b = LabourStore.open(dir.resolve("copy-gap"))) {
            Mirror mirror = Mirror.open(b, new MirrorSource("http://127.0.0.1:" + fake.getAddress().getPort() + "/"));
            MirrorException e = assertThrows(MirrorException.class, mirror::catchUp);
            assertTrue(e.getMessage().contains("has a gap: after revision " + head), e.getMessage());
            assertTrue(e.getMessage().contains("lists revision " + (head + 2)), e.getMessage());
            assertEquals(head, mirror.position().revision());
            assertEquals(1, b.history().head(), "the dump only");
            assertSameQuads(b);
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void a_patch_whose_previous_does_not_match_stops_the_mirror_and_applies_nothing() throws Exception {
        long head = edit("precarity", row('A', "precarity", "insecure work"));
        long next = head + 1;
        // A's real patch of its newest revision, renumbered as the next one: its `prev` names head-1, not head.
        String forged = real("changes/" + head).replace("H revision " + head + " .", "H revision " + next + " .")
                .replace("revision:" + head + ">", "revision:" + next + ">").replace("insecure work", "renumbered");
        assertTrue(forged.contains("H revision " + next + " ."), forged);
        HttpServer fake = tampering(ex -> ex.getRequestURI().getPath().equals("/changes/" + next) ? forged
                : "{\"head\": " + next + ", \"revisions\": [{\"revision\": " + next + "}]}");
        try (LabourStore b = LabourStore.open(dir.resolve("copy-previous"))) {
            Mirror mirror = Mirror.open(b, new MirrorSource("http://127.0.0.1:" + fake.getAddress().getPort() + "/"));
            MirrorException e = assertThrows(MirrorException.class, mirror::catchUp);
            assertTrue(e.getMessage().contains("does not continue the copy"), e.getMessage());
            assertTrue(e.getMessage().contains("It was not applied"), e.getMessage());
            assertEquals(1, b.history().head(), "the dump only");
            assertSameQuads(b);
            assertFalse(quads(b).stream().anyMatch(q -> q.getObject().isLiteral()
                    && q.getObject().getLiteralLexicalForm().equals("renumbered")), "nothing of the patch");
        } finally {
            fake.stop(0);
        }
    }
}
