package org.labourgraph.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Node;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextDatasetFactory;
import org.apache.jena.query.text.TextDocProducer;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.changes.TextQuadAction;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.store.Directory;

/**
 * The text index's share of a write transaction, one document per indexed triple as Jena's own producer makes
 * them, with a large transaction's documents analysed and added to Lucene on a second thread while the writer goes
 * on with TDB2. JFR of a 10^6-triple load put 14 % of it in Lucene's {@code addDocument}, all on the writer thread.
 *
 * <p>Every document is in the index writer before the transaction's {@link #finish()} returns, which the text
 * dataset calls before it prepares the index's commit (and before a rollback): a commit or an abort sees the same
 * index as with Jena's producer. A failure on the second thread fails the index's {@code prepareCommit}, where the
 * text dataset already handles an index that cannot commit (it aborts the transaction and throws). A small
 * transaction (a SPARQL update, an edit) never leaves the writer's thread. Jena calls {@code start} and
 * {@code finish} for readers too, from any thread; only the one writer (TDB2 has one at a time) calls
 * {@code change}, so only its finish waits.
 */
final class BackgroundTextIndexing implements TextDocProducer {
    /** Changes handed to the second thread at a time; a transaction with fewer stays on the writer's thread. */
    static final int BATCH = 1_000;
    /** Batches waiting for the second thread at most, which bounds the memory held when it falls behind. */
    private static final int BATCHES_IN_FLIGHT = 32;

    /** A Lucene index that refuses to commit a transaction whose background indexing failed. */
    static class CheckedLuceneIndex extends TextIndexLucene {
        /** The first failure of the running write transaction's indexing, until its commit or rollback. */
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        CheckedLuceneIndex(Directory directory, TextIndexConfig config) {
            super(directory, config);
        }

        @Override
        public void prepareCommit() {
            Throwable failed = failure.getAndSet(null);
            if (failed != null) {
                throw new TextIndexException("Text indexing failed: " + failed.getMessage(), failed);
            }
            super.prepareCommit();
        }

        @Override
        public void rollback() {
            failure.set(null); // rolled back with everything else
            super.rollback();
        }
    }

    /** The text-indexed dataset over {@code base}: as {@link TextDatasetFactory#createLucene}, with this producer. */
    static DatasetGraph textDataset(DatasetGraph base, CheckedLuceneIndex index) {
        return new PrecheckedTextDataset(base, index, new BackgroundTextIndexing(index));
    }

    private record Change(boolean add, Entity entity) {}

    private final CheckedLuceneIndex index;
    private final EntityDefinition definition;

    // The running write transaction's state: set and read by its thread only, except for the owner check.
    private volatile Thread writer;
    private List<Change> batch = new ArrayList<>();
    private ExecutorService worker;
    private Semaphore inFlight;
    private Future<?> last;

    private BackgroundTextIndexing(CheckedLuceneIndex index) {
        this.index = index;
        this.definition = index.getDocDef();
    }

    @Override
    public void start() {
        // Readers start too: nothing to prepare until a change arrives.
    }

    @Override
    public void change(TextQuadAction action, Node g, Node s, Node p, Node o) {
        if (action != TextQuadAction.ADD && action != TextQuadAction.DELETE) {
            return;
        }
        // Outside a transaction TDB2 refuses the change before it reaches here, so there is never an auto-commit to do.
        Entity entity = TextQueryFuncs.entityFromQuad(definition, g, s, p, o);
        if (entity == null) {
            return; // not an indexed property
        }
        writer = Thread.currentThread();
        batch.add(new Change(action == TextQuadAction.ADD, entity));
        if (batch.size() >= BATCH) {
            handOver();
        }
    }

    @Override
    public void finish() {
        if (writer != Thread.currentThread()) {
            return; // a reader's transaction, or a writer that changed nothing indexed
        }
        try {
            if (last != null) {
                last.get(); // the second thread's batches first: changes apply in the order they were made
            }
            if (index.failure.get() == null) {
                apply(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            index.failure.compareAndSet(null, e);
        } catch (ExecutionException e) {
            index.failure.compareAndSet(null, e.getCause());
        } catch (RuntimeException e) {
            index.failure.compareAndSet(null, e);
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
            worker = null;
            inFlight = null;
            last = null;
            batch = new ArrayList<>();
            writer = null;
        }
    }

    @Override
    public void reset() {
        // Nothing held between transactions.
    }

    private void handOver() {
        if (worker == null) {
            worker = Executors.newSingleThreadExecutor(task -> {
                Thread t = new Thread(task, "labourgraph-text-indexing");
                t.setDaemon(true);
                return t;
            });
            inFlight = new Semaphore(BATCHES_IN_FLIGHT);
        }
        List<Change> full = batch;
        batch = new ArrayList<>(BATCH);
        Semaphore permits = inFlight;
        permits.acquireUninterruptibly();
        // One thread, in order: a delete after an add of the same document is applied after it. After a failure the
        // rest is skipped: the commit fails anyway.
        last = worker.submit(() -> {
            try {
                if (index.failure.get() == null) {
                    apply(full);
                }
            } catch (RuntimeException | Error e) {
                index.failure.compareAndSet(null, e);
            } finally {
                permits.release();
            }
        });
    }

    private void apply(List<Change> changes) {
        for (Change c : changes) {
            if (c.add()) {
                index.addEntity(c.entity());
            } else {
                index.deleteEntity(c.entity());
            }
        }
    }
}
