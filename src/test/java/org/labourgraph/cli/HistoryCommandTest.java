package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.ProjectPaths;
import org.labourgraph.history.Attribution;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;

/** {@code labourgraph history IRI} and {@code labourgraph revert REV} on a stopped server's store. */
class HistoryCommandTest {
    static final String MICRO_WORK = "https://w3id.org/labourgraph/id/concept/micro-work";
    static final Node ALT = NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#altLabel");

    @TempDir
    Path tmp;

    @Test
    void history_lists_the_revisions_of_a_resource_with_author_message_and_diff_and_revert_undoes_one() throws Exception {
        Path dir = tmp.resolve("store");
        long edit;
        try (LabourStore store = LabourStore.open(dir)) {
            store.syncSources(SourceSet.discover(ProjectPaths.root()));
            new Attribution("ada", "Add the spelling micro travail", Attribution.Channel.LOCAL).during(() ->
                    Txn.executeWrite(store.dataset(), () -> store.dataset().add(NodeFactory.createURI(
                            "https://w3id.org/labourgraph/graph/concepts"), NodeFactory.createURI(MICRO_WORK), ALT,
                            NodeFactory.createLiteralLang("micro travail", "fr"))));
            edit = store.history().head();
        }
        LoadCommandTest.Run history = LoadCommandTest.run("history", MICRO_WORK, "--store", dir.toString());
        assertEquals(0, history.exit(), history.err());
        assertTrue(history.out().contains("r1 "), "the first load created the resource: " + history.out());
        assertTrue(history.out().matches("(?s).*r" + edit + "  \\S+  ada  \\+1 -0  Add the spelling micro travail\n"
                + "    \\+ skos:altLabel \"micro travail\"@fr\n.*"), history.out());

        LoadCommandTest.Run revert = LoadCommandTest.run("revert", Long.toString(edit), "--store", dir.toString());
        assertEquals(0, revert.exit(), revert.err());
        assertTrue(revert.out().contains("Reverted revision " + edit + " as revision " + (edit + 1)), revert.out());
        try (LabourStore store = LabourStore.open(dir)) {
            assertFalse(Txn.calculateRead(store.dataset(), () -> store.dataset().contains(Node.ANY, NodeFactory.createURI(MICRO_WORK), ALT,
                    NodeFactory.createLiteralLang("micro travail", "fr"))));
            assertTrue(store.history().revision(edit + 1).orElseThrow().message().startsWith("Revert revision " + edit));
        }
        assertEquals(1, LoadCommandTest.run("revert", "999", "--store", dir.toString()).exit());
    }

    @Test
    void history_and_revert_work_through_a_running_server_as_the_public_and_a_curator_see_them() throws Exception {
        java.nio.file.Path passwd = java.nio.file.Files.writeString(tmp.resolve("passwd.properties"), "ada: s3cret-pass, curator\n");
        java.nio.file.Path password = java.nio.file.Files.writeString(tmp.resolve("password"), "s3cret-pass\n");
        try (org.labourgraph.web.TestServer server = org.labourgraph.web.TestServer.start(s -> s.withPasswordFile(passwd))) {
            String patch = "TX .\nA <" + MICRO_WORK + "> <http://www.w3.org/2004/02/skos/core#altLabel> \"micro-boulot\"@fr .\nTC .\n";
            var r = server.send("PATCH", "doc/concept/micro-work", "application/rdf-patch", patch,
                    "X-Change-Message", "slang form", "Authorization", org.labourgraph.web.TestServer.basic("ada", "s3cret-pass"));
            assertEquals(200, r.statusCode(), r.body());
            long edit = server.store.history().head();
            LoadCommandTest.Run history = LoadCommandTest.run("history", MICRO_WORK, "--server", server.server.baseUrl());
            assertEquals(0, history.exit(), history.err());
            assertTrue(history.out().contains("r" + edit + "  "), history.out());
            assertTrue(history.out().contains("a curator  +1 -0  slang form"), "display name, never the login: " + history.out());
            assertTrue(history.out().contains("+ skos:altLabel micro-boulot@fr"), history.out());
            LoadCommandTest.Run revert = LoadCommandTest.run("revert", Long.toString(edit), "--server", server.server.baseUrl(),
                    "--user", "ada", "--password-file", password.toString());
            assertEquals(0, revert.exit(), revert.err());
            assertTrue(revert.out().contains("\"reverted\" : " + edit), revert.out());
            assertEquals(edit + 1, server.store.history().head());
        }
    }
}
