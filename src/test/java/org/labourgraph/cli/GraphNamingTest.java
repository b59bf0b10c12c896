package org.labourgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.source.SourceSet;
import org.labourgraph.store.LabourStore;
import org.labourgraph.web.TestServer;

/** Issue 21: a file's named graph is the same whichever way it goes in: serve's data/, load --store, --server or --update-endpoint. */
class GraphNamingTest {
    static final String GLOSSARY = "https://w3id.org/labourgraph/graph/glossary";

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

    static List<String> graphsHolding(LabourStore store, String subject) {
        List<String> graphs = new ArrayList<>();
        Txn.executeRead(store.dataset(), () -> store.dataset().find(null, NodeFactory.createURI(subject), null, null)
                .forEachRemaining(q -> graphs.add(q.getGraph().getURI())));
        return graphs.stream().distinct().toList();
    }

    @Test
    void serve_names_a_data_file_after_its_name() throws Exception {
        Path root = dir.resolve("project");
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("ontology"));
        Files.writeString(root.resolve("data/glossary.ttl"), "<http://example.org/served> <http://example.org/p> \"x\" .\n");
        try (LabourStore store = LabourStore.inMemory()) {
            store.syncSources(SourceSet.discover(root));
            assertEquals(List.of(GLOSSARY), graphsHolding(store, "http://example.org/served"));
        }
    }

    @Test
    void load_into_a_store_folder_uses_the_same_name() throws Exception {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("local")).resolve("glossary.ttl"), "<http://example.org/local> <http://example.org/p> \"x\" .\n");
        Path store = dir.resolve("store");
        LoadCommandTest.Run run = LoadCommandTest.run("load", "--store", store.toString(), file.toString());
        assertEquals(0, run.exit(), run.err());
        try (LabourStore s = LabourStore.open(store)) {
            assertEquals(List.of(GLOSSARY), graphsHolding(s, "http://example.org/local"));
        }
    }

    @Test
    void load_through_an_update_endpoint_uses_the_same_name_default_graph_of_trig_included() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("remote"));
        Path ttl = Files.writeString(folder.resolve("glossary.ttl"), "<http://example.org/remote> <http://example.org/p> \"x\" .\n");
        // A labourgraph server keeps its own entailments: nothing for load to compute and send.
        LoadCommandTest.Run run = LoadCommandTest.run("load", "--update-endpoint", server.server.baseUrl() + "update",
                "--no-entailments", "--user", "ada", "--password-file", password.toString(), ttl.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(List.of(GLOSSARY), graphsHolding(server.store, "http://example.org/remote"));
        Path trig = Files.writeString(folder.resolve("terms.trig"), "<http://example.org/unnamed> <http://example.org/p> \"y\" .\n");
        LoadCommandTest.Run viaServer = LoadCommandTest.run("load", "--server", server.server.baseUrl(), "--user", "ada",
                "--password-file", password.toString(), trig.toString());
        assertEquals(0, viaServer.exit(), viaServer.err());
        assertEquals(List.of("https://w3id.org/labourgraph/graph/terms"), graphsHolding(server.store, "http://example.org/unnamed"));
        assertTrue(server.query("ASK { <http://example.org/remote> ?p ?o }", "application/sparql-results+json").body().contains("true"),
                "what load sends is visible on /sparql");
    }

    @Test
    void load_through_an_update_endpoint_into_a_graph_outside_the_namespace_says_how_a_front_end_will_find_it() throws Exception {
        Path ttl = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("terms.ttl"),
                "<http://example.org/elsewhere> <http://example.org/p> \"z\" .\n");
        LoadCommandTest.Run outside = LoadCommandTest.run("load", "--update-endpoint", server.server.baseUrl() + "update",
                "--no-entailments", "--user", "ada", "--password-file", password.toString(),
                "--graph", "https://example.org/elsewhere", ttl.toString());
        assertEquals(0, outside.exit(), outside.err());
        assertTrue(outside.err().contains("start it with --data-graphs https://example.org/elsewhere"), outside.err());

        LoadCommandTest.Run inside = LoadCommandTest.run("load", "--update-endpoint", server.server.baseUrl() + "update",
                "--no-entailments", "--user", "ada", "--password-file", password.toString(), "--graph", GLOSSARY, ttl.toString());
        assertEquals(0, inside.exit(), inside.err());
        assertTrue(!inside.err().contains("--data-graphs"), inside.err());
    }
}
