package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.labourgraph.history.ChangeLog;
import org.labourgraph.history.RecordingDataset;

/** Writes through the history recorder reach TDB2 and the text index after one lookup, not two, and index the same. */
class PrecheckedTextDatasetTest {
    private static final Node G = NodeFactory.createURI("urn:test:g");
    private static final Node S = NodeFactory.createURI("urn:test:s");
    private static final Node LABEL = SKOS.prefLabel.asNode();
    private static final Node TRAVAIL = NodeFactory.createLiteralLang("travail du clic", "fr");

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final AtomicInteger lookups = new AtomicInteger();
    /** TDB2, counting the quad lookups that reach it. */
    private final DatasetGraph tdb = new DatasetGraphWrapper(DatabaseMgr.createDatasetGraph()) {
        @Override
        public boolean contains(Node g, Node s, Node p, Node o) {
            lookups.incrementAndGet();
            return super.contains(g, s, p, o);
        }
    };
    private final DatasetGraph text = BackgroundTextIndexing.textDataset(tdb,
            new BackgroundTextIndexing.CheckedLuceneIndex(directory, TextIndexLayout.config()));
    private final RecordingDataset recorded = new RecordingDataset(text, ChangeLog.inMemory(), NodeFactory.createURI("urn:test:entailed"));

    @Test
    void an_add_and_a_delete_through_the_recorder_each_look_their_quad_up_once() throws IOException {
        Txn.executeWrite(recorded, () -> recorded.add(G, S, LABEL, TRAVAIL));
        assertEquals(1, lookups.getAndSet(0), "lookups of one add");
        assertEquals(1, documents());
        Txn.executeWrite(recorded, () -> recorded.delete(G, S, LABEL, TRAVAIL));
        assertEquals(1, lookups.get(), "lookups of one delete");
        assertEquals(0, documents());
        assertEquals(0L, (long) Txn.calculateRead(tdb, () -> tdb.stream().count()));
    }

    @Test
    void a_quad_written_twice_through_the_recorder_or_the_text_dataset_is_one_document() throws IOException {
        Txn.executeWrite(recorded, () -> {
            recorded.add(G, S, LABEL, TRAVAIL);
            recorded.add(G, S, LABEL, TRAVAIL);
        });
        Txn.executeWrite(text, () -> text.add(G, S, LABEL, TRAVAIL)); // not pre-checked: Jena's own lookup still runs
        assertEquals(1, documents());
        assertEquals(1, recorded.log().revisions().size(), "one revision: the second add and the direct one changed nothing");
    }

    private int documents() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }
}
