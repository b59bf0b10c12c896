package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.labourgraph.history.RecordingDataset;

/** A change whose commit is refused leaves the store as it was, and free for the next write on any thread. */
class WriteTransactionTest {
    private static final String GRAPH = "urn:test:graph";

    private final LabourStore store = LabourStore.inMemory();
    private volatile boolean refuse = true;

    WriteTransactionTest() {
        ((RecordingDataset) store.dataset()).addPreCommit((dataset, changes, who) -> {
            if (refuse) {
                throw new IllegalStateException("refused by a pre-commit step (test)");
            }
        });
    }

    @Test
    void an_import_refused_at_its_commit_changes_nothing_and_the_next_write_goes_through_on_this_thread_and_another()
            throws Exception {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> store.importGraphs(Map.of(GRAPH, label("travail fantôme")), false));
        assertTrue(refused.getMessage().contains("refused"), refused.getMessage());
        assertEquals(0, labels());

        refuse = false;
        store.importGraphs(Map.of(GRAPH, label("microtravail")), false);
        // TDB2 has one writer at a time: a transaction left open would block this one for good.
        CompletableFuture.runAsync(() -> store.importGraphs(Map.of(GRAPH, label("travail du clic")), false))
                .get(60, TimeUnit.SECONDS);
        assertEquals(2, labels());
    }

    private static Graph label(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(NodeFactory.createURI("urn:test:concept"), SKOS.prefLabel.asNode(), NodeFactory.createLiteralLang(text, "fr")));
        return g;
    }

    private long labels() {
        return Txn.calculateRead(store.dataset(), () -> store.dataset().stream(NodeFactory.createURI(GRAPH), null, SKOS.prefLabel.asNode(), null).count());
    }
}
