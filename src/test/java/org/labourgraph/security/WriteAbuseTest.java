package org.labourgraph.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.TestServer;

/** The abuse cases that need a login (issue 6: cases 2, 4, 5, 6, 8, 12, 19, 20). */
class WriteAbuseTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final String CURATOR = basic("ada", "s3cret-pass");

    @BeforeAll
    static void start() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\nbob: b0b-pass, curator\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd).withMaxRequestBytes(1024 * 1024));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String basic(String user, String password) {
        return TestServer.basic(user, password);
    }

    long quads() {
        return server.store.quadCount();
    }

    HttpResponse<String> update(String body) throws Exception {
        return server.post("update", "application/sparql-update", body, "Authorization", CURATOR);
    }

    HttpResponse<String> upload(String contentType, String body) throws Exception {
        return server.post("data?graph=" + TestServer.enc("urn:example:upload"), contentType, body, "Authorization", CURATOR);
    }

    @Test
    void load_of_a_file_or_a_local_url_is_refused_before_it_runs() throws Exception {
        long before = quads();
        try (ConnectionCounter listener = new ConnectionCounter()) {
            HttpResponse<String> file = update("LOAD <file:///etc/passwd> INTO GRAPH <urn:example:stolen>");
            HttpResponse<String> http = update("LOAD <" + listener.url("/data.ttl") + ">");
            assertEquals(400, file.statusCode());
            assertEquals(400, http.statusCode());
            assertTrue(file.body().contains("LOAD is disabled"), file.body());
            assertEquals(0, listener.connections());
        }
        assertEquals(before, quads());
    }

    @Test
    void rdf_xml_with_an_external_entity_is_a_parse_error_that_reads_nothing() throws Exception {
        long before = quads();
        try (ConnectionCounter listener = new ConnectionCounter()) {
            String xxe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rdf:RDF [ <!ENTITY secret SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "%s"> ]>
                    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
                      <rdf:Description rdf:about="http://example.org/x"><ex:p>&secret;&remote;</ex:p></rdf:Description>
                    </rdf:RDF>""".formatted(listener.url("/dtd"));
            HttpResponse<String> r = upload("application/rdf+xml", xxe);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(0, listener.connections());
        }
        assertEquals(before, quads());
        assertTrue(server.query("ASK { ?s ?p ?o FILTER(CONTAINS(STR(?o), 'root:')) }", "application/sparql-results+json").body().contains("false"));
    }

    @Test
    void billion_laughs_is_refused_and_the_server_stays_up() throws Exception {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?><!DOCTYPE rdf:RDF [" + dtd + "]>"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">"
                + "<rdf:Description rdf:about=\"http://example.org/x\"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>";
        long before = quads();
        assertEquals(400, upload("application/rdf+xml", bomb).statusCode());
        assertEquals(before, quads());
        assertEquals(200, server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").statusCode());
    }

    @Test
    void json_ld_with_a_remote_context_is_refused_without_fetching_it() throws Exception {
        long before = quads();
        try (ConnectionCounter listener = new ConnectionCounter()) {
            String doc = "{ \"@context\": \"" + listener.url("/context.jsonld") + "\", \"@id\": \"http://example.org/x\", \"name\": \"x\" }";
            HttpResponse<String> r = upload("application/ld+json", doc);
            assertEquals(400, r.statusCode(), r.body());
            assertEquals(0, listener.connections());
        }
        assertEquals(before, quads());
    }

    @Test
    void a_thousand_wrong_passwords_are_all_refused_then_throttled_and_say_nothing_about_which_part_was_wrong() throws Exception {
        HttpResponse<String> wrongUser = server.post("update", "application/sparql-update", "DROP ALL", "Authorization", basic("nobody", "s3cret-pass"));
        HttpResponse<String> wrongPassword = server.post("update", "application/sparql-update", "DROP ALL", "Authorization", basic("ada", "guess"));
        assertEquals(wrongUser.statusCode(), wrongPassword.statusCode());
        assertEquals(wrongUser.body(), wrongPassword.body());
        Set<Integer> statuses = new HashSet<>();
        int throttled = 0;
        for (int i = 0; i < 1000; i++) {
            int status = server.post("update", "application/sparql-update", "DROP ALL", "Authorization", basic("bob", "guess" + i)).statusCode();
            statuses.add(status);
            if (status == 429) {
                throttled++;
            }
        }
        assertEquals(Set.of(401, 429), statuses, "every attempt refused: 401, then 429 once throttled");
        assertTrue(throttled >= 990, "after the 10th failure the address is throttled, got " + throttled);
        assertTrue(server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"), "nothing was dropped");
        // Even the right password is not checked while the account is throttled from this address; other accounts still work.
        assertEquals(429, server.post("update", "application/sparql-update", "INSERT DATA { <urn:example:t> <urn:example:p> 1 }",
                "Authorization", basic("bob", "b0b-pass")).statusCode());
        assertEquals(2, update("INSERT DATA { GRAPH <urn:example:g> { <urn:example:t> <urn:example:p> 1 } }").statusCode() / 100);
    }

    @Test
    void an_oversized_body_is_a_413_before_parsing_and_changes_nothing() throws Exception {
        long before = quads();
        String big = "INSERT DATA { <urn:example:s> <urn:example:p> \"" + "x".repeat(2 * 1024 * 1024) + "\" }";
        assertEquals(413, update(big).statusCode());
        // Streamed without a length (chunked): counted, and cut at the limit.
        HttpResponse<String> chunked = server.http.send(HttpRequest.newBuilder(server.uri("update"))
                .header("Content-Type", "application/sparql-update").header("Authorization", CURATOR)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingStream(big.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        assertEquals(before, quads());
    }

    @Test
    void malformed_uploads_are_400_with_a_position_and_roll_back_whole() throws Exception {
        long before = quads();
        HttpResponse<String> turtle = upload("text/turtle", "<http://example.org/a> <http://example.org/b> \"ok\" .\n<http://example.org/c> <http://example.org/d> .");
        HttpResponse<String> ntriples = upload("application/n-triples", "<http://example.org/a> <http://example.org/b> \"ok\" .\n<broken");
        HttpResponse<String> jsonld = upload("application/ld+json", "{ \"@id\": \"http://example.org/a\", ");
        assertEquals(400, turtle.statusCode());
        assertTrue(turtle.body().contains("request body:2:"), turtle.body());
        assertEquals(400, ntriples.statusCode());
        assertEquals(400, jsonld.statusCode());
        assertEquals(before, quads());
    }

    @Test
    void an_update_naming_its_dataset_twice_is_a_400() throws Exception {
        HttpResponse<String> r = server.post("update?using-graph-uri=" + TestServer.enc("urn:example:g"), "application/sparql-update",
                "DELETE { ?s ?p ?o } USING <urn:example:h> WHERE { ?s ?p ?o }", "Authorization", CURATOR);
        assertEquals(400, r.statusCode(), r.body());
        assertTrue(server.query("ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"));
    }

    @Test
    void a_curator_cannot_put_private_content_into_the_public_store_by_update_or_upload() throws Exception {
        long before = quads();
        String privateNote = "<https://w3id.org/labourgraph/id/note/leak> <https://w3id.org/labourgraph/ontology#visibility>"
                + " <https://w3id.org/labourgraph/ontology#Private> .";
        HttpResponse<String> insert = update("INSERT DATA { GRAPH <urn:example:g> { " + privateNote + " } }");
        HttpResponse<String> insertWhere = update("INSERT { GRAPH <urn:example:g> { ?c <https://w3id.org/labourgraph/ontology#visibility>"
                + " <https://w3id.org/labourgraph/ontology#Private> } } WHERE { ?c a <http://www.w3.org/2004/02/skos/core#Concept> }");
        HttpResponse<String> upload = upload("application/n-triples", privateNote);
        for (HttpResponse<String> r : java.util.List.of(insert, insertWhere, upload)) {
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("--visibility private"), r.body());
        }
        assertEquals(before, quads());
    }

    /** An input stream that repeats a buffer for ever: a body with no declared length. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] buffer;
        private int at;

        RepeatingStream(byte[] buffer) {
            this.buffer = buffer;
        }

        @Override
        public int read() {
            int b = buffer[at];
            at = (at + 1) % buffer.length;
            return b & 0xff;
        }
    }
}
