package org.labourgraph.store;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.dboe.transaction.txn.TransactionCoordinator;
import org.apache.jena.dboe.transaction.txn.TransactionListener;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * When the store last changed: counts the write transactions that committed since the store was opened
 * (loads, imports, SPARQL Update, Graph Store writes — every path goes through TDB2's transaction
 * coordinator) and keeps the time of the last one. Caches and HTTP validators (ETag, Last-Modified) of
 * anything derived from the data — dumps, the dataset description — key on it.
 *
 * <p>The version is unique per opening of the store (it includes the moment it was opened), so a restart
 * never reuses the validator of different content; at worst a client revalidates once more.
 */
public final class ChangeMarker {
    private static final Symbol KEY = Symbol.create("https://w3id.org/labourgraph/ontology#changeMarker");

    private final Instant openedAt = Instant.now();
    private final AtomicLong commits = new AtomicLong();
    private final AtomicReference<Instant> lastChange = new AtomicReference<>(openedAt);
    private volatile boolean watching;

    private ChangeMarker() {}

    /** The marker of a dataset, attached (and listening to its commits) on first use. */
    public static ChangeMarker of(DatasetGraph dataset) {
        synchronized (dataset.getContext()) {
            Object existing = dataset.getContext().get(KEY);
            if (existing instanceof ChangeMarker m) {
                return m;
            }
            ChangeMarker marker = new ChangeMarker();
            marker.listen(dataset);
            dataset.getContext().set(KEY, marker);
            return marker;
        }
    }

    private void listen(DatasetGraph dataset) {
        // The served dataset wraps TDB2 (text index): the coordinator belongs to the TDB2 dataset underneath.
        Optional<DatasetGraph> tdb = TdbBeneath.of(dataset);
        if (tdb.isEmpty()) {
            return; // not TDB2: the marker stays at "opened", callers still get a valid, stable validator
        }
        TransactionCoordinator coordinator = TDBInternal.getTransactionCoordinator(tdb.get());
        // After start-up the coordinator's configuration is locked: modifyConfig waits for exclusive access.
        coordinator.modifyConfig(() -> coordinator.addListener(new TransactionListener() {
            @Override
            public void notifyCommitFinish(Transaction transaction) {
                if (transaction.isWriteTxn()) {
                    synchronized (ChangeMarker.this) {
                        commits.incrementAndGet();
                        lastChange.set(Instant.now());
                    }
                }
            }
        }));
        watching = true;
    }

    /**
     * True when the marker sees every commit (a TDB2 store): only then may something derived from the data be
     * kept until the version changes. Over another dataset the version never moves.
     */
    public boolean watchesCommits() {
        return watching;
    }

    /** Number of write transactions committed since the store was opened. */
    public long commits() {
        return commits.get();
    }

    /** The time of the last committed change (or of the opening, before any). */
    public Instant lastChange() {
        return lastChange.get();
    }

    /** A short opaque token that changes with every committed write: the base of ETags. */
    public String version() {
        return HexFormat.of().toHexDigits(openedAt.toEpochMilli()) + "-" + Long.toHexString(commits.get());
    }

    /** A snapshot of version and time, read together. */
    public Snapshot snapshot() {
        synchronized (this) {
            return new Snapshot(version(), lastChange());
        }
    }

    /** The marker's state at one moment. */
    public record Snapshot(String version, Instant lastChange) {}
}
