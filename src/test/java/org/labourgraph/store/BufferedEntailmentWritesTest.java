package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.sse.SSE;
import org.junit.jupiter.api.Test;

/** The entailment rules' writes are held and read back as written; only the net difference reaches the store. */
class BufferedEntailmentWritesTest {
    private static final Node G = SSE.parseNode("<urn:x:entailments>");
    private static final Node BT = SSE.parseNode("skos:broaderTransitive");

    private static Quad pair(String narrower, String broader) {
        return Quad.create(G, SSE.parseNode(":" + narrower), BT, SSE.parseNode(":" + broader));
    }

    @Test
    void a_pair_taken_out_then_put_back_is_never_written_and_reads_as_present_throughout() {
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        store.add(pair("leaf", "top"));
        BufferedEntailmentWrites buffered = new BufferedEntailmentWrites(store);

        buffered.delete(pair("leaf", "top"));
        assertFalse(buffered.contains(pair("leaf", "top")), "deleted, as the rules see it");
        assertTrue(store.contains(pair("leaf", "top")), "but not in the store");
        buffered.add(pair("leaf", "top"));
        buffered.add(pair("leaf", "sibling"));
        assertTrue(buffered.contains(Node.ANY, SSE.parseNode(":leaf"), BT, SSE.parseNode(":sibling")));
        assertEquals(2, list(buffered.find(Node.ANY, SSE.parseNode(":leaf"), BT, Node.ANY)).size(), "the store's and the held pair");
        assertEquals(List.of(pair("leaf", "sibling")), list(buffered.find(Node.ANY, Node.ANY, BT, SSE.parseNode(":sibling"))));

        buffered.flush();
        assertEquals(new IncrementalEntailments.Counts(1, 0), buffered.written(), "one net write: the new pair");
        assertTrue(store.contains(pair("leaf", "top")) && store.contains(pair("leaf", "sibling")));
    }

    @Test
    void an_added_pair_deleted_again_leaves_nothing_and_a_full_buffer_writes_what_it_holds() {
        DatasetGraph store = DatasetGraphFactory.createTxnMem();
        store.add(pair("a", "old"));
        BufferedEntailmentWrites buffered = new BufferedEntailmentWrites(store, 3);
        buffered.add(pair("a", "x"));
        buffered.delete(pair("a", "x"));
        assertFalse(buffered.contains(pair("a", "x")));
        buffered.delete(pair("a", "old"));
        buffered.add(pair("a", "y"));
        assertEquals(new IncrementalEntailments.Counts(0, 0), buffered.written(), "two held: nothing written yet");
        buffered.add(pair("a", "z"));
        assertEquals(new IncrementalEntailments.Counts(2, 1), buffered.written(), "three held: the net so far is written");
        assertFalse(store.contains(pair("a", "old")));
        assertTrue(store.contains(pair("a", "y")) && store.contains(pair("a", "z")) && !store.contains(pair("a", "x")));
        assertEquals(2, list(buffered.find(Node.ANY, SSE.parseNode(":a"), BT, Node.ANY)).size(), "reads go on after the write");
    }

    private static List<Quad> list(java.util.Iterator<Quad> it) {
        List<Quad> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
