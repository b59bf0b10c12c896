package org.labourgraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labourgraph.history.ChangeLog;

/**
 * Closing the store tells the next start whether the history can be trusted without the crash rule: yes when no
 * write was running, readers or not (a server is often stopped during its start-up warm-ups); no when one was.
 */
class StoreCloseTest {
    @TempDir
    Path tmp;

    @Test
    void a_store_closed_while_a_reader_still_runs_is_marked_clean_at_its_newest_revision() throws Exception {
        Path storeDir = tmp.resolve("store");
        LabourStore store = LabourStore.open(storeDir);
        store.importGraphs(Map.of("urn:test:g", oneTriple("first")), false);
        store.importGraphs(Map.of("urn:test:g", oneTriple("second")), false);
        long newest = store.history().head();
        assertEquals(2, newest);

        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread reader = new Thread(() -> Txn.executeRead(store.dataset(), () -> {
            reading.countDown();
            awaitQuietly(closed);
        }));
        reader.start();
        assertTrue(reading.await(10, TimeUnit.SECONDS));
        store.close();
        closed.countDown();
        reader.join(10_000);

        Path marker = storeDir.resolve("history").resolve(ChangeLog.CLOSED_CLEANLY);
        assertTrue(Files.exists(marker), "a reader left at close does not cost the next start the crash rule");
        assertEquals(Long.toString(newest), Files.readString(marker).trim());
    }

    @Test
    void a_store_closed_while_a_write_is_running_is_not_marked_clean() throws Exception {
        Path storeDir = tmp.resolve("store");
        LabourStore store = LabourStore.open(storeDir);
        store.importGraphs(Map.of("urn:test:g", oneTriple("first")), false);

        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        DatasetGraph dataset = store.dataset();
        Thread writer = new Thread(() -> {
            dataset.begin(ReadWrite.WRITE);
            dataset.add(NodeFactory.createURI("urn:test:g"), NodeFactory.createURI("urn:test:s"),
                    NodeFactory.createURI("urn:test:p"), NodeFactory.createLiteralString("in flight"));
            writing.countDown();
            awaitQuietly(closed);
            try {
                dataset.abort();
            } catch (RuntimeException afterClose) {
                // The store is closed under it: what matters here is only what the close wrote.
            }
        });
        writer.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        store.close();
        closed.countDown();
        writer.join(10_000);

        assertTrue(Files.notExists(storeDir.resolve("history").resolve(ChangeLog.CLOSED_CLEANLY)),
                "with a write running, the next start must run the crash rule");
    }

    private static Graph oneTriple(String value) {
        Graph g = GraphFactory.createDefaultGraph();
        g.add(Triple.create(NodeFactory.createURI("urn:test:s"), NodeFactory.createURI("urn:test:p"),
                NodeFactory.createLiteralString(value)));
        return g;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
