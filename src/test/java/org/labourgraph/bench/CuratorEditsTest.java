package org.labourgraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.web.TestServer;

/**
 * The benchmark's curator edits on a generated thesaurus, against a server that checks the shapes on every write:
 * each edit must be one the server accepts (the benchmark measures edits, not refusals), and the store must end as
 * it began.
 */
@Tag("slow")
class CuratorEditsTest {
    private static final ThesaurusGenerator GENERATOR = ThesaurusGenerator.forTriples(1_000, 1);
    private static final Node GENERATED = NodeFactory.createURI("https://w3id.org/labourgraph/graph/generated");

    @TempDir
    Path folder;

    @Test
    void every_curator_edit_passes_the_shapes_and_the_store_ends_as_it_began() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GENERATOR.write(out, n -> { });
        Graph graph = GraphFactory.createDefaultGraph();
        RDFDataMgr.read(graph, new ByteArrayInputStream(out.toByteArray()), Lang.NTRIPLES);
        Path passwd = CuratorEdits.passwordFile(folder);
        try (TestServer server = TestServer.start(
                store -> store.importGraphs(Map.of(GENERATED.getURI(), graph), false),
                s -> s.withPasswordFile(passwd))) {
            CuratorEdits.Targets targets = CuratorEdits.Targets.of(GENERATOR);
            BenchResults results = new BenchResults();

            new CuratorEdits().run(1_000, URI.create(server.server.baseUrl()), targets, results);

            for (String series : CuratorEdits.series()) {
                assertTrue(results.stats(1_000, series, "p50 ms").isPresent(), "no figures for " + series);
            }
            for (String kind : List.of("update", "patch", "data")) {
                assertTrue(results.stats(1_000, "edit/" + kind + "/warm-up", "p50 ms").isEmpty(), "warm-up edits are not timed");
            }
            assertEquals(List.of(), benchLabels(server), "labels the edits left behind");
            Node nearTop = NodeFactory.createURI(targets.nearTop());
            Node top = NodeFactory.createURI(targets.top());
            Node sibling = NodeFactory.createURI(targets.otherTop());
            assertTrue(stated(server, nearTop, SKOS.broader.asNode(), top), "the moved concept is back under the top");
            assertTrue(stated(server, top, SKOS.narrower.asNode(), nearTop), "the top lists it again");
            assertFalse(stated(server, sibling, SKOS.narrower.asNode(), nearTop), "the sibling no longer lists it");
        }
    }

    /** Whether the generated graph states it (the entailments would hold either link for the other). */
    private static boolean stated(TestServer server, Node s, Node p, Node o) {
        return Txn.calculateRead(server.store.dataset(), () -> server.store.dataset().contains(GENERATED, s, p, o));
    }

    private static List<Quad> benchLabels(TestServer server) {
        return Txn.calculateRead(server.store.dataset(), () -> server.store.dataset()
                .stream(Node.ANY, Node.ANY, SKOS.altLabel.asNode(), Node.ANY)
                .filter(q -> q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().startsWith("bench edit"))
                .toList());
    }
}
