package org.labourgraph.sparql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.sse.SSE;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.labourgraph.store.ChangeMarker;
import org.labourgraph.vocab.LG;

/** The graphs the page queries name: every data graph but the entailment graph, listed again after each commit. */
class StatedGraphsTest {
    private static final Node CONCEPTS = NodeFactory.createURI(LG.GRAPH_NS + "concepts.ttl");
    private static final Node WORKS = NodeFactory.createURI(LG.GRAPH_NS + "works.ttl");
    private static final Node ENTAILMENTS = NodeFactory.createURI(LG.ENTAILMENT_GRAPH);

    @Test
    void the_entailment_graph_is_never_named_and_a_graph_made_by_a_commit_is() {
        DatasetGraph store = DatabaseMgr.createDatasetGraph();
        ChangeMarker.of(store);
        Txn.executeWrite(store, () -> {
            store.add(CONCEPTS, SSE.parseNode(":a"), SSE.parseNode("skos:broader"), SSE.parseNode(":b"));
            store.add(ENTAILMENTS, SSE.parseNode(":a"), SSE.parseNode("skos:broaderTransitive"), SSE.parseNode(":b"));
        });

        List<Node> first = Txn.calculateRead(store, () -> StatedGraphs.of(store));
        assertEquals(List.of(CONCEPTS), first);
        assertSame(first, Txn.calculateRead(store, () -> StatedGraphs.of(store)), "kept while nothing commits");

        Txn.executeWrite(store, () -> store.add(WORKS, SSE.parseNode(":w"), SSE.parseNode("dct:title"), SSE.parseNode("'Ghost Work'")));
        List<Node> after = Txn.calculateRead(store, () -> StatedGraphs.of(store));
        assertNotSame(first, after);
        assertEquals(List.of(CONCEPTS, WORKS), after, "in IRI order");
    }

    @Test
    void a_dataset_the_server_does_not_watch_is_listed_each_time() {
        DatasetGraph revision = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(revision, () -> revision.add(WORKS, SSE.parseNode(":w"), SSE.parseNode("dct:title"), SSE.parseNode("'x'")));
        assertEquals(List.of(WORKS), Txn.calculateRead(revision, () -> StatedGraphs.of(revision)));
        Txn.executeWrite(revision, () -> revision.add(CONCEPTS, SSE.parseNode(":a"), SSE.parseNode("skos:broader"), SSE.parseNode(":b")));
        assertEquals(List.of(CONCEPTS, WORKS), Txn.calculateRead(revision, () -> StatedGraphs.of(revision)));
    }

    @Test
    void listed_data_graphs_lose_the_entailment_graph_and_are_put_in_order() {
        assertEquals(List.of(CONCEPTS, WORKS), StatedGraphs.of(List.of(WORKS.getURI(), LG.ENTAILMENT_GRAPH, CONCEPTS.getURI())));
    }
}
