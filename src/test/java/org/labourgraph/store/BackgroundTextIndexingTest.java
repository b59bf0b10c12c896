package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Text indexing of large transactions on a second thread: same index as indexing in place, at commit and at abort. */
class BackgroundTextIndexingTest {
    private static final Node G = NodeFactory.createURI("urn:test:g");
    private static final Node LABEL = SKOS.prefLabel.asNode();
    private static final Node NOT_INDEXED = NodeFactory.createURI("urn:test:notIndexed");
    private static final int BULK = 5 * BackgroundTextIndexing.BATCH + 17;

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    /** Threads that added documents, and a subject whose document fails (none by default). */
    private final Set<String> indexingThreads = ConcurrentHashMap.newKeySet();
    private volatile String failOn = "";
    private final BackgroundTextIndexing.CheckedLuceneIndex index = new BackgroundTextIndexing.CheckedLuceneIndex(directory,
            TextIndexLayout.config()) {
        @Override
        public void addEntity(Entity entity) {
            indexingThreads.add(Thread.currentThread().getName());
            if (entity.getId().equals(failOn)) {
                throw new TextIndexException("disk full (test)");
            }
            super.addEntity(entity);
        }
    };
    private final DatasetGraph tdb = DatabaseMgr.createDatasetGraph();
    private final DatasetGraph text = BackgroundTextIndexing.textDataset(tdb, index);

    @Test
    void a_bulk_transaction_has_every_document_at_its_commit_and_a_delete_after_its_add_wins() throws IOException {
        Txn.executeWrite(text, () -> {
            for (int i = 0; i < BULK; i++) {
                text.add(G, subject(i), LABEL, NodeFactory.createLiteralLang("étiquette " + i, "fr"));
                text.add(G, subject(i), NOT_INDEXED, NodeFactory.createLiteralString("ignored " + i));
            }
            // Added in the first batch, handed over long ago; deleted in the last, which stays on this thread.
            text.delete(G, subject(0), LABEL, NodeFactory.createLiteralLang("étiquette 0", "fr"));
        });
        assertEquals(BULK - 1, documents());
        assertTrue(indexingThreads.contains("labourgraph-text-indexing"), indexingThreads::toString);
        assertEquals(BULK, index.query(LABEL, "étiquette", null, null, 10 * BULK).size() + 1);
    }

    @Test
    void a_small_transaction_is_indexed_on_the_writer_s_own_thread() throws IOException {
        Txn.executeWrite(text, () -> text.add(G, subject(1), LABEL, NodeFactory.createLiteralLang("travail", "fr")));
        assertEquals(1, documents());
        assertEquals(Set.of(Thread.currentThread().getName()), indexingThreads);
    }

    @Test
    void an_aborted_bulk_transaction_leaves_the_index_and_the_store_as_they_were() throws IOException {
        text.begin(ReadWrite.WRITE);
        for (int i = 0; i < BULK; i++) {
            text.add(G, subject(i), LABEL, NodeFactory.createLiteralLang("étiquette " + i, "fr"));
        }
        text.abort();
        text.end();
        assertEquals(0, documents());
        assertEquals(0L, (long) Txn.calculateRead(text, () -> (long) text.stream().count()));
    }

    @Test
    void a_failure_on_the_second_thread_fails_the_commit_and_changes_nothing() throws IOException {
        failOn = subject(BackgroundTextIndexing.BATCH + 3).getURI(); // in the second batch: on the second thread
        text.begin(ReadWrite.WRITE);
        try {
            for (int i = 0; i < BULK; i++) {
                text.add(G, subject(i), LABEL, NodeFactory.createLiteralLang("étiquette " + i, "fr"));
            }
            TextIndexException e = assertThrows(TextIndexException.class, text::commit);
            assertTrue(e.getMessage().contains("disk full (test)"), e.getMessage());
        } finally {
            text.end(); // as Fuseki's actions do: a failed commit is rolled back by the end of the transaction
        }
        assertEquals(0, documents());
        assertEquals(0L, (long) Txn.calculateRead(text, () -> (long) text.stream().count()));
        failOn = "";
        Txn.executeWrite(text, () -> text.add(G, subject(1), LABEL, NodeFactory.createLiteralLang("encore", "fr")));
        assertEquals(1, documents(), "the next transaction indexes as usual");
    }

    private static Node subject(int i) {
        return NodeFactory.createURI("urn:test:s" + i);
    }

    private int documents() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.numDocs();
        }
    }
}
