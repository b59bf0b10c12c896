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

/** Writes need --passwd and a curator login; anonymous writes get 401 and change nothing; LOAD is refused. */
class WriteAuthenticationTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static final String CURATOR = TestServer.basic("ada", "s3cret-pass");
    static final String READER = TestServer.basic("rita", "reader-pass");
    static final String PROBE = "ASK { <urn:test:probe> ?p ?o }";

    @BeforeAll
    static void start() throws Exception {
        Path passwd = dir.resolve("passwd.properties");
        // Jetty realm-properties: user: password, roles. Passwords may be hashed (MD5:, CRYPT:).
        Files.writeString(passwd, "ada: s3cret-pass, curator\nrita: reader-pass, reader\n"
                + "hugo: " + org.eclipse.jetty.util.security.Credential.MD5.digest("h4shed-pass") + ", admin\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anonymous_update_is_401_and_changes_nothing() throws Exception {
        HttpResponse<String> r = server.post("update", "application/sparql-update", "INSERT DATA { <urn:test:anonymous> <urn:test:p> 1 }");
        assertEquals(401, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        assertFalse(server.ask("ASK { GRAPH ?g { <urn:test:anonymous> ?p ?o } }"));
        assertFalse(server.ask("ASK { <urn:test:anonymous> ?p ?o }"));
    }

    @Test
    void anonymous_graph_store_writes_are_401_but_reads_stay_open() throws Exception {
        HttpResponse<String> put = server.post("data?graph=" + TestServer.enc("urn:test:g"), "text/turtle", "<urn:test:probe> <urn:test:p> 1 .");
        assertEquals(401, put.statusCode());
        assertEquals(200, server.get("data?graph=" + TestServer.enc("https://w3id.org/labourgraph/graph/concepts"), "Accept", "text/turtle").statusCode());
    }

    @Test
    void a_user_without_the_curator_role_cannot_write() throws Exception {
        HttpResponse<String> r = server.post("update", "application/sparql-update", "INSERT DATA { <urn:test:probe> <urn:test:p> 1 }",
                "Authorization", READER);
        assertEquals(403, r.statusCode());
    }

    @Test
    void a_curator_can_update_and_load_is_refused_before_it_runs() throws Exception {
        HttpResponse<String> ok = server.post("update", "application/sparql-update",
                "INSERT DATA { GRAPH <urn:test:g> { <urn:test:probe> <urn:test:p> 1 } }", "Authorization", CURATOR);
        assertEquals(2, ok.statusCode() / 100, ok.statusCode() + " " + ok.body());
        assertTrue(server.ask(PROBE));

        HttpResponse<String> load = server.post("update", "application/sparql-update",
                "DROP GRAPH <urn:test:g> ; LOAD <file:///etc/passwd> INTO GRAPH <urn:test:stolen>", "Authorization", CURATOR);
        assertTrue(load.statusCode() >= 400 && load.statusCode() < 500, "status " + load.statusCode());
        assertTrue(load.body().contains("LOAD is disabled"), load.body());
        assertTrue(load.body().contains("INSERT DATA"), "the answer says what to send instead: " + load.body());
        // The whole request rolled back: the DROP before the LOAD did not happen.
        assertTrue(server.ask(PROBE));
        assertFalse(server.ask("ASK { GRAPH <urn:test:stolen> { ?s ?p ?o } }"));
    }

    @Test
    void a_hashed_password_in_the_realm_file_works() throws Exception {
        String hugo = TestServer.basic("hugo", "h4shed-pass");
        HttpResponse<String> r = server.post("update", "application/sparql-update",
                "INSERT DATA { GRAPH <urn:test:h> { <urn:test:hashed> <urn:test:p> 1 } }", "Authorization", hugo);
        assertEquals(2, r.statusCode() / 100, r.statusCode() + " " + r.body());
        assertTrue(server.ask("ASK { GRAPH <urn:test:h> { <urn:test:hashed> <urn:test:p> 1 } }"), "hugo's write is there");
        assertTrue(Files.readString(dir.resolve("passwd.properties")).contains("MD5:"), "the file holds no clear password for hugo");
    }
}
