package org.labourgraph.store;

import java.util.Iterator;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.labourgraph.history.PrecheckedWrites;

/**
 * The store inside a change's write transaction, with the entailment rules' writes held in memory until {@link #flush}:
 * reads see the store with those writes laid over it, and only the net difference reaches the store. Delete-and-rederive
 * takes out every transitive pair a removed link supported and puts back those that still hold; moving a subtree under
 * a sibling thus deletes, then re-adds, a pair per concept of the subtree and ancestor they keep. Here such a pair is
 * never written: the store gets the pairs that really changed, and its indexes (six per quad) and the text index are
 * written once per net change instead of three times.
 *
 * <p>The writes are held by {@link HeldWrites}. At most {@link #MAX_HELD} quads are held: past that the net so far is written and the buffer starts again, so a
 * change that entails millions of quads costs the heap no more than that. One thread, one change; the rules never
 * write while they iterate (TDB2 forbids it too), so the lazy reads here never see the buffer change under them.
 */
final class BufferedEntailmentWrites extends DatasetGraphWrapper implements PrecheckedWrites {
    static final int MAX_HELD = 300_000;

    private final DatasetGraph store;
    private final HeldWrites held = new HeldWrites();
    private final int maxHeld;
    private long netAdded;
    private long netDeleted;

    BufferedEntailmentWrites(DatasetGraph store) {
        this(store, MAX_HELD);
    }

    /** Holding at most {@code maxHeld} quads before writing the net so far. */
    BufferedEntailmentWrites(DatasetGraph store, int maxHeld) {
        super(store);
        this.store = store;
        this.maxHeld = maxHeld;
    }

    @Override
    public Iterator<Quad> find(Node graph, Node subject, Node property, Node object) {
        Node g = any(graph);
        Node s = any(subject);
        Node p = any(property);
        Node o = any(object);
        return held.over(store.find(g, s, p, o), g, s, p, o);
    }

    @Override
    public Iterator<Quad> find(Quad pattern) {
        return find(pattern.getGraph(), pattern.getSubject(), pattern.getPredicate(), pattern.getObject());
    }

    @Override
    public Iterator<Quad> findNG(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o);
    }

    @Override
    public boolean contains(Node g, Node s, Node p, Node o) {
        return find(g, s, p, o).hasNext();
    }

    @Override
    public boolean contains(Quad quad) {
        return contains(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject());
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
        add(Quad.create(g, s, p, o));
    }

    @Override
    public void add(Quad quad) {
        held.add(quad, () -> store.contains(quad));
        flushIfFull();
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
        delete(Quad.create(g, s, p, o));
    }

    @Override
    public void delete(Quad quad) {
        held.delete(quad, () -> store.contains(quad));
        flushIfFull();
    }

    /** Absent from this view: either deleted here (then back as the store has it) or in no graph of the store. */
    @Override
    public void addAbsent(Node g, Node s, Node p, Node o) {
        held.add(Quad.create(g, s, p, o), () -> false);
        flushIfFull();
    }

    /** Present in this view: either added here (then simply forgotten) or held by the store. */
    @Override
    public void deletePresent(Node g, Node s, Node p, Node o) {
        held.delete(Quad.create(g, s, p, o), () -> true);
        flushIfFull();
    }

    @Override
    public void deleteAny(Node g, Node s, Node p, Node o) {
        // Read whole first: the deletions change what the lazy reads would see.
        Iter.toList(find(g, s, p, o)).forEach(this::delete);
    }

    @Override
    public void clear() {
        deleteAny(Node.ANY, Node.ANY, Node.ANY, Node.ANY);
    }

    /** Writes the net difference held so far to the store (in its transaction) and empties the buffer. */
    void flush() {
        for (Quad q : held.deleted()) {
            PrecheckedWrites.deletePresent(store, q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }
        for (Quad q : held.added()) {
            PrecheckedWrites.addAbsent(store, q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }
        netDeleted += held.deleted().size();
        netAdded += held.added().size();
        held.clear();
    }

    /** Quads written to the store by {@link #flush}, added and deleted. */
    IncrementalEntailments.Counts written() {
        return new IncrementalEntailments.Counts(netAdded, netDeleted);
    }

    private void flushIfFull() {
        if (held.size() >= maxHeld) {
            flush();
        }
    }

    private static Node any(Node n) {
        return n == null ? Node.ANY : n;
    }
}
