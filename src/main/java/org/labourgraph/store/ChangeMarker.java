package org.labourgraph.store;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    /** A commit that touched more resources than this counts as a change of everything (the map stays small). */
    static final int MAX_TRACKED_PER_COMMIT = 20_000;

    private final Instant openedAt = Instant.now();
    private final AtomicLong commits = new AtomicLong();
    /** Resource IRI → the commit number of the last change that could alter what its page shows. */
    private final ConcurrentHashMap<String, Long> resourceChanges = new ConcurrentHashMap<>();
    /** The commit number of the last change that could alter any page (not scoped to known resources). */
    private volatile long lastChangeOfAll;
    /** The resources the current thread's commit touches, set by its pre-commit step; none: it touches everything. */
    private final ThreadLocal<Set<String>> touching = new ThreadLocal<>();
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

    /**
     * The marker already attached to a dataset, if any, without attaching one: safe inside a transaction, where
     * attaching would wait for the coordinator's exclusive access.
     */
    public static Optional<ChangeMarker> attached(DatasetGraph dataset) {
        synchronized (dataset.getContext()) {
            return dataset.getContext().get(KEY) instanceof ChangeMarker m ? Optional.of(m) : Optional.empty();
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
            public void notifyTxnStart(Transaction transaction) {
                touching.remove(); // what an earlier, aborted transaction of this thread said is not this one's
            }

            @Override
            public void notifyCommitFinish(Transaction transaction) {
                if (transaction.isWriteTxn()) {
                    Set<String> touched = touching.get();
                    touching.remove();
                    long n;
                    synchronized (ChangeMarker.this) {
                        n = commits.incrementAndGet();
                        lastChange.set(Instant.now());
                    }
                    // After the count moved: a page rendered before this commit read an older count, so it is stale now.
                    if (touched == null) {
                        lastChangeOfAll = n;
                    } else {
                        touched.forEach(iri -> resourceChanges.put(iri, n));
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

    /**
     * Says which resources the write transaction of the current thread changes, as seen by their pages (the resource
     * itself and the resources whose pages show it), before it commits; a commit without it changes everything.
     */
    public void touching(Set<String> resourceIris) {
        touching.set(resourceIris.size() > MAX_TRACKED_PER_COMMIT ? null : Set.copyOf(resourceIris));
    }

    /** Forgets what {@link #touching} said, for a transaction that ends without committing. */
    public void touchingNothing() {
        touching.remove();
    }

    /**
     * True if no commit since {@code commitsThen} (a {@link #commits()} value) could have changed what the page of
     * {@code resourceIri} shows; with a null IRI (a page made from the whole store), true only if nothing committed.
     */
    public boolean unchangedSince(long commitsThen, String resourceIri) {
        if (resourceIri == null) {
            return commits.get() == commitsThen;
        }
        return lastChangeOfAll <= commitsThen && resourceChanges.getOrDefault(resourceIri, 0L) <= commitsThen;
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
