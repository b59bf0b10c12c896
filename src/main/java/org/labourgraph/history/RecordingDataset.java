package org.labourgraph.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.GraphView;
import org.apache.jena.sparql.core.Quad;

/**
 * The served dataset: every write goes through here, on its way to the text index and TDB2 underneath. It keeps the
 * net change of the current write transaction (quads really added, quads really deleted — not the no-op writes), and
 * when the transaction commits with a change it 1) runs the pre-commit steps (the shapes check, the entailment
 * refresh: a refusal aborts the change), 2) writes the change to the {@link ChangeLog}, durably, 3) commits to TDB2.
 * Graph views handed out for writing write through here too, as the text index's own wrapper does.
 */
public final class RecordingDataset extends DatasetGraphWrapper implements PrecheckedWrites {
    /** A step run inside the write transaction just before a change commits; it may throw to refuse the change. */
    public interface PreCommit {
        /** @param store the dataset under the recorder (writes there are not recorded) */
        void beforeCommit(DatasetGraph store, ChangeSet changes, Attribution who);
    }

    /** The net change of a transaction, read-only. */
    public record ChangeSet(Set<Quad> added, Set<Quad> deleted) {
        /** The IRIs whose statements (as subject) changed. */
        public Set<Node> subjects() {
            Set<Node> out = new LinkedHashSet<>();
            for (Set<Quad> quads : List.of(added, deleted)) {
                quads.forEach(q -> {
                    if (q.getSubject().isURI()) {
                        out.add(q.getSubject());
                    }
                });
            }
            return out;
        }

        public boolean isEmpty() {
            return added.isEmpty() && deleted.isEmpty();
        }
    }

    private static final int SLICE = 1000;
    private final ChangeLog log;
    private final Node derivedGraph;
    private final List<PreCommit> steps = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();
    private final ThreadLocal<Revision> lastCommitted = new ThreadLocal<>();

    /**
     * @param derivedGraph a graph computed from the others (the entailments): its changes are not history
     */
    public RecordingDataset(DatasetGraph store, ChangeLog log, Node derivedGraph) {
        super(store);
        this.log = log;
        this.derivedGraph = derivedGraph;
        log.attachTo(this);
    }

    public ChangeLog log() {
        return log;
    }

    /** Adds a step run before every commit that changes something (in the order added). */
    public void addPreCommit(PreCommit step) {
        steps.add(step);
    }

    /** The revision the current thread's last commit made (empty if that commit changed nothing). */
    public java.util.Optional<Revision> lastCommitted() {
        return java.util.Optional.ofNullable(lastCommitted.get());
    }

    /** The change the current thread's write transaction has made so far. */
    public ChangeSet pendingChanges() {
        Pending p = pending.get();
        return p == null ? new ChangeSet(Set.of(), Set.of()) : p.view();
    }

    // ---- writes: check first, so that only real changes are recorded

    @Override
    public void add(Quad quad) {
        add(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        if (getWrapped().contains(g, s, p, o)) {
            return;
        }
        PrecheckedWrites.addAbsent(getWrapped(), g, s, p, o);
        record(true, Quad.create(g, s, p, o));
    }

    /** For a caller that knows the quad is absent (a bulk import's filter): recorded without a lookup. */
    @Override
    public void addAbsent(Node g, Node s, Node p, Node o) {
        PrecheckedWrites.addAbsent(getWrapped(), g, s, p, o);
        record(true, Quad.create(g, s, p, o));
    }

    @Override
    public void deletePresent(Node g, Node s, Node p, Node o) {
        PrecheckedWrites.deletePresent(getWrapped(), g, s, p, o);
        record(false, Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad quad) {
        delete(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        if (!getWrapped().contains(g, s, p, o)) {
            return;
        }
        PrecheckedWrites.deletePresent(getWrapped(), g, s, p, o);
        record(false, Quad.create(g, s, p, o));
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        while (true) {
            List<Quad> some = new ArrayList<>(SLICE);
            Iterator<Quad> it = getWrapped().find(g, s, p, o);
            while (it.hasNext() && some.size() < SLICE) {
                some.add(it.next());
            }
            some.forEach(this::delete);
            if (some.size() < SLICE) {
                return;
            }
        }
    }

    @Override
    public void addGraph(Node graphName, Graph graph) {
        graph.find().forEachRemaining((Triple t) -> add(graphName, t.getSubject(), t.getPredicate(), t.getObject()));
    }

    @Override
    public void removeGraph(Node graphName) {
        deleteAny(graphName, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    @Override
    public Graph getDefaultGraph() {
        return GraphView.createDefaultGraph(this);
    }

    @Override
    public Graph getGraph(Node graphNode) {
        return GraphView.createNamedGraph(this, graphNode);
    }

    /**
     * For the current write transaction (a bulk import of millions of quads): its rows go to a file in
     * {@code folder} as they happen, not into memory, and the revision is made from that file. Call before writing.
     */
    public void recordRowsOnDisk(java.nio.file.Path folder) {
        Pending p = pending.get();
        if (p == null) {
            p = new Pending();
            pending.set(p);
        }
        if (!p.added.isEmpty() || !p.deleted.isEmpty() || p.spill != null) {
            throw new IllegalStateException("Rows on disk must be asked for before the transaction writes");
        }
        Attribution who = Attribution.current();
        p.spill = new SpilledRows(folder, log.nextNumber(), who.author(), who.message());
    }

    private void record(boolean added, Quad q) {
        if (q.getGraph().equals(derivedGraph)) {
            return;
        }
        Pending p = pending.get();
        if (p == null) {
            p = new Pending();
            pending.set(p);
        }
        if (p.spill != null) {
            if (added) {
                p.spill.add(q);
            } else {
                p.spill.delete(q);
            }
            return;
        }
        if (added) {
            if (!p.deleted.remove(q)) {
                p.added.add(q);
            }
        } else if (!p.added.remove(q)) {
            p.deleted.add(q);
        }
    }

    // ---- transactions

    @Override
    public void commit() {
        Pending p = pending.get();
        lastCommitted.remove();
        if (p != null && p.spill != null && transactionMode() == ReadWrite.WRITE) {
            commitSpilled(p);
            return;
        }
        if (p == null || p.view().isEmpty() || transactionMode() != ReadWrite.WRITE) {
            pending.remove();
            super.commit();
            return;
        }
        Attribution who = Attribution.current();
        ChangeSet changes = p.view();
        for (PreCommit step : steps) {
            step.beforeCommit(getWrapped(), changes, who); // a refusal leaves the transaction to the caller's abort
        }
        Revision r = new Revision(log.nextNumber(), Instant.now(), who.author(), who.message(),
                List.copyOf(p.added), List.copyOf(p.deleted));
        log.write(r);
        commitWithEntry(r);
    }

    /** Commits to TDB2 with the entry already written: visible together, or the entry is removed again. */
    private void commitWithEntry(Revision r) {
        pending.remove();
        try {
            log.commitVisibly(super::commit, r);
            lastCommitted.set(r);
        } catch (RuntimeException | Error e) {
            log.discard(r);
            throw e;
        }
    }

    /** A bulk change whose rows are on disk: the steps see no rows (see {@link SpilledRows}), its file becomes the entry. */
    private void commitSpilled(Pending p) {
        try (SpilledRows rows = p.spill) {
            if (rows.isEmpty()) {
                pending.remove();
                super.commit();
                return;
            }
            Attribution who = Attribution.current();
            ChangeSet none = new ChangeSet(Set.of(), Set.of());
            for (PreCommit step : steps) {
                step.beforeCommit(getWrapped(), none, who);
            }
            if (rows.number() != log.nextNumber()) {  // cannot happen while TDB2 lets one writer at a time
                throw new IllegalStateException("bulk change numbered " + rows.number() + " commits as " + log.nextNumber());
            }
            commitWithEntry(log.writeFromFile(rows.number(), rows.finish(Instant.now())));
        }
    }

    @Override
    public void abort() {
        dropPending();
        super.abort();
    }

    @Override
    public void end() {
        dropPending();
        super.end();
    }

    private void dropPending() {
        Pending p = pending.get();
        if (p != null && p.spill != null) {
            p.spill.close();
        }
        pending.remove();
    }

    /** The net change of one write transaction. */
    private static final class Pending {
        final Set<Quad> added = new LinkedHashSet<>();
        final Set<Quad> deleted = new LinkedHashSet<>();
        /** Set for a bulk change: its rows go to disk instead of the sets above. */
        SpilledRows spill;

        ChangeSet view() {
            return new ChangeSet(Collections.unmodifiableSet(added), Collections.unmodifiableSet(deleted));
        }
    }
}
