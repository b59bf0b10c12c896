package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.system.Txn;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;

/** The store's quad count, and the bounded question an edit asks of it ("at least n?"), on quads and default-graph triples. */
class QuadCountTest {
    @Test
    void at_least_answers_as_the_full_count_does_without_reading_past_n() {
        DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
        QuadCount count = new QuadCount(tdb, tdb);
        assertTrue(count.atLeast(0));
        assertFalse(count.atLeast(1), "empty");
        Txn.executeWrite(tdb, () -> {
            for (int i = 0; i < 7; i++) {
                tdb.add(NodeFactory.createURI("urn:g"), NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"),
                        NodeFactory.createLiteralString("o"));
            }
            for (int i = 0; i < 3; i++) {  // the default graph: TDB2's triple table
                tdb.getDefaultGraph().add(NodeFactory.createURI("urn:d" + i), NodeFactory.createURI("urn:p"), NodeFactory.createURI("urn:o"));
            }
        });
        long stored = count.stored();
        assertEquals(10, stored);
        for (long n = 0; n <= 12; n++) {
            assertEquals(stored >= n, count.atLeast(n), "at least " + n);
        }
    }

    @Test
    void a_store_counts_every_quad_entailments_included() throws Exception {
        try (LabourStore store = LabourStore.inMemory()) {
            Graph g = GraphFactory.createDefaultGraph();
            g.add(NodeFactory.createURI("urn:a"), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#broader"), NodeFactory.createURI("urn:b"));
            store.importGraphs(Map.of("urn:test:g", g), false);
            long all = Txn.calculateRead(store.dataset(), () -> org.apache.jena.atlas.iterator.Iter.count(
                    store.dataset().find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY,
                            org.apache.jena.graph.Node.ANY)));
            assertEquals(all, store.quadCount());
            assertTrue(all > 1, "the broader link entails its inverse and the transitive pairs: " + all);
        }
    }
}
