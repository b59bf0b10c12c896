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
        assertTrue(server.query("ASK { GRAPH <https://w3id.org/labourgraph/graph/shelf> { <http://example.org/shelf> ?p ?o } }",
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

    @Test
    void private_notes_go_through_the_curators_area_and_never_reach_the_public_endpoint() throws Exception {
        Path note = Files.writeString(dir.resolve("drafts.ttl"), """
                <https://w3id.org/labourgraph/id/note/draft-on-microwork> a <https://w3id.org/labourgraph/ontology#Note> ;
                    <https://w3id.org/labourgraph/ontology#visibility> <https://w3id.org/labourgraph/ontology#Private> ;
                    <http://www.w3.org/2000/01/rdf-schema#label> "Draft on micro-work"@en .
                """);
        long publicQuads = server.store.quadCount();
        LoadCommandTest.Run run = LoadCommandTest.run("load", "--server", server.server.baseUrl(), "--user", "ada",
                "--password-file", password.toString(), "--visibility", "private", note.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("private graph(s)"), run.err());
        assertEquals(publicQuads, server.store.quadCount(), "the public store did not change");
        var view = server.store.curatorView();
        assertTrue(org.apache.jena.system.Txn.calculateRead(view, () -> view.getGraph(org.apache.jena.graph.NodeFactory.createURI(
                "https://w3id.org/labourgraph/graph/drafts")).size() == 3), "the curators' view holds the three triples");
        assertTrue(server.query("ASK { <https://w3id.org/labourgraph/id/note/draft-on-microwork> ?p ?o }",
                "application/sparql-results+json").body().contains("false"));
    }

    @Test
    void private_notes_never_go_to_a_foreign_update_service() throws Exception {
        Path note = Files.writeString(dir.resolve("foreign.ttl"), "<http://example.org/n> <http://example.org/p> 1 .\n");
        LoadCommandTest.Run run = LoadCommandTest.run("load", "--update-endpoint", server.server.baseUrl() + "update",
                "--visibility", "private", note.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().contains("--visibility private"), run.err());
    }
}
