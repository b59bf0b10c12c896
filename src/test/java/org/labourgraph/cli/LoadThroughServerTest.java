package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.TestServer;

/** {@code load --server}: a running server's store is written only through the server, authenticated, in one transaction. */
class LoadThroughServerTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static Path password;

    @BeforeAll
    static void start() throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        password = Files.writeString(dir.resolve("ada.password"), "s3cret-pass\n");
        server = TestServer.start(s -> s.withPasswordFile(passwd));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void files_are_imported_through_the_server_in_one_request() throws Exception {
        Path a = Files.writeString(dir.resolve("shelf.ttl"), "<http://example.org/shelf> <http://example.org/holds> \"a book\" .\n");
        LoadCommandTest.Run run = LoadCommandTest.run("load", "--server", server.server.baseUrl(), "--user", "ada",
                "--password-file", password.toString(), a.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(server.query("ASK { GRAPH <https://w3id.org/labourgraph/graph/import/shelf> { <http://example.org/shelf> ?p ?o } }",
                "application/sparql-results+json").body().contains("true"));
    }

    @Test
    void a_wrong_password_imports_nothing_and_says_so() throws Exception {
        Path wrong = Files.writeString(dir.resolve("wrong.password"), "guess\n");
        Path a = Files.writeString(dir.resolve("other.ttl"), "<http://example.org/other> <http://example.org/p> 1 .\n");
        LoadCommandTest.Run run = LoadCommandTest.run("load", "--server", server.server.baseUrl(), "--user", "ada",
                "--password-file", wrong.toString(), a.toString());
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("HTTP 401"), run.err());
        assertTrue(server.query("ASK { <http://example.org/other> ?p ?o }", "application/sparql-results+json").body().contains("false"));
    }
}
